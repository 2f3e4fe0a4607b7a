/**
 * The marks `new-week` leaves in next week's file: `review: { carriedFrom, value }` on every
 * figure carried over, `draft: true` on every text. A figure whose value no longer equals the
 * carried one was changed, so it is reviewed even if the marker stayed; a text is a draft until its
 * marker goes. `validate` lists what is still marked; `build` refuses it unless `--draft`.
 */
import { InvalidInputError, type Problem } from '../errors.js';
import { formatPath } from '../io/paths.js';
import { locateProblems } from '../io/yaml.js';
import { msg } from '../messages/index.js';
import type { LoadedWeek } from './load.js';
import type { Week } from './schema.js';

export interface Mark {
  kind: 'figure' | 'text';
  /** Data path of the figure or text, e.g. `companies[0].capex.2026`. */
  path: string;
  /** For a figure: the week it was carried from and its value then. */
  carriedFrom?: string;
  value?: number;
}

export type LocatedMark = Mark & Pick<Problem, 'file' | 'line' | 'column'>;

type Review = { carriedFrom: string; value: number };

/** Every figure still carried unchanged and every text still marked draft, in file order. */
export function findMarks(week: Week): Mark[] {
  const out: Mark[] = [];
  const walk = (value: unknown, keys: (string | number)[]) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, [...keys, i]);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const review = record.review as Review | undefined;
    if (review && review.value === record.value) {
      out.push({ kind: 'figure', path: formatPath(keys), ...review });
    }
    if (record.draft === true) out.push({ kind: 'text', path: formatPath(keys) });
    for (const [k, v] of Object.entries(record)) if (k !== 'review') walk(v, [...keys, k]);
  };
  walk(week, []);
  return out;
}

/** The marks with the file, line and column of their marker. */
export function locateMarks(loaded: LoadedWeek, marks: readonly Mark[]): LocatedMark[] {
  const problems = locateProblems(loaded, marks.map(markerProblem));
  return marks.map((mark, i) => {
    const { file, line, column } = problems[i] as Problem;
    return {
      ...mark,
      file,
      ...(line === undefined ? {} : { line }),
      ...(column ? { column } : {}),
    };
  });
}

/** A mark as a located problem: the line of its `review:` or `draft:` key. */
export function markerProblem(mark: Mark): Omit<Problem, 'file'> {
  if (mark.kind === 'text') return { path: `${mark.path}.draft`, ...msg.review.draftText };
  const text = msg.review.carriedFigure(mark.carriedFrom ?? '?', mark.value ?? Number.NaN);
  return { path: `${mark.path}.review`, ...text };
}

/** Refuses a week that still holds marks (build without `--draft`), naming each. */
export function refuseMarked(week: Week, loaded: LoadedWeek): void {
  const marks = findMarks(week);
  if (marks.length === 0) return;
  const figures = marks.filter((m) => m.kind === 'figure').length;
  throw new InvalidInputError(
    msg.review.notReviewed(loaded.file, figures, marks.length - figures),
    locateProblems(loaded, marks.map(markerProblem)),
  );
}
