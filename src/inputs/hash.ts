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
  /** Font package → version (fonts/identity.ts). */
  fonts: Readonly<Record<string, string>>;
}

/** Every input file by name → SHA-256: the week first, the rest by name. */
export function inputHashes(inputs: InputSet): Record<string, string> {
  const [week, ...rest] = listInputs(inputs);
  const files = [...(week ? [week] : []), ...rest.sort((a, b) => (a.name < b.name ? -1 : 1))];
  return Object.fromEntries(files.map((file) => [file.name, file.sha256]));
}

export function inputsHash(inputs: InputSet, context: BuildContext): string {
  const parts: [string, string][] = [
    ...Object.entries(inputHashes(inputs)),
    ...Object.entries(context.fonts).map(([name, version]): [string, string] => [
      `fonts/${name}`,
      version,
    ]),
  ];
  const lines = parts.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}\u0000${v}`);
  return sha256([...lines, context.tool, context.browser ?? '', context.paper].join('\n'));
}
