/**
 * Cross-field rules that the schema's shape cannot express. Each rule returns problems; all of
 * them are reported together.
 */
import type { Problem } from '../errors.js';
import { locateProblems } from '../io/yaml.js';
import { msg } from '../messages/index.js';
import { isoWeekOf } from './isoweek.js';
import { checkCapexYears } from './limits.js';
import type { LoadedWeek } from './load.js';
import { checkQuotes } from './quotes/week-quotes.js';
import { checkRanges } from './ranges.js';
import { type Bilingual, isCapexEstimate, type Week } from './schema.js';
import { checkTraditionalTexts } from './traditional.js';
import { checkUnits } from './unit-rules.js';

type Issue = Omit<Problem, 'file' | 'line' | 'column'>;

export function checkRules(week: Week, loaded: LoadedWeek): Problem[] {
  const issues: Issue[] = [
    ...checkWeekId(week),
    ...checkUniqueIds(week),
    ...checkSources(week),
    ...checkRanges(week),
    ...checkCapexYears(week),
    ...checkCapex(week),
    ...checkUnits(week),
    ...checkFlowWeek(week),
    ...checkQuotes(week, loaded.writtenDecimals),
    ...checkTraditionalTexts(bilingualTexts(week)),
  ];
  return locateProblems(loaded, issues);
}

/** The fund flows must be the report week's, not a stale week's left in the file. */
function checkFlowWeek(week: Week): Issue[] {
  const flowWeek = isoWeekOf(week.fundFlows.weekEnding);
  if (flowWeek === week.meta.week) return [];
  return [
    {
      path: 'fundFlows.weekEnding',
      ...msg.week.flowWeek(week.meta.week, week.fundFlows.weekEnding, flowWeek),
    },
  ];
}

function checkWeekId(week: Week): Issue[] {
  const actual = isoWeekOf(week.meta.periodEnd);
  if (actual === week.meta.week) return [];
  return [{ path: 'meta.week', ...msg.week.weekId(week.meta.periodEnd, actual, week.meta.week) }];
}

function duplicates(values: readonly string[]): Set<string> {
  const seen = new Set<string>();
  return new Set(values.filter((v) => seen.has(v) || !seen.add(v)));
}

function checkUniqueIds(week: Week): Issue[] {
  const out: Issue[] = [];
  const unique = (what: string, path: (i: number) => string, values: readonly string[]) => {
    const dup = duplicates(values);
    values.forEach((v, i) => {
      if (dup.has(v) && values.indexOf(v) !== i)
        out.push({ path: path(i), ...msg.week.duplicate(what, v) });
    });
  };
  unique(
    'company id',
    (i) => `companies[${i}].id`,
    week.companies.map((c) => c.id),
  );
  unique(
    'ticker',
    (i) => `companies[${i}].ticker`,
    week.companies.map((c) => c.ticker),
  );
  unique(
    'source id',
    (i) => `sources[${i}].id`,
    week.sources.map((s) => s.id),
  );
  const flows = [...week.fundFlows.byCategory, ...week.fundFlows.byRegion];
  const n = week.fundFlows.byCategory.length;
  unique(
    'fund-flow id',
    (i) => (i < n ? `fundFlows.byCategory[${i}].id` : `fundFlows.byRegion[${i - n}].id`),
    flows.map((f) => f.id),
  );
  unique(
    'aggregate id',
    (i) => `aggregates[${i}].id`,
    week.aggregates.map((a) => a.id),
  );
  unique(
    'other-figure id',
    (i) => `otherFigures[${i}].id`,
    week.otherFigures.map((o) => o.id),
  );
  for (const [c, company] of week.companies.entries()) {
    unique(
      `id among ${company.id}'s other returns`,
      (i) => `companies[${c}].returns.other[${i}].id`,
      (company.returns?.other ?? []).map((o) => o.id),
    );
  }
  unique(
    'market id',
    (i) => `markets[${i}].id`,
    week.markets.map((m) => m.id),
  );
  return out;
}

/** Every `source:` anywhere in the data names a listed source. */
function checkSources(week: Week): Issue[] {
  const known = new Set(week.sources.map((s) => s.id));
  const out: Issue[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const child = path ? `${path}.${key}` : key;
        if (key === 'source' && typeof v === 'string' && !known.has(v)) {
          out.push({ path: child, ...msg.week.unknownSource([...known], v) });
        } else walk(v, child);
      }
    }
  };
  const { sources: _listed, ...rest } = week;
  walk(rest, '');
  return out;
}

function checkCapex(week: Week): Issue[] {
  const out: Issue[] = [];
  week.companies.forEach((company, c) => {
    for (const [year, entry] of Object.entries(company.capex)) {
      const path = `companies[${c}].capex.${year}`;
      if (isCapexEstimate(entry)) {
        const base = company.capex[entry.estimateFrom.year];
        if (!base || isCapexEstimate(base)) {
          out.push({
            path: `${path}.estimateFrom.year`,
            ...msg.week.estimateBase(company.id, entry.estimateFrom.year),
          });
        }
        continue;
      }
      if (entry.value < 0)
        out.push({ path: `${path}.value`, ...msg.week.negativeCapex(entry.value) });
      if (entry.unit !== 'USD bn')
        out.push({ path: `${path}.unit`, ...msg.week.unitFor(['USD bn'], entry.unit, 'capex') });
    }
  });
  for (const list of ['byCategory', 'byRegion'] as const) {
    for (const [i, f] of week.fundFlows[list].entries()) {
      if (f.figure.unit === 'USD bn') continue;
      out.push({
        path: `fundFlows.${list}[${i}].figure.unit`,
        ...msg.week.unitFor(['USD bn'], f.figure.unit, 'a fund flow'),
      });
    }
  }
  return out;
}

/** Every bilingual text in the week, with its data path. */
export function bilingualTexts(week: Week): { path: string; text: Bilingual }[] {
  const out: { path: string; text: Bilingual }[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    } else if (value && typeof value === 'object') {
      // A text of both languages, perhaps marked `draft` by new-week (data/review.ts).
      const keys = Object.keys(value).filter((k) => k !== 'draft');
      if (keys.length === 2 && 'zh-TW' in value && 'en' in value)
        out.push({ path, text: value as Bilingual });
      else for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(week, '');
  return out;
}
