/**
 * What a build was made from and what it made, by hash: the manifest lets anyone check that a PDF
 * in a client's inbox is the one this data, these templates and this browser produce.
 */
import { createHash } from 'node:crypto';
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

const fontHashes = new Map<string, string>();

async function hashFont(file: string): Promise<string> {
  let hash = fontHashes.get(file);
  if (!hash) {
    hash = sha256(await readFile(file));
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
  const inputs: Record<string, string> = {};
  inputs[path.relative(options.root, path.resolve(options.dataFile))] = sha256(
    await readFile(options.dataFile),
  );
  for (const dir of [options.templatesDir, options.localesDir]) {
    for (const file of await filesUnder(dir))
      inputs[path.relative(options.root, file)] = sha256(await readFile(file));
  }
  for (const face of FONT_FACES) {
    inputs[`fonts/${face.family} ${face.weight}`] = await hashFont(face.file);
  }
  return inputs;
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
