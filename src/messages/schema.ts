/**
 * What a schema check of any input file says (src/io/zod-problems.ts): what a field expected and
 * what it found, in words rather than zod's.
 */
import type { ProblemText } from '../errors.js';

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  boolean: 'true or false',
};
export const typeName = (type: string) => TYPE_NAMES[type] ?? `a ${type}`;
export const eitherOf = (names: readonly string[]) => [...new Set(names)].join(' or ');

export const requiredField = (name: string, type: string) =>
  `the required field "${name}" (${typeName(type)})`;
export const localeText = (locale: string) =>
  locale === 'en' ? 'an English (en) text' : 'a Traditional Chinese (zh-TW) text';
export const finiteNumber = 'a finite number';
export const oneOf = (values: readonly unknown[]) =>
  `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
export const atLeastItems = (n: number | bigint) => `at least ${n} item(s)`;
export const atMostItems = (n: number | bigint) => `at most ${n} item(s)`;
export const atMostCharacters = (n: number | bigint) => `at most ${n} characters`;
export const itemCount = (n: number) => `${n} items`;
export const characterCount = (n: number) => `${n} characters`;
export const atLeast = (n: number | bigint, inclusive: boolean) =>
  inclusive ? `at least ${n}` : `more than ${n}`;
export const atMost = (n: number | bigint, inclusive: boolean) =>
  inclusive ? `at most ${n}` : `less than ${n}`;
export const httpsUrl = 'an https:// URL';
export const date = 'a real date written YYYY-MM-DD';
export const dateTime = 'a date and time with offset, e.g. 2026-02-06T18:00:00+08:00';
export const validFormat = (format: string) => `a valid ${format}`;

export const unknownField = (key: string, suggestion?: string): ProblemText => ({
  expected: 'only known fields',
  found: `an unknown field "${key}"`,
  ...(suggestion ? { hint: `did you mean "${suggestion}"?` } : {}),
});

// What was found.
export const missing = 'nothing (the field is missing)';
export const emptyList = 'an empty list';
export const aList = 'a list';
export const aValueOfType = (type: string) => `a ${type}`;
