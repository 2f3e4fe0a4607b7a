/**
 * Characters the bundled fonts lack, at the data paths of the texts that hold them: `validate`
 * finds them from the fonts' character maps (fonts/coverage.ts); a build that meets one while
 * embedding the fonts (render/report-html.ts) points here too, at the YAML rather than the HTML.
 */
import type { Problem } from '../errors.js';
import { findUncovered } from '../fonts/coverage.js';
import { msg } from '../messages/index.js';
import type { Week } from './schema.js';

type Issue = Omit<Problem, 'file' | 'line' | 'column'>;

/** Fields the report never prints: a figure's quote is only read by `validate`. */
const NOT_PRINTED = new Set(['quote']);

/** Every text of the week the report prints, with its data path. */
export function printedTexts(week: Week): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push({ path, text: value });
    else if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (!NOT_PRINTED.has(key)) walk(v, path ? `${path}.${key}` : key);
      }
    }
  };
  walk(week, '');
  return out;
}

/** The texts that hold any of `characters`, each with the ones it holds. */
export function locateCharacters(week: Week, characters: readonly string[]): Issue[] {
  return printedTexts(week).flatMap(({ path, text }) => {
    const held = characters.filter((c) => text.includes(c));
    if (held.length === 0) return [];
    return [{ path, ...msg.fonts.uncovered(held.map(msg.fonts.characterName).join(', ')) }];
  });
}

/** Every printed text's characters against the fonts' character maps. */
export function checkGlyphs(week: Week): Issue[] {
  const texts = printedTexts(week);
  const uncovered = findUncovered(texts.map((t) => t.text).join('\n'));
  return uncovered.length === 0 ? [] : locateCharacters(week, uncovered);
}
