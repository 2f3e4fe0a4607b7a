/** `capex-report validate FILE`: every problem (exit 1), or valid with its marks as warnings. */
import { checkWeekFile } from '../check.js';
import type { LocatedMark } from '../data/review.js';
import { markerProblem } from '../data/review.js';
import { formatProblem } from '../errors.js';
import { msg } from '../messages/index.js';
import { printJson, type ValidateJson } from './json.js';
import { createProgress, verbosityOf } from './progress.js';
import type { GlobalOptions } from './settings.js';

export interface ValidateCommandOptions extends GlobalOptions {
  json: boolean;
}

export async function runValidate(file: string, options: ValidateCommandOptions): Promise<void> {
  const { week, metrics, marks } = await checkWeekFile(file);
  const { meta, companies, sources } = week;
  const progress = await createProgress({ verbosity: verbosityOf(options), label: file });
  // Marks are warnings: the file is valid, but build refuses it until each is confirmed.
  for (const mark of marks) progress.warn(msg.review.warning(describeMark(mark)));
  if (marks.length > 0) {
    const figures = marks.filter((m) => m.kind === 'figure').length;
    progress.warn(msg.review.stillMarked(file, figures, marks.length - figures));
  }
  if (options.json) {
    const json: ValidateJson = {
      file,
      valid: true,
      week: meta.week,
      edition: meta.edition,
      companies: companies.length,
      sources: sources.length,
      figures: metrics.figures.size,
      marks,
    };
    printJson(json);
  } else {
    process.stdout.write(`${msg.build.valid(file, meta.week, companies.length, sources.length)}\n`);
  }
}

function describeMark(mark: LocatedMark): string {
  const { file, line, column } = mark;
  const where = { file, ...(line ? { line } : {}), ...(column ? { column } : {}) };
  return formatProblem({ ...markerProblem(mark), ...where });
}
