/**
 * Charts as the page places them: the SVG, one source line under it, and the notes its marks
 * need (what an estimate is based on, a company without a figure). The first company chart of
 * capex against cash is the key chart of page 1.
 */
import type { Week } from '../data/schema.js';
import type { Translate } from '../i18n/index.js';
import { msg } from '../messages/index.js';
import { composeHtml } from './compose.js';
import { citationMarks, type FigureContext, richText } from './figures.js';
import Handlebars from './handlebars.js';

/** A rendered chart as the chart stage gives it: its SVG is trusted markup (ours, from Vega). */
export interface RenderedChartSvg {
  id: string;
  title: string;
  description: string;
  svg: string;
  /** "Source: CMoney (LSEG Lipper data)": printed under the chart. */
  source: string;
  /** The sources' ids, for the marks that link to the sources list. */
  sourceIds: readonly string[];
  /** Ids of the figures the chart draws: no table repeats them. */
  figures: readonly string[];
}

/** A chart as the templates place it: the SVG marked safe for Handlebars. */
export interface ChartView {
  id: string;
  title: string;
  svg: Handlebars.SafeString;
  caption: Handlebars.SafeString;
  notes: Handlebars.SafeString[];
}

export type ChartSection = 'capex' | 'returns' | 'flows';

/**
 * Which section each chart illustrates, by the chart id's ending (per-company charts are
 * `<company>-capex-vs-cash`); a chart matching none is a build error, not a silent drop.
 */
export const CHART_SECTIONS: readonly [suffix: string, section: ChartSection][] = [
  ['capex-by-company', 'capex'],
  ['capex-vs-cash', 'returns'],
  ['flows-by-category', 'flows'],
  ['flows-by-region', 'flows'],
];

interface ChartContext extends FigureContext {
  week: Week;
  t: Translate;
}

export interface GroupedCharts extends Record<ChartSection, ChartView[]> {
  front: ChartView | null;
  /** "Source: CMoney [1]; Deriv [2]" for a table's sources. */
  sourceLine(sourceNos: readonly number[]): Handlebars.SafeString | null;
}

export function chartViews(charts: readonly RenderedChartSvg[], ctx: ChartContext): GroupedCharts {
  const out: GroupedCharts = {
    front: null,
    capex: [],
    returns: [],
    flows: [],
    sourceLine: (nos) => sourceLine(nos, ctx),
  };
  for (const chart of charts) {
    const section = CHART_SECTIONS.find(([suffix]) => chart.id.endsWith(suffix))?.[1];
    if (!section) throw new Error(msg.render.noChartSection(chart.id));
    const view = chartView(chart, ctx, section === 'capex' ? capexNotes(ctx) : []);
    if (section === 'returns' && out.front === null) out.front = view;
    else out[section].push(view);
  }
  return out;
}

function chartView(
  chart: RenderedChartSvg,
  ctx: ChartContext,
  notes: Handlebars.SafeString[],
): ChartView {
  const marks = citationMarks(chart.sourceIds.flatMap((id) => ctx.sourceNumbers.get(id) ?? []));
  return {
    id: chart.id,
    title: chart.title,
    svg: new Handlebars.SafeString(chart.svg),
    caption: new Handlebars.SafeString(
      `${Handlebars.escapeExpression(chart.source)}\u00a0${marks}`,
    ),
    notes,
  };
}

/**
 * Under the capex chart: each estimate with what it rests on, and each company's note (a
 * company that gave no figure, and what it gave instead).
 */
function capexNotes(ctx: ChartContext): Handlebars.SafeString[] {
  const { metrics, locale, t, week } = ctx;
  const estimates = metrics.capex.flatMap((row) =>
    Object.entries(row.byYear).flatMap(([year, figure]) =>
      figure?.estimate && figure.note
        ? [t('notes.estimateOf', { company: row.name[locale], year, basis: figure.note[locale] })]
        : [],
    ),
  );
  const notes: Handlebars.SafeString[] = [];
  if (estimates.length > 0) {
    const separator = t('notes.separator');
    const text = `${[t('notes.estimate'), ...estimates].join(separator)}${separator.trim()}`;
    notes.push(new Handlebars.SafeString(Handlebars.escapeExpression(text)));
  }
  for (const company of week.companies) {
    if (company.capexNote) notes.push(richText(company.capexNote[locale], ctx));
  }
  return notes;
}

function sourceLine(nos: readonly number[], ctx: ChartContext): Handlebars.SafeString | null {
  if (nos.length === 0) return null;
  const items = nos.map((no) => {
    const source = ctx.week.sources[no - 1];
    return `<span class="nobr">${Handlebars.escapeExpression(source?.publisher ?? '')} ${citationMarks([no])}</span>`;
  });
  const list = new Handlebars.SafeString(
    items.join(Handlebars.escapeExpression(ctx.t('charts.common.listSeparator'))),
  );
  return composeHtml((v) => ctx.t('charts.common.source', { sources: v.list }), { list });
}
