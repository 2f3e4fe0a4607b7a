/** The locale files (locales/en.json, locales/zh-TW.json). */
import type { ProblemText } from '../errors.js';

export const invalid = (where: string, count: number) =>
  `Invalid locale files (${where}): ${count} problem(s)`;
export const notJson = (found: string): ProblemText => ({
  expected: 'a JSON object of strings',
  found,
});
export const emptyString = (found: string): ProblemText => ({
  expected: 'a non-empty string',
  found,
});
export const keyOnlyIn = (key: string, locale: string): ProblemText => ({
  expected: `the key "${key}" (it exists in ${locale}.json)`,
  found: 'nothing',
});
export const missingString = (key: string, locale: string) =>
  `Missing string "${key}" in locale ${locale}`;
export const missingKey = (key: string): ProblemText => ({
  expected: `the string "${key}"`,
  found: 'nothing',
});
