/**
 * Stage 2, validate: the zod schema checks the shape, `rules.ts` the cross-field rules; every
 * problem is reported at once with file, data path, line and column, expected and found. The
 * texts' figure tokens are checked once the metrics are derived (validateTexts), against the
 * ids of the derived figures: nothing is derived twice.
 */
import type { z } from 'zod';
import { InvalidInputError, type Problem } from '../errors.js';
import { formatPath } from '../io/paths.js';
import { locateProblems } from '../io/yaml.js';
import { msg } from '../messages/index.js';
import type { Metrics } from '../metrics/types.js';
import type { LoadedWeek } from './load.js';
import { bilingualTexts, checkRules } from './rules.js';
import { type Week, weekSchema } from './schema.js';
import { suggestField } from './suggest.js';
import { checkTexts } from './text-rules.js';

export function validateWeek(loaded: LoadedWeek): Week {
  const parsed = weekSchema.safeParse(loaded.data, { reportInput: true });
  const problems: Problem[] = parsed.success
    ? checkRules(parsed.data, loaded)
    : flattenIssues(parsed.error.issues, loaded.data).flatMap((issue) => toProblems(issue, loaded));
  refuse(loaded, problems);
  return parsed.data as Week;
}

/** Every token of the texts names a figure of `metrics`; both languages carry the same numbers. */
export function validateTexts(week: Week, metrics: Metrics, loaded: LoadedWeek): void {
  const ids = new Set(metrics.figures.keys());
  refuse(loaded, locateProblems(loaded, checkTexts(bilingualTexts(week), ids)));
}

function refuse(loaded: LoadedWeek, problems: readonly Problem[]): void {
  if (problems.length > 0) {
    throw new InvalidInputError(msg.week.invalid(loaded.file, problems.length), problems);
  }
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

function expectation(issue: Issue, input: unknown): string {
  const last = issue.path.at(-1);
  const m = msg.week;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'number' && typeof input === 'number') return m.finiteNumber;
      if (issue.expected === 'string' && (last === 'zh-TW' || last === 'en')) return m.text(last);
      const name = m.typeNames[issue.expected] ?? `a ${issue.expected}`;
      return input === undefined ? m.requiredField(String(last), name) : name;
    }
    case 'invalid_value':
      return m.oneOf(issue.values);
    case 'too_small':
      return issue.origin === 'array' ? m.atLeastItems(issue.minimum) : m.atLeast(issue.minimum);
    case 'too_big':
      return m.atMost(issue.maximum);
    case 'invalid_format':
      if (issue.format === 'regex') return issue.message;
      if (issue.format === 'url') return m.httpsUrl;
      if (issue.format === 'date') return m.isoDate;
      if (issue.format === 'datetime') return m.dateTime;
      return m.validFormat(issue.format);
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
        ...msg.week.unknownField(key, suggestion),
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
      found: msg.week.foundValue(input),
    },
  ];
}
