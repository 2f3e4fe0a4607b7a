/** The chart stage. */
export const couldNot = (verb: string, chart: string, reason: string) =>
  `Could not ${verb} chart ${chart}: ${reason}`;
export const noSpec = (template: string) => `no chart spec ${template}.vl.json among the templates`;
export const notASpec = 'expected a Vega-Lite spec object';
export const missingValue = (name: string) => `Missing chart value "${name}"`;
export const badLocale = (locales: readonly string[], found: unknown) =>
  `expected a locale (${locales.join(', ')}) as an argument, got ${String(found)}`;
