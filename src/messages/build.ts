/** The build as a whole. */
export const aborted = 'Build aborted';
export const noInput = 'Nothing to build: give buildReport a dataFile or its inputs';
export const interrupted = (reason: string) =>
  `Build interrupted (${reason}); the previous output is untouched`;
export const noWeekFile = (dir: string) =>
  `No week file (YYYY-Www.yaml) in ${dir}/; pass one with --data FILE`;
export const valid = (file: string, week: string, companies: number, sources: number) =>
  `${file}: valid (${week}, ${companies} companies, ${sources} sources)`;
