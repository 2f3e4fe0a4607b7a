/** Which week a command means when none is named: the newest one there is. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { msg } from '../messages/index.js';

const WEEK = /^\d{4}-W\d{2}$/;

/** The newest week file (`YYYY-Www.yaml`) in the data folder (week ids sort by time). */
export async function newestWeekFile(dir: string): Promise<string> {
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => WEEK.test(f.replace(/\.ya?ml$/, '')) && /\.ya?ml$/.test(f))
    .sort();
  const newest = files.at(-1);
  if (!newest) throw new UsageError(msg.build.noWeekFile(shown(dir)));
  return path.join(dir, newest);
}

/** The newest week folder `build` wrote in the output folder. */
export async function newestBuiltWeek(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const newest = entries
    .filter((e) => e.isDirectory() && WEEK.test(e.name))
    .map((e) => e.name)
    .sort()
    .at(-1);
  if (!newest) throw new UsageError(msg.archive.noBuiltWeek(shown(dir)));
  return newest;
}

function shown(dir: string): string {
  return path.relative(process.cwd(), dir) || '.';
}
