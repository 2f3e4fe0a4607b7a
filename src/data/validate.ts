/**
 * Stage 2, validate: the zod schema checks the shape, `rules.ts` the cross-field rules; every
 * problem is reported at once with file, data path, line and column, expected and found.
 */
import type { z } from 'zod';
import { InvalidInputError, type Problem } from '../errors.js';
import { formatPath } from '../io/paths.js';
import type { LoadedWeek } from './load.js';
import { checkRules } from './rules.js';
import { type Week, weekSchema } from './schema.js';
import { suggestField } from './suggest.js';

export function validateWeek(loaded: LoadedWeek): Week {
  const parsed = weekSchema.safeParse(loaded.data, { reportInput: true });
  const problems: Problem[] = parsed.success
    ? checkRules(parsed.data, loaded)
    : flattenIssues(parsed.error.issues, loaded.data).flatMap((issue) => toProblems(issue, loaded));
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new InvalidInputError(`Invalid week data (${loaded.file}): ${count}`, problems);
  }
  return parsed.data as Week;
}

type Issue = z.core.$ZodIssue;

/** A union's issues come from the branch the input was meant for (an estimate has `estimateFrom`). */
function flattenIssues(
  issues: readonly Issue[],
  root: unknown,
  prefix: PropertyKey[] = [],
): Issue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ ...issue, path }];
    const input = valueAt(root, path);
    const wantsEstimate = typeof input === 'object' && input !== null && 'estimateFrom' in input;
    const branch = issue.errors[wantsEstimate ? 1 : 0] ?? issue.errors[0] ?? [];
    return flattenIssues(branch, root, path);
  });
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    // Invisible characters are shown by code point, so "found" never looks empty.
    return shown.replace(
      /\p{Cf}/gu,
      (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
    );
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  return `a ${typeof value}`;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  string: 'a text',
  number: 'a number',
  array: 'a list',
  boolean: 'true or false',
};

function expectation(issue: Issue, input: unknown): string {
  const last = issue.path.at(-1);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'number' && typeof input === 'number') return 'a finite number';
      if (issue.expected === 'string' && (last === 'zh-TW' || last === 'en')) {
        return last === 'en' ? 'an English (en) text' : 'a Traditional Chinese (zh-TW) text';
      }
      const name = TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`;
      return input === undefined ? `the required field "${String(last)}" (${name})` : name;
    }
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'only known fields';
    case 'too_small':
      return issue.origin === 'array'
        ? `at least ${issue.minimum} item(s)`
        : `at least ${issue.minimum}`;
    case 'too_big':
      return `at most ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'regex') return issue.message;
      if (issue.format === 'url') return 'an https:// URL';
      if (issue.format === 'date') return 'a real date written YYYY-MM-DD';
      if (issue.format === 'datetime')
        return 'a date and time with offset, e.g. 2026-02-06T18:00:00+08:00';
      return `a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

function toProblems(issue: Issue, loaded: LoadedWeek): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    // One problem per unknown field, located at the field itself, with a likely intended name.
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const position = loaded.locate(path);
      const suggestion = suggestField(key);
      return {
        file: loaded.file,
        path: formatPath(path),
        ...(position ? { line: position.line, column: position.column } : {}),
        expected: 'only known fields',
        found: `an unknown field "${key}"`,
        ...(suggestion ? { hint: `did you mean "${suggestion}"?` } : {}),
      };
    });
  }
  const input = valueAt(loaded.data, issue.path);
  const position = loaded.locate(issue.path);
  return [
    {
      file: loaded.file,
      path: formatPath(issue.path),
      ...(position ? { line: position.line, column: position.column } : {}),
      expected: expectation(issue, input),
      found: describe(input),
    },
  ];
}
