/**
 * Stage 8, assemble: the build's pages, charts and PDFs as artifacts in memory, in the order the
 * manifest lists them (HTML, charts, PDFs), then the manifest itself.
 */
import type { RenderedChart } from '../charts/report.js';
import { chartFileName } from '../charts/report.js';
import type { Locale, Week } from '../data/schema.js';
import type { BuildContext } from '../inputs/hash.js';
import type { Metrics } from '../metrics/types.js';
import { type Artifact, makeArtifact } from './artifacts.js';
import { buildManifest, MANIFEST_FILE, type Manifest } from './manifest.js';

export interface LanguageOutput {
  locale: Locale;
  html: string;
  charts: readonly RenderedChart[];
  /** Absent without a browser (`htmlOnly`). */
  pdf?: Uint8Array | undefined;
}

export interface AssembleInput {
  languages: readonly LanguageOutput[];
  week: Week;
  metrics: Metrics;
  context: BuildContext;
  /** Every input by name → SHA-256 (inputHashes). */
  inputs: Record<string, string>;
  inputsHash: string;
}

export function assembleArtifacts(input: AssembleInput): {
  artifacts: Artifact[];
  manifest: Manifest;
} {
  const { languages } = input;
  const outputs: Artifact[] = [
    ...languages.map((l) => makeArtifact(`report.${l.locale}.html`, l.html, l.locale)),
    ...languages.flatMap((l) =>
      l.charts.map((c) => makeArtifact(`charts/${chartFileName(c.id, l.locale)}`, c.svg, l.locale)),
    ),
    ...languages.flatMap((l) =>
      l.pdf ? [makeArtifact(`report.${l.locale}.pdf`, l.pdf, l.locale)] : [],
    ),
  ];
  const manifest = buildManifest({
    week: input.week.meta.week,
    edition: input.week.meta.edition,
    context: input.context,
    inputs: input.inputs,
    inputsHash: input.inputsHash,
    metrics: input.metrics,
    outputs,
  });
  const manifestFile = makeArtifact(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  return { artifacts: [...outputs, manifestFile], manifest };
}
