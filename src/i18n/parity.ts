/**
 * Both locale files must define the same keys: a string that exists in one language only would
 * otherwise surface as a missing or wrong-language text in a client's PDF.
 */

import { LOCALES, type Locale } from '../data/schema.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { LOCALES_DIR, localeFile, type Resources, readLocaleResources } from './index.js';
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
export function checkLocaleParity(dir: string = LOCALES_DIR): Problem[] {
  const loaded = new Map<Locale, Map<string, unknown>>();
  const problems: Problem[] = [];
  for (const locale of LOCALES) {
    let resources: Resources;
    try {
      resources = readLocaleResources(locale, dir);
    } catch (cause) {
      problems.push({
        file: localeFile(locale, dir),
        path: '',
        expected: 'a readable JSON file of strings',
        found: (cause as Error).message,
      });
      continue;
    }
    loaded.set(locale, flattenKeys(resources));
  }
  for (const [locale, keys] of loaded) {
    for (const [key, value] of keys) {
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push({
          file: localeFile(locale, dir),
          path: key,
          expected: 'a non-empty string',
          found: JSON.stringify(value),
        });
      }
      for (const other of LOCALES) {
        if (other === locale || !loaded.has(other)) continue;
        if (!loaded.get(other)?.has(key)) {
          problems.push({
            file: localeFile(other, dir),
            path: key,
            expected: `the key "${key}" (it exists in ${locale}.json)`,
            found: 'nothing',
          });
        }
      }
    }
  }
  const zh = loaded.get('zh-TW');
  if (zh) problems.push(...checkLocaleTraditional(localeFile('zh-TW', dir), zh));
  return problems;
}

export function assertLocaleParity(dir: string = LOCALES_DIR): void {
  const problems = checkLocaleParity(dir);
  if (problems.length > 0) {
    throw new InvalidInputError(
      `Invalid locale files (${dir}): ${problems.length} problem(s)`,
      problems,
    );
  }
}
