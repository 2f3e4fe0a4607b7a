/**
 * How much one week may hold: far above any real week (the sample is ~40 KB, 4 companies, 7 items
 * in its longest list, 1,766 characters in its longest text), far below what would make a build
 * run for minutes and gigabytes. The file size is checked before the file is parsed (inputs/load.ts),
 * the rest by the schema (schema.ts); each refusal names its limit.
 */
import type { Problem } from '../errors.js';
import { msg } from '../messages/index.js';
import type { Week } from './schema.js';

/** Bytes of the week file: 1 MiB. */
export const MAX_WEEK_FILE_BYTES = 1024 * 1024;
export const MAX_SOURCES = 200;
export const MAX_COMPANIES = 50;
/** Items of any other list: figures (aggregates, flows, markets, other figures), key points, views. */
export const MAX_LIST_ITEMS = 100;
/** Years of one company's capex. */
export const MAX_CAPEX_YEARS = 20;
/** Characters of one text (one language of a bilingual text, a title, a quote, a URL). */
export const MAX_TEXT_CHARACTERS = 10_000;

/** The one limit the schema cannot state: capex is a mapping of years. */
export function checkCapexYears(week: Week): Omit<Problem, 'file' | 'line' | 'column'>[] {
  return week.companies.flatMap((company, c) => {
    const years = Object.keys(company.capex).length;
    if (years <= MAX_CAPEX_YEARS) return [];
    return [{ path: `companies[${c}].capex`, ...msg.faults.tooManyYears(MAX_CAPEX_YEARS, years) }];
  });
}
