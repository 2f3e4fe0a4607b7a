/** Progress as a command shows it: its steps, counts and timings (stderr). */
export const building = (what: string) => `Building ${what}`;
export const archiving = (week: string) => `Archiving ${week}`;
export const step = (label: string, stage: string) => `${label} · ${stage}`;
export const timed = (stage: string, ms: number) => `  ${stage} ${Math.round(ms)} ms`;
export const counted = (label: string, bar: string, done: number, total: number) =>
  `${label} ${bar} ${done}/${total}`;
export const quietOption = 'print only errors on stderr (the result on stdout stays)';
export const verboseOption = 'print every stage with its timing on stderr';
