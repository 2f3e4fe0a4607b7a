/**
 * The one hash of everything a build's PDFs are made from: every input file, the fonts, the
 * tool's and the browser's versions and the paper. The manifest records it and each PDF's /ID is
 * derived from it, so the same inputs give byte-identical files and any change gives new ones.
 */
import { sha256 } from './files.js';
import { type InputSet, listInputs } from './load.js';

export interface BuildContext {
  /** capex-report's version. */
  tool: string;
  /** Chromium's version string; null for a build without PDFs. */
  browser: string | null;
  paper: string;
  /** The fonts, by `fonts/<family> <weight>`: their identity (see fonts/identity.ts). */
  fonts: Readonly<Record<string, string>>;
}

/** Every input by name → SHA-256 (the week first, the rest by name), then the fonts. */
export function inputHashes(inputs: InputSet, fonts: Readonly<Record<string, string>>) {
  const [week, ...rest] = listInputs(inputs);
  const files = [...(week ? [week] : []), ...rest.sort((a, b) => (a.name < b.name ? -1 : 1))];
  return Object.fromEntries([
    ...files.map((file) => [file.name, file.sha256] as const),
    ...Object.entries(fonts),
  ]);
}

export function inputsHash(inputs: InputSet, context: BuildContext): string {
  const lines = Object.entries(inputHashes(inputs, context.fonts))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}\u0000${v}`);
  return sha256([...lines, context.tool, context.browser ?? '', context.paper].join('\n'));
}
