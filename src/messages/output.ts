/** Writing the build's files to the output folder. */
import type { ProblemText } from '../errors.js';

export const couldNotWrite = (target: string) => `Could not write the report files (${target})`;
export const couldNotWriteFile = (target: string) => `Could not write ${target}`;
export const inTheWay = (target: string) =>
  `Could not write the report files (${target}): something else is in the way`;
export const notOurOutput = (found: string): ProblemText => ({
  expected:
    'nothing there yet, or a folder of an earlier capex-report build (with its manifest.json)',
  found,
  hint: 'move it away or choose another output folder with --out; capex-report never deletes what it did not write',
});
export const notAFolder = 'a file';
export const foreignFolder = 'a folder capex-report did not write';
export const built = (week: string, seconds: string, dir: string) =>
  `Built ${week} in ${seconds} s → ${dir}/`;
