/**
 * What a build was made from and what it made, by hash: the manifest lets anyone check that a PDF
 * in a client's inbox is the one this data, these templates and this browser produce.
 */
import type { BuildContext } from '../inputs/hash.js';
import type { Metrics } from '../metrics/types.js';
import type { Artifact } from './artifacts.js';

export interface Manifest {
  tool: { name: 'capex-report'; version: string; node: string };
  browser: string | null;
  week: string;
  edition: number;
  paper: string;
  /** Font package → version. */
  fonts: Record<string, string>;
  inputs: Record<string, string>;
  /** One hash over all inputs, the tool and browser version: also the seed of the PDFs' /ID. */
  inputsHash: string;
  outputs: Record<string, { sha256: string; bytes: number }>;
  /** Derived figures with their inputs and formulas, so every printed ratio can be traced. */
  derived: { id: string; value: number; formula: string; inputs: string[] }[];
}

export const MANIFEST_FILE = 'manifest.json';

export interface ManifestInput {
  week: string;
  edition: number;
  context: BuildContext;
  inputs: Record<string, string>;
  inputsHash: string;
  metrics: Metrics;
  outputs: readonly Artifact[];
}

export function buildManifest(m: ManifestInput): Manifest {
  return {
    tool: { name: 'capex-report', version: m.context.tool, node: process.version },
    browser: m.context.browser,
    week: m.week,
    edition: m.edition,
    paper: m.context.paper,
    fonts: { ...m.context.fonts },
    inputs: m.inputs,
    inputsHash: m.inputsHash,
    outputs: Object.fromEntries(
      m.outputs.map((a) => [a.name, { sha256: a.sha256, bytes: a.bytes.byteLength }]),
    ),
    derived: [...m.metrics.figures.values()]
      .filter((f) => f.derived)
      .map((f) => ({ id: f.id, value: f.value, formula: f.formula ?? '', inputs: f.inputs ?? [] })),
  };
}

/** A manifest that names this tool: what marks an output folder as one of ours (write.ts). */
export function isOurManifest(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { tool?: { name?: unknown } };
    return parsed.tool?.name === 'capex-report';
  } catch {
    return false;
  }
}
