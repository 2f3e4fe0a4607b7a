/** Next week's file (`new-week`) and the marks it leaves: figures to review, texts in draft. */
import type { ProblemText } from '../errors.js';

// The marks, as validate lists them and build refuses them.
export const carriedFigure = (from: string, value: number): ProblemText => ({
  expected:
    'a figure checked for this week: change it, or remove its `review:` line once it is confirmed',
  found: `carried from ${from} unchanged (${value})`,
});
export const draftText: ProblemText = {
  expected: 'a text rewritten or confirmed for this week: remove its `draft: true` line',
  found: 'a draft carried from the week before',
};
export const notReviewed = (file: string, figures: number, texts: number) =>
  `Not built: ${file} still holds ${marks(figures, texts)}; confirm or change each (or build with --draft)`;
export const stillMarked = (file: string, figures: number, texts: number) =>
  `${file}: ${marks(figures, texts)}: build refuses them until each is confirmed or changed; build --draft builds anyway`;
export const warning = (where: string) => `warning: ${where}`;

function marks(figures: number, texts: number): string {
  const f = figures === 1 ? '1 figure carried for review' : `${figures} figures carried for review`;
  const t = texts === 1 ? '1 text marked as a draft' : `${texts} texts marked as drafts`;
  return `${f} and ${t}`;
}

export const draftNotArchived = (file: string, count: number) =>
  `Not archived: ${file} still holds ${count} ${count === 1 ? 'mark' : 'marks'} of new-week (a draft build); confirm or change each, build, then archive`;

// new-week.
export const newWeek =
  "Start next week's file from the latest week file: meta moved on, figures marked for review, texts marked as drafts.";
export const newWeekArgument = 'the new week, e.g. 2026-W07 (default: the week after the latest)';
export const started = (file: string, from: string, periodEnd: string) =>
  `${file}: started from ${from} (week ending ${periodEnd})`;
export const startedMarks = (figures: number, texts: number) =>
  `  ${marks(figures, texts)}; edit them, then validate and build`;
export const weekExists = (file: string) =>
  `${file} exists already; new-week never overwrites a week file`;
export const badWeek = (week: string) => `Not an ISO week id (YYYY-Www that exists): ${week}`;
export const noEarlierWeek = (week: string, dir: string) =>
  `No week file before ${week} in ${dir}/ to start it from`;
export const missingMeta = (field: string): ProblemText => ({
  expected: `meta.${field}, to move it to the new week`,
  found: 'nothing',
});
export const couldNotStart = (file: string) => `Could not start a new week from ${file}`;
