/**
 * The texts of a page too wide for its paper (overflow.ts), at the data paths they come from: a
 * figure's by its id, any other text by its longest word, found among the week's printed texts;
 * a text from elsewhere (a locale string, a template) at the page itself.
 */
import { printedTexts } from '../data/glyph-rules.js';
import type { LoadedWeek } from '../data/load.js';
import { inputPaths } from '../data/ranges.js';
import type { Week } from '../data/schema.js';
import type { PageTooWideError, Problem } from '../errors.js';
import { locateProblems } from '../io/yaml.js';
import { msg } from '../messages/index.js';
import type { Metrics } from '../metrics/types.js';

export interface OverflowSource {
  week: Week;
  metrics: Metrics;
  /** The week file, for lines and columns. */
  source: Pick<LoadedWeek, 'file' | 'locate'>;
  widthMm: number;
}

export function overflowProblems(error: PageTooWideError, at: OverflowSource): Problem[] {
  const texts = printedTexts(at.week);
  const problems = error.overflows.flatMap((overflow) => {
    // What cannot wrap: a figure as printed, else the text's longest word.
    const culprit = overflow.figure ? overflow.text : longestWord(overflow.text);
    const shown = culprit.length > 60 ? `${culprit.slice(0, 60)}…` : culprit;
    const problem = msg.faults.tooWide(at.widthMm, shown, overflow.reachesMm);
    const paths = overflow.figure
      ? figurePaths(overflow.figure, at.metrics)
      : texts.filter((t) => culprit !== '' && t.text.includes(culprit)).map((t) => t.path);
    if (paths.length === 0) return [{ file: `report.${error.locale}.html`, path: '', ...problem }];
    return locateProblems(
      at.source,
      paths.map((path) => ({ path, ...problem })),
    );
  });
  const seen = new Set<string>();
  return problems.filter(
    (p) => !seen.has(`${p.file} ${p.path}`) && seen.add(`${p.file} ${p.path}`),
  );
}

function figurePaths(id: string, metrics: Metrics): string[] {
  const figure = metrics.figures.get(id);
  if (!figure) return [];
  return figure.derived && figure.path === 'derived'
    ? inputPaths(figure, metrics)
    : [`${figure.path}.value`];
}

function longestWord(text: string): string {
  return text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
}
