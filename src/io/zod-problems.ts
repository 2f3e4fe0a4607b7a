/**
 * zod's issues as located problems (file, line, column, data path, expected, found, hint), for
 * any input file read through io/yaml.ts. Generalized from the week's validate.ts so that the
 * config and the client list say things the same way; validate.ts can move onto it.
 */
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { msg } from '../messages/index.js';
import { formatPath } from './paths.js';
import type { Position } from './yaml.js';

type Issue = z.core.$ZodIssue;

export interface IssueSource {
  file: string;
  /** The value that was checked. */
  data: unknown;
  locate?(path: readonly PropertyKey[]): Position | undefined;
}

export interface IssueOptions {
  /** A known field name close to a misspelt one. */
  suggest?(key: string): string | undefined;
  /** Which branch of a union the input was meant for (default: the first whose type fits). */
  pickBranch?(input: unknown, branches: readonly (readonly Issue[])[]): number;
}

export function problemsFromIssues(
  issues: readonly Issue[],
  source: IssueSource,
  options: IssueOptions = {},
): Problem[] {
  return flattenIssues(issues, source.data, options).flatMap((issue) =>
    toProblems(issue, source, options),
  );
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A type mismatch at the union itself, in every branch: one problem naming every type. */
const rootTypeMismatch = (branch: readonly Issue[]) =>
  branch.find((i) => i.code === 'invalid_type' && i.path.length === 0);

function flattenIssues(
  issues: readonly Issue[],
  root: unknown,
  options: IssueOptions,
  prefix: PropertyKey[] = [],
): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ ...issue, path }];
    const input = valueAt(root, path);
    const mismatches = issue.errors.map(rootTypeMismatch);
    if (mismatches.every((m) => m?.code === 'invalid_type')) {
      const names = mismatches.map((m) =>
        msg.schema.typeName(m?.code === 'invalid_type' ? m.expected : ''),
      );
      return [{ code: 'custom', path, message: msg.schema.eitherOf(names), input }];
    }
    const picked = options.pickBranch?.(input, issue.errors) ?? mismatches.indexOf(undefined);
    const branch = issue.errors[picked] ?? issue.errors[0] ?? [];
    return flattenIssues(branch, root, options, path);
  });
}

function describe(value: unknown): string {
  if (value === undefined) return msg.schema.missing;
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
  if (Array.isArray(value)) return value.length === 0 ? msg.schema.emptyList : msg.schema.aList;
  return msg.schema.aValueOfType(typeof value);
}

function sizeOf(value: unknown): string {
  if (Array.isArray(value)) return msg.schema.itemCount(value.length);
  if (typeof value === 'string') return msg.schema.characterCount(value.length);
  return describe(value);
}

function expectation(issue: Issue, input: unknown): string {
  const last = issue.path.at(-1);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' && typeof input === 'number') return msg.schema.finiteNumber;
      if (issue.expected === 'string' && (last === 'zh-TW' || last === 'en')) {
        return msg.schema.localeText(last);
      }
      return input === undefined
        ? msg.schema.requiredField(String(last), issue.expected)
        : msg.schema.typeName(issue.expected);
    case 'invalid_value':
      return msg.schema.oneOf(issue.values);
    case 'too_small':
      return issue.origin === 'array'
        ? msg.schema.atLeastItems(issue.minimum)
        : msg.schema.atLeast(issue.minimum, issue.inclusive ?? true);
    case 'too_big':
      if (issue.origin === 'array') return msg.schema.atMostItems(issue.maximum);
      if (issue.origin === 'string') return msg.schema.atMostCharacters(issue.maximum);
      return msg.schema.atMost(issue.maximum, issue.inclusive ?? true);
    case 'invalid_format':
      if (issue.format === 'regex' || issue.format === 'email') return issue.message;
      if (issue.format === 'url') return msg.schema.httpsUrl;
      if (issue.format === 'date') return msg.schema.date;
      if (issue.format === 'datetime') return msg.schema.dateTime;
      return msg.schema.validFormat(issue.format);
    default:
      return issue.message;
  }
}

function toProblems(issue: Issue, source: IssueSource, options: IssueOptions): Problem[] {
  const at = (path: readonly PropertyKey[]) => {
    const position = source.locate?.(path);
    return {
      file: source.file,
      path: formatPath(path),
      ...(position ? { line: position.line, column: position.column } : {}),
    };
  };
  if (issue.code === 'unrecognized_keys') {
    // One problem per unknown field, located at the field itself, with a likely intended name.
    return issue.keys.map((key) => ({
      ...at([...issue.path, key]),
      ...msg.schema.unknownField(key, options.suggest?.(key)),
    }));
  }
  const input = valueAt(source.data, issue.path);
  // A limit's problem says how many there are, not what the first of them reads.
  const found = issue.code === 'too_big' ? sizeOf(input) : describe(input);
  return [{ ...at(issue.path), expected: expectation(issue, input), found }];
}
