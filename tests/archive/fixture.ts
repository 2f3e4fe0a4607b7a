/**
 * The archive tests' weeks, built for real: the sample (v1), and the sample with Amazon's Q4
 * revenue and the headline corrected, once as edition 2 and once with the edition left at 1.
 */
import path from 'node:path';
import type { BuiltWeek } from '../../src/archive/types.js';
import {
  buildWeekFolder,
  CORRECTION,
  editedWeekFile,
  readBuiltWeek,
  SAMPLE_FILE,
} from '../helpers/built-week.js';

export const OLD_REVENUE = 'value: 213.4';
export const NEW_REVENUE = 'value: 215.9';

/** Amazon's revenue (and its source's words) and both languages' headline, corrected. */
function correct(text: string, edition: number): string {
  return text
    .replace(OLD_REVENUE, NEW_REVENUE)
    .replace('收入達 2,134 億美元', '收入達 2,159 億美元')
    .replace(/(\n {2}headline:\n {4}zh-TW: ")/, '$1更正：')
    .replace(/(\n {2}headline:\n {4}zh-TW: "[^\n]*\n {4}en: ")/, '$1Corrected: ')
    .replace('edition: 1', `edition: ${edition}`);
}

export interface Weeks {
  v1: BuiltWeek;
  /** Edition 2 with the correction note. */
  v2: BuiltWeek;
  /** The same corrected data, edition still 1, no note. */
  unbumped: BuiltWeek;
}

/** Builds the three weeks (two at a time: one per core) under `dir`. */
export async function buildWeeks(dir: string): Promise<Weeks> {
  const files = {
    v2: editedWeekFile(path.join(dir, 'v2-data'), (t) => correct(t, 2)),
    unbumped: editedWeekFile(path.join(dir, 'unbumped-data'), (t) => correct(t, 1)),
  };
  const [v1Dir, v2Dir] = await Promise.all([
    buildWeekFolder(SAMPLE_FILE, path.join(dir, 'v1')),
    buildWeekFolder(files.v2, path.join(dir, 'v2')),
  ]);
  const unbumpedDir = await buildWeekFolder(files.unbumped, path.join(dir, 'unbumped'));
  return {
    v1: readBuiltWeek(v1Dir, SAMPLE_FILE),
    v2: readBuiltWeek(v2Dir, files.v2, CORRECTION),
    unbumped: readBuiltWeek(unbumpedDir, files.unbumped),
  };
}
