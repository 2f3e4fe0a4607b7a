/**
 * The report's tables, each figure in one of them at most, and none a chart already draws: a
 * company's quarter (with our calculations under it), the markets, and the figures the texts
 * name nowhere. Every table ends with the sources of its figures.
 */
import type { Week } from '../data/schema.js';
import type { Translate } from '../i18n/index.js';
import { RETURN_METRICS } from '../metrics/collect.js';
import type { ResolvedFigure } from '../metrics/types.js';
import { composeHtml } from './compose.js';
import { type FigureContext, type FigureOptions, figureView, sourcesOf } from './figures.js';
import type Handlebars from './handlebars.js';

export interface Row {
  label: string;
  value: Handlebars.SafeString;
  note: string | null;
  estimate: boolean;
}

export interface Table {
  heading: string;
  rows: Row[];
  /** Rows we computed from the figures above, under their own heading. */
  ours: Row[];
  /** "Source: Deriv [2]": the sources of the table's figures. */
  source: Handlebars.SafeString | null;
}

export interface TableContext extends FigureContext {
  week: Week;
  t: Translate;
  /** Ids of the figures a chart draws: they are left out of the tables. */
  charted: ReadonlySet<string>;
  sourceLine(sourceNos: readonly number[]): Handlebars.SafeString | null;
}

/** Growth rates and moves print their sign; levels and amounts do not. */
const SIGNED = new Set(['cloudGrowth', 'operatingCashFlowGrowth', 'capex-growth', 'eps-surprise']);

const OURS = [
  ['capex-growth', 'capexGrowth'],
  ['capex-to-ocf', 'capexToOcf'],
  ['cloud-share-of-revenue', 'cloudShareOfRevenue'],
  ['eps-surprise', 'epsSurprise'],
] as const;

function rowOf(
  label: string,
  figure: ResolvedFigure,
  ctx: TableContext,
  opts: FigureOptions = {},
): Row {
  return {
    label,
    value: figureView(figure, ctx, { style: 'compact', ...opts }).html,
    note: figure.note ? figure.note[ctx.locale] : null,
    estimate: figure.estimate,
  };
}

/** One table per company with a quarter of results; the figures a chart draws are left out. */
export function returnsTables(ctx: TableContext): Table[] {
  const { week, t, metrics, locale } = ctx;
  const get = (id: string) => (ctx.charted.has(id) ? undefined : metrics.figures.get(id));
  return week.companies.flatMap((company) => {
    const returns = company.returns;
    if (!returns) return [];
    const used: ResolvedFigure[] = [];
    const add = (label: string, figure: ResolvedFigure | undefined, opts: FigureOptions = {}) => {
      if (!figure) return [];
      used.push(figure);
      return [rowOf(label, figure, ctx, opts)];
    };
    const id = (metric: string) => `${company.id}.returns.${metric}`;
    const rows: Row[] = [];
    for (const metric of RETURN_METRICS) {
      if (metric === 'sharePriceReaction') continue;
      rows.push(...add(t(`returns.${metric}`), get(id(metric)), { signed: SIGNED.has(metric) }));
    }
    rows.push(...epsRow(ctx, get(id('eps.actual')), get(id('eps.expected')), used));
    rows.push(
      ...moveRow(ctx, t('returns.sharePriceReaction'), get(id('sharePriceReaction')), used),
    );
    for (const other of returns.other)
      rows.push(...add(other.label[locale], get(id(`other.${other.id}`))));
    const ours: Row[] = [];
    for (const [metric, key] of OURS) {
      ours.push(
        ...add(t(`returns.${key}`), get(`derived.${company.id}.${metric}`), {
          signed: SIGNED.has(metric),
        }),
      );
    }
    ours.push(...gapRow(ctx, get(`derived.${company.id}.ocf-gap`), used));
    const heading = t('returns.period', {
      company: company.name[locale],
      period: returns.period[locale],
    });
    return [{ heading, rows, ours, source: ctx.sourceLine(sourcesOf(used, ctx)) }];
  });
}

