/**
 * Real BuiltWeeks for the archive's tests: the repository's week file, templates and locales as
 * inputs, and the files a real `capex-report build` wrote as artifacts (run through the compiled
 * dist/: `npm run build` first).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Artifact, BuiltWeek, InputFile } from '../../src/archive/types.js';
import type { Locale } from '../../src/data/schema.js';
import { ROOT, runCli } from './cli.js';

export const SAMPLE_WEEK = '2026-W06';
export const SAMPLE_FILE = path.join(ROOT, 'data', `${SAMPLE_WEEK}.yaml`);

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Builds `dataFile` into `<outRoot>/<week>/` with the real CLI; returns that folder. */
export async function buildWeekFolder(dataFile: string, outRoot: string): Promise<string> {
  const { code, stderr } = await runCli(['build', '--quiet', '--data', dataFile, '--out', outRoot]);
  if (code !== 0) throw new Error(`build of ${dataFile} failed (${code}): ${stderr}`);
  const week = path.basename(dataFile, '.yaml');
  return path.join(outRoot, week);
}

/** The sample week file with edits; written as `<dir>/2026-W06.yaml` so its name stays the week's. */
export function editedWeekFile(dir: string, edit: (text: string) => string): string {
  const file = path.join(dir, `${SAMPLE_WEEK}.yaml`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, edit(readFileSync(SAMPLE_FILE, 'utf8')));
  return file;
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  html: 'text/html',
  svg: 'image/svg+xml',
  json: 'application/json',
};

function artifactOf(dir: string, name: string): Artifact {
  const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
  const extension = name.split('.').at(-1) ?? '';
  const locale = /\.(zh-TW|en)\.[a-z]+$/.exec(name)?.[1] as Locale | undefined;
  const artifact: Artifact = {
    name,
    bytes,
    sha256: sha256(bytes),
    mediaType: MEDIA_TYPES[extension] ?? 'application/octet-stream',
  };
  if (locale) artifact.locale = locale;
  return artifact;
}

function inputOf(name: string, bytes: Uint8Array): InputFile {
  return { name, bytes, sha256: sha256(bytes) };
}

function packageVersion(name: string): string {
  const file = path.join(ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** A BuiltWeek from a built folder and the week file it was built from. */
export function readBuiltWeek(
  outputDir: string,
  dataFile: string,
  correction?: BuiltWeek['correction'],
): BuiltWeek {
  const manifest = JSON.parse(readFileSync(path.join(outputDir, 'manifest.json'), 'utf8')) as {
    tool: { version: string; node: string };
    browser: string | null;
    week: string;
    edition: number;
    inputsHash: string;
  };
  const inputs = [
    inputOf(`data/${path.basename(dataFile)}`, new Uint8Array(readFileSync(dataFile))),
    ...['templates', 'locales'].flatMap((folder) =>
      filesUnder(path.join(ROOT, folder)).map((name) =>
        inputOf(`${folder}/${name}`, new Uint8Array(readFileSync(path.join(ROOT, folder, name)))),
      ),
    ),
  ];
  const built: BuiltWeek = {
    week: manifest.week,
    edition: manifest.edition,
    inputs,
    artifacts: filesUnder(outputDir).map((name) => artifactOf(outputDir, name)),
    inputsHash: manifest.inputsHash,
    versions: {
      tool: manifest.tool.version,
      node: manifest.tool.node,
      browser: manifest.browser,
      fonts: Object.fromEntries(
        ['@expo-google-fonts/inter', '@expo-google-fonts/noto-sans-tc'].map((p) => [
          p,
          packageVersion(p),
        ]),
      ),
    },
  };
  if (correction) built.correction = correction;
  return built;
}

export interface Variation {
  /** Goes into the week file as a comment, so the inputs (and their hash) differ. */
  tag: string;
  edition: number;
  correction?: BuiltWeek['correction'];
  /** Also make every output's bytes differ (a synthetic archive with nothing shared). */
  outputs?: boolean;
}

/**
 * The built week with other bytes: the week file gets a comment and the edition, the outputs
 * (optionally) a trailing comment. For tests of the archive's bookkeeping, which reads bytes and
 * hashes, never the meaning of a report.
 */
export function varyBuiltWeek(base: BuiltWeek, v: Variation): BuiltWeek {
  const inputs = base.inputs.map((f) => {
    if (!f.name.startsWith('data/')) return f;
    const text = new TextDecoder().decode(f.bytes).replace(/edition: \d+/, `edition: ${v.edition}`);
    return inputOf(f.name, new TextEncoder().encode(`${text}# ${v.tag}\n`));
  });
  const artifacts = v.outputs
    ? base.artifacts.map((a) => {
        const bytes = new Uint8Array([
          ...a.bytes,
          ...new TextEncoder().encode(`\n<!-- ${v.tag} -->\n`),
        ]);
        return { ...a, bytes, sha256: sha256(bytes) };
      })
    : base.artifacts;
  const inputsHash = sha256(inputs.map((f) => `${f.name}\0${f.sha256}`).join('\n'));
  const varied: BuiltWeek = { ...base, edition: v.edition, inputs, artifacts, inputsHash };
  if (v.correction) varied.correction = v.correction;
  else delete varied.correction;
  return varied;
}

export const CORRECTION = {
  'zh-TW': '更正：亞馬遜第 4 季營收數字有誤，已修正。',
  en: 'Corrected: Amazon’s Q4 revenue figure was wrong and has been fixed.',
};

/**
 * Writes a BuiltWeek to a folder for tests/helpers/archive-child.mjs (a separate process):
 * `built.json` (everything but the bytes) and `files/<n>` (the bytes).
 */
export function writeBuiltWeekFolder(built: BuiltWeek, dir: string): string {
  mkdirSync(path.join(dir, 'files'), { recursive: true });
  let n = 0;
  const save = <T extends { bytes: Uint8Array }>(file: T) => {
    const { bytes, ...rest } = file;
    const relative = `files/${n++}`;
    writeFileSync(path.join(dir, relative), bytes);
    return { ...rest, file: relative };
  };
  const { inputs, artifacts, ...rest } = built;
  const meta = { ...rest, inputs: inputs.map(save), artifacts: artifacts.map(save) };
  writeFileSync(path.join(dir, 'built.json'), JSON.stringify(meta));
  return dir;
}
