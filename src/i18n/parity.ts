/**
 * Both locale files must define the same keys: a string that exists in one language only would
 * otherwise surface as a missing or wrong-language text in a client's PDF.
 */
import { LOCALES, type Locale } from '../data/schema.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { type InputFile, shownName } from '../inputs/files.js';
import { msg } from '../messages/index.js';
import { parseLocaleFile } from './index.js';
import { checkLocaleTraditional } from './traditional.js';

export function flattenKeys(resources: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (resources && typeof resources === 'object' && !Array.isArray(resources)) {
    for (const [key, value] of Object.entries(resources)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of flattenKeys(value, path)) out.set(k, v);
      } else out.set(path, value);
    }
  }
  return out;
}

/** Problems with the locale files: missing keys on either side, empty or non-string values. */
export function checkLocaleParity(files: Readonly<Record<Locale, InputFile>>): Problem[] {
  const loaded = new Map<Locale, Map<string, unknown>>();
  const problems: Problem[] = [];
  for (const locale of LOCALES) {
    try {
      loaded.set(locale, flattenKeys(parseLocaleFile(files[locale])));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push(...error.problems);
    }
  }
  for (const [locale, keys] of loaded) {
    for (const [key, value] of keys) {
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push({
          file: shownName(files[locale]),
          path: key,
          ...msg.locales.emptyString(JSON.stringify(value)),
        });
      }
      for (const other of LOCALES) {
        if (other === locale || !loaded.has(other)) continue;
        if (!loaded.get(other)?.has(key)) {
          problems.push({
            file: shownName(files[other]),
            path: key,
            ...msg.locales.keyOnlyIn(key, locale),
          });
        }
      }
    }
  }
  const zh = loaded.get('zh-TW');
  if (zh) problems.push(...checkLocaleTraditional(files['zh-TW'], zh));
  return problems;
}

export function assertLocaleParity(files: Readonly<Record<Locale, InputFile>>): void {
  const problems = checkLocaleParity(files);
  if (problems.length > 0) {
    throw new InvalidInputError(msg.locales.invalid('locales', problems.length), problems);
  }
}
