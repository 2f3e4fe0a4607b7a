/** The week file: its shape (zod), its cross-field rules and its texts. */
import type { ProblemText } from '../errors.js';

export const invalid = (file: string, count: number) =>
  `Invalid week data (${file}): ${count === 1 ? '1 problem' : `${count} problems`}`;

// The schema's own words for its checks (the rest of a shape problem is in messages/schema.ts).
export const finiteNumber = 'a finite number';
export const nonEmptyText = 'a non-empty text';
export const idFormat = 'an id of lower-case letters, digits and hyphens';
export const year = 'a four-digit year';
export const positiveRatio = 'a ratio above 0';
export const ticker = 'a ticker of 1-6 capital letters';
export const weekIdFormat = 'an ISO week id such as 2026-W06';

// Cross-field rules (rules.ts, unit-rules.ts).
export const flowWeek = (week: string, date: string, dateWeek: string): ProblemText => ({
  expected: `a date in the report week ${week}`,
  found: `${date} (${dateWeek})`,
});
export const weekId = (periodEnd: string, actual: string, found: string): ProblemText => ({
  expected: `the ISO week of meta.periodEnd ${periodEnd} (${actual})`,
  found,
});
export const duplicate = (what: string, value: string): ProblemText => ({
  expected: `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} not listed before`,
  found: `${JSON.stringify(value)} again`,
});
export const unknownSource = (known: readonly string[], found: string): ProblemText => ({
  expected: `an existing source id (${known.join(', ')})`,
  found: JSON.stringify(found),
});
export const outOfRange = (
  unit: string,
  min: number,
  max: number,
  smallest: number,
  found: number,
): ProblemText => ({
  expected: `a value in ${unit} between ${min} and ${max}, and 0 or at least ${smallest} in size`,
  found: String(found),
});
export const estimateBase = (company: string, year: string): ProblemText => ({
  expected: `a year of ${company}'s capex that has a value`,
  found: year,
});
export const negativeCapex = (value: number): ProblemText => ({
  expected: 'capex of 0 or more',
  found: String(value),
});
export const unitFor = (allowed: readonly string[], found: string, what?: string): ProblemText => ({
  expected: `${allowed.map((u) => JSON.stringify(u)).join(' or ')}${what ? ` for ${what}` : ''}`,
  found: JSON.stringify(found),
});

// Texts (text-rules.ts).
export const tokenOutsideProse = (found: string): ProblemText => ({
  expected:
    'plain text (figure tokens work in text.*, views[].paraphrase and companies[].capexNote only)',
  found: JSON.stringify(found),
});
export const unknownToken = (token: string): ProblemText => ({
  expected: 'a token [[id]] naming a figure of this week',
  found: token,
  hint: 'see "Figure ids" in the README',
});
export const unknownTokenVariant = (token: string, variants: readonly string[]): ProblemText => ({
  expected: `a token [[id]] or [[id|variant]] with a variant of: ${variants.join(', ')}`,
  found: token,
  hint: '[[id|abs]] prints the size without its sign, for a verb that says the direction',
});
export const malformedToken = (found: string): ProblemText => ({
  expected: 'tokens written [[id]] with a lower-case id and no spaces',
  found,
});
export const numberParity = (zh: string, en: string): ProblemText => ({
  expected: 'the same numbers in zh-TW and en (write figures as [[id]] tokens)',
  found: `zh-TW {${zh}} vs en {${en}}`,
});
