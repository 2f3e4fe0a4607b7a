/** The bundled fonts. */
import type { ProblemText } from '../errors.js';

export const couldNotRead = (family: string, weight: number, file: string) =>
  `Could not read font file ${family} ${weight} (${file})`;
export const couldNotSubset = (family: string, weight: number, file: string) =>
  `Could not subset font ${family} ${weight} (${file})`;
export const noHead = 'Could not embed fonts (the HTML has no </head>)';
export const noGlyphs = (locale: string) => `Could not find glyphs for the ${locale} report`;
export const uncovered = (found: string): ProblemText => ({
  expected: 'characters that Inter or Noto Sans TC can print',
  found,
  hint: 'replace the character in the data or locale file',
});
/** A character as messages show it: `"☃" (U+2603)`. */
export const characterName = (c: string) =>
  `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`;
