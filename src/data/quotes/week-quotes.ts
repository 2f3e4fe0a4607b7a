/**
 * Every figure of the week that has words in a source carries them (`quote:`), and says no more
 * than they do. Only figures computed in code have no quote: the derived metrics, and the
 * `estimateFrom` entries, which give their `basis` instead.
 */
import type { Problem, ProblemText } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { collectFigures } from '../../metrics/collect.js';
import type { Unit, Week } from '../schema.js';
import { checkQuote, type QuoteProblem } from './check-quote.js';

type Issue = Omit<Problem, 'file' | 'line' | 'column'>;

function describe(p: QuoteProblem, unit: Unit, quote: string): ProblemText {
  switch (p.problem) {
    case 'no-number':
      return msg.quotes.noNumber(p.unit, quote);
    case 'value':
      return msg.quotes.valueOff(p.expected, unit, p.words, p.found, p.sign);
    case 'precision':
      return msg.quotes.tooPrecise(p.maxDecimals, p.words, p.decimals);
    case 'qualifier':
      return msg.quotes.qualifierOff(p.allowed, p.word, p.found);
  }
}

/** Problems at `<figure>.quote`: missing, or saying something else than the figure. */
export function checkQuotes(
  week: Week,
  writtenDecimals: ReadonlyMap<string, number> = new Map(),
): Issue[] {
  const out: Issue[] = [];
  for (const f of collectFigures(week, writtenDecimals)) {
    const path = `${f.path}.quote`;
    if (f.quote === undefined) {
      out.push({ path, ...msg.quotes.missing() });
      continue;
    }
    for (const problem of checkQuote({ ...f, quote: f.quote })) {
      out.push({ path, ...describe(problem, f.unit, f.quote) });
    }
  }
  return out;
}