/** "US$1.95 (consensus US$1.97)": the result and what was expected, in one row. */
function epsRow(
  ctx: TableContext,
  actual: ResolvedFigure | undefined,
  expected: ResolvedFigure | undefined,
  used: ResolvedFigure[],
): Row[] {
  if (!actual) return [];
  used.push(actual);
  const value = figureView(actual, ctx, { style: 'compact' }).html;
  if (!expected) return [{ label: ctx.t('returns.eps'), value, note: null, estimate: false }];
  used.push(expected);
  const html = composeHtml((v) => ctx.t('returns.epsAgainst', v), {
    actual: value,
    expected: figureView(expected, ctx, { style: 'compact' }).html,
  });
  return [{ label: ctx.t('returns.eps'), value: html, note: null, estimate: false }];
}

/** A move in words: "down more than 10%" reads where "below −10%" would be notation. */
function moveRow(
  ctx: TableContext,
  label: string,
  figure: ResolvedFigure | undefined,
  used: ResolvedFigure[],
): Row[] {
  if (!figure) return [];
  used.push(figure);
  const size = figureView(figure, ctx, { style: 'compact', magnitude: true }).html;
  const key =
    figure.value < 0 ? 'returns.down' : figure.value > 0 ? 'returns.up' : 'returns.unchanged';
  const value = composeHtml((v) => ctx.t(key, v), { value: size });
  return [
    { label, value, note: figure.note ? figure.note[ctx.locale] : null, estimate: figure.estimate },
  ];
}

/** Operating cash flow against the plan, said the way round it falls: "plan above cash by …". */
function gapRow(
  ctx: TableContext,
  figure: ResolvedFigure | undefined,
  used: ResolvedFigure[],
): Row[] {
  if (!figure) return [];
  used.push(figure);
  const key = figure.value < 0 ? 'returns.ocfShortfall' : 'returns.ocfSurplus';
  return [rowOf(ctx.t(key), figure, ctx, { magnitude: true })];
}

export interface MarketRow {
  label: string;
  level: Handlebars.SafeString | null;
  change: Handlebars.SafeString | null;
  note: string | null;
}

export function marketTable(ctx: TableContext): {
  rows: MarketRow[];
  source: Handlebars.SafeString | null;
} {
  const used: ResolvedFigure[] = [];
  const cell = (id: string, signed: boolean) => {
    const figure = ctx.charted.has(id) ? undefined : ctx.metrics.figures.get(id);
    if (!figure) return null;
    used.push(figure);
    return figureView(figure, ctx, { style: 'compact', signed }).html;
  };
  const rows = ctx.week.markets.map((m) => ({
    label: m.label[ctx.locale],
    level: cell(`markets.${m.id}.level`, false),
    change: cell(`markets.${m.id}.change`, true),
    note: m.note ? m.note[ctx.locale] : null,
  }));
  return { rows, source: ctx.sourceLine(sourcesOf(used, ctx)) };
}

/** Figures of `otherFigures` that no text names and no chart draws: else a reader never sees them. */
export function unmentionedFigures(
  ctx: TableContext,
  mentioned: ReadonlySet<string>,
): Table | null {
  const rows: Row[] = [];
  const used: ResolvedFigure[] = [];
  for (const other of ctx.week.otherFigures) {
    const id = `other.${other.id}`;
    const figure = ctx.metrics.figures.get(id);
    if (!figure || mentioned.has(id) || ctx.charted.has(id)) continue;
    used.push(figure);
    rows.push(rowOf(other.label[ctx.locale], figure, ctx));
  }
  if (rows.length === 0) return null;
  return {
    heading: ctx.t('markets.other'),
    rows,
    ours: [],
    source: ctx.sourceLine(sourcesOf(used, ctx)),
  };
}
