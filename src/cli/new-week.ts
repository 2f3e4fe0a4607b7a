/** `capex-report new-week [W]`: next week's file, started from the latest one in paths.data. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startNextWeek } from '../data/new-week.js';
import { UsageError } from '../errors.js';
import { writeNewFile } from '../io/exclusive.js';
import { msg } from '../messages/index.js';
import { type NewWeekJson, printJson } from './json.js';
import { createProgress, verbosityOf } from './progress.js';
import { type GlobalOptions, loadSettings } from './settings.js';
import { newestWeekFile } from './weeks.js';

export interface NewWeekCommandOptions extends GlobalOptions {
  json: boolean;
}

export async function runNewWeek(
  week: string | undefined,
  options: NewWeekCommandOptions,
): Promise<void> {
  const { config } = await loadSettings(options);
  const dir = config.paths.data;
  const source = week ? await weekFileBefore(dir, week) : await newestWeekFile(dir);
  const started = startNextWeek(await readFile(source, 'utf8'), shown(source), week);
  const target = path.join(dir, `${started.week}.yaml`);
  if (!(await writeNewFile(target, started.text))) {
    throw new UsageError(msg.review.weekExists(shown(target)));
  }
  const progress = await createProgress({ verbosity: verbosityOf(options), label: started.week });
  progress.info(msg.review.started(shown(target), started.from, started.periodEnd));
  progress.info(msg.review.startedMarks(started.figures.length, started.texts.length));
  if (options.json) {
    const { text: _text, from, ...rest } = started;
    const json: NewWeekJson = { file: target, ...rest, from: { file: source, week: from } };
    printJson(json);
  } else process.stdout.write(`${shown(target)}\n`);
}

/** The newest week file of `dir` before `week` (the week files' names sort by time). */
async function weekFileBefore(dir: string, week: string): Promise<string> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => /^\d{4}-W\d{2}\.ya?ml$/.test(f) && f.slice(0, 8) < week)
    .sort();
  const newest = names.at(-1);
  if (!newest) throw new UsageError(msg.review.noEarlierWeek(week, shown(dir)));
  return path.join(dir, newest);
}

function shown(file: string): string {
  return path.relative(process.cwd(), file) || '.';
}
