/** Each metric has one sensible unit: revenue in USD bn, growth in %, EPS in USD. */
import type { Problem } from '../errors.js';
import { msg } from '../messages/index.js';
import type { Unit, Week } from './schema.js';

type Issue = Omit<Problem, 'file' | 'line' | 'column'>;

const RETURN_UNITS: Record<string, readonly Unit[]> = {
  revenue: ['USD bn'],
  cloudRevenue: ['USD bn'],
  operatingCashFlowTtm: ['USD bn'],
  freeCashFlowTtm: ['USD bn'],
  netIncome: ['USD bn'],
  cloudGrowth: ['%'],
  cloudShareOfOperatingProfit: ['%'],
  operatingCashFlowGrowth: ['%'],
  sharePriceReaction: ['%'],
};

const MARKET_CHANGE_UNITS: readonly Unit[] = ['%', 'bp', 'pts'];

export function checkUnits(week: Week): Issue[] {
  const out: Issue[] = [];
  const expect = (path: string, unit: Unit, allowed: readonly Unit[]) => {
    if (!allowed.includes(unit)) {
      out.push({ path: `${path}.unit`, ...msg.week.unitFor(allowed, unit) });
    }
  };
  for (const [c, company] of week.companies.entries()) {
    const returns = company.returns;
    if (!returns) continue;
    for (const [metric, allowed] of Object.entries(RETURN_UNITS)) {
      const figure = returns[metric as keyof typeof returns];
      if (figure && typeof figure === 'object' && 'unit' in figure) {
        expect(`companies[${c}].returns.${metric}`, figure.unit, allowed);
      }
    }
    if (returns.eps) {
      expect(`companies[${c}].returns.eps.actual`, returns.eps.actual.unit, ['USD']);
      expect(`companies[${c}].returns.eps.expected`, returns.eps.expected.unit, ['USD']);
    }
  }
  for (const [i, market] of week.markets.entries()) {
    if (market.change) expect(`markets[${i}].change`, market.change.unit, MARKET_CHANGE_UNITS);
  }
  return out;
}
