/**
 * What a build was made from and what it made, by hash: the manifest lets anyone check that a PDF
 * in a client's inbox is the one this data, these templates and this browser produce.
 */
import { createHash, webcrypto } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FONT_FACES } from '../fonts/files.js';
import { readCheckedCacheFile, writeCheckedCacheFile } from '../io/cache-file.js';
import type { Metrics } from '../metrics/types.js';
import { VERSION } from '../version.js';

export interface Manifest {
  tool: { name: 'capex-report'; version: string; node: string };
  browser: string | null;
  week: string;
  edition: number;
  paper: string;
  inputs: Record<string, string>;
  /** One hash over all inputs, the tool and browser version: also the seed of the PDFs' /ID. */
  inputsHash: string;
  outputs: Record<string, { sha256: string; bytes: number }>;
  /** Derived figures with their inputs and formulas, so every printed ratio can be traced. */
  derived: { id: string; value: number; formula: string; inputs: string[] }[];
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * A file's SHA-256, computed off the main thread (Web Crypto runs in libuv's pool): the three
 * Noto Sans TC files alone are 21 MB, and a build's JavaScript keeps running meanwhile.
 */
async function hashFile(file: string): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', await readFile(file));
  return Buffer.from(digest).toString('hex');
}

/**
 * What says a file's content is the one hashed before, without reading it (git's index trusts the
 * same): writing to a file changes its change time, which no tool can set back; a file replaced
 * by another has another inode or change time. A file changed less than FRESH_MS before it was
 * hashed is never stored: a write within the same clock tick could leave its times unchanged.
 */
function statKey(s: Stats): string {
  return [s.dev, s.ino, s.size, s.mtimeMs, s.ctimeMs].join(':');
}

/** The font hashes kept in the cache directory: file → its stat key and SHA-256. */
type FontHashFile = Record<string, { stat: string; sha256: string }>;

export const FONT_HASHES_FILE = 'font-hashes.json';
const FRESH_MS = 1000;

async function readFontHashes(file: string): Promise<FontHashFile> {
  try {
    const whole = await readCheckedCacheFile(file);
    const parsed = whole ? (JSON.parse(whole.toString('utf8')) as unknown) : undefined;
    return parsed && typeof parsed === 'object' ? (parsed as FontHashFile) : {};
  } catch {
    return {}; // none yet, or damaged: every font is hashed again
  }
}

/**
 * Every font file's SHA-256. They are 22 MB (the three Noto Sans TC files alone are 21 MB) and
 * hashing them took ~70 ms of CPU from each cold build while Chromium starts, so the hashes are
 * kept in the cache directory by the files' stat keys, and in memory for the process.
 */
const fontHashes = new Map<string, Promise<Record<string, string>>>();

export function hashFonts(
  cacheDir?: string,
  files: readonly string[] = FONT_FACES.map((face) => face.file),
): Promise<Record<string, string>> {
  const memo = JSON.stringify([cacheDir ?? '', files]);
  let hashes = fontHashes.get(memo);
  if (!hashes) {
    hashes = computeFontHashes(cacheDir, files);
    hashes.catch(() => fontHashes.delete(memo));
    fontHashes.set(memo, hashes);
  }
  return hashes;
}

async function computeFontHashes(
  cacheDir: string | undefined,
  files: readonly string[],
): Promise<Record<string, string>> {
  const store = cacheDir ? path.join(cacheDir, FONT_HASHES_FILE) : undefined;
  const known = store ? await readFontHashes(store) : {};
  let changed = false;
  const hashes = await Promise.all(
    files.map(async (file) => {
      const started = Date.now(); // before the stat: the file may change while it is read
      const stats = await stat(file);
      const key = statKey(stats);
      const entry = known[file];
      if (entry?.stat === key && /^[0-9a-f]{64}$/.test(entry.sha256)) return entry.sha256;
      const sha256 = await hashFile(file);
      if (stats.ctimeMs < started - FRESH_MS) known[file] = { stat: key, sha256 };
      else delete known[file];
      changed = true;
      return sha256;
    }),
  );
  if (store && changed) await writeCheckedCacheFile(store, `${JSON.stringify(known, null, 2)}\n`);
  return Object.fromEntries(files.map((file, i) => [file, hashes[i] as string]));
}

/** Hashes of every input file, keyed by a path relative to the project (fonts by package path). */
export async function hashInputs(options: {
  dataFile: string;
  templatesDir: string;
  localesDir: string;
  root: string;
  /** Where the font hashes are kept between processes (see hashFonts); none: hashed each time. */
  cacheDir?: string | undefined;
}): Promise<Record<string, string>> {
  const files = [
    path.resolve(options.dataFile),
    ...(await Promise.all([options.templatesDir, options.localesDir].map(filesUnder))).flat(),
  ];
  const [entries, fonts] = await Promise.all([
    Promise.all(
      files.map(async (file) => [path.relative(options.root, file), await hashFile(file)]),
    ),
    hashFonts(options.cacheDir),
  ]);
  return Object.fromEntries([
    ...entries,
    ...FONT_FACES.map((face) => [`fonts/${face.family} ${face.weight}`, fonts[face.file]]),
  ]);
}

export function combineHash(parts: Record<string, string>, extra: readonly string[]): string {
  const lines = Object.entries(parts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}\u0000${v}`);
  return sha256([...lines, ...extra].join('\n'));
}

export interface ManifestInput {
  week: string;
  edition: number;
  paper: string;
  inputs: Record<string, string>;
  browser: string | null;
  metrics: Metrics;
  files: ReadonlyMap<string, Uint8Array | string>;
}

export function buildManifest(m: ManifestInput): Manifest {
  return {
    tool: { name: 'capex-report', version: VERSION, node: process.version },
    browser: m.browser,
    week: m.week,
    edition: m.edition,
    paper: m.paper,
    inputs: m.inputs,
    inputsHash: combineHash(m.inputs, [VERSION, m.browser ?? '', m.paper]),
    outputs: Object.fromEntries(
      [...m.files].map(([rel, data]) => [
        rel,
        { sha256: sha256(data), bytes: Buffer.byteLength(data) },
      ]),
    ),
    derived: [...m.metrics.figures.values()]
      .filter((f) => f.derived)
      .map((f) => ({ id: f.id, value: f.value, formula: f.formula ?? '', inputs: f.inputs ?? [] })),
  };
}
