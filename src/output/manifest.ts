/**
 * What a build was made from and what it made, by hash: the manifest lets anyone check that a PDF
 * in a client's inbox is the one this data, these templates and this browser produce.
 */
import { createHash, webcrypto } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FONT_FACES } from '../fonts/files.js';
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

/** The font files do not change while a process runs (they are part of the installation). */
const fontHashes = new Map<string, Promise<string>>();

function hashFont(file: string): Promise<string> {
  let hash = fontHashes.get(file);
  if (!hash) {
    hash = hashFile(file);
    hash.catch(() => fontHashes.delete(file));
    fontHashes.set(file, hash);
  }
  return hash;
}

/** Hashes of every input file, keyed by a path relative to the project (fonts by package path). */
export async function hashInputs(options: {
  dataFile: string;
  templatesDir: string;
  localesDir: string;
  root: string;
}): Promise<Record<string, string>> {
  const files = [
    path.resolve(options.dataFile),
    ...(await Promise.all([options.templatesDir, options.localesDir].map(filesUnder))).flat(),
  ];
  const entries = await Promise.all([
    ...files.map(async (file) => [path.relative(options.root, file), await hashFile(file)]),
    ...FONT_FACES.map(async (face) => [
      `fonts/${face.family} ${face.weight}`,
      await hashFont(face.file),
    ]),
  ]);
  return Object.fromEntries(entries);
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
