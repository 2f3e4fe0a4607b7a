/**
 * Stage 5, localize: the week, its metrics and the charts become one plain view per language.
 * Every string here is final and localized; the templates only place them.
 */

import type { Bilingual, Locale, SectionId, Source, Week } from '../data/schema.js';
import { formatDate, formatWeek } from '../format/index.js';
import type { Translate } from '../i18n/index.js';
import { msg } from '../messages/index.js';
import { RETURN_METRICS } from '../metrics/collect.js';
import type { Metrics, ResolvedFigure } from '../metrics/types.js';
import {
  type FigureContext,
  type FigureView,
  figureView,
  numberSources,
  richText,
} from './figures.js';
import Handlebars from './handlebars.js';

/** A rendered chart as the chart stage gives it: its SVG is trusted markup (ours, from Vega). */
export interface RenderedChartSvg {
  id: string;
  title: string;
  description: string;
  svg: string;
}

/** A chart as the templates place it: the SVG marked safe for Handlebars. */
export interface ChartView extends Omit<RenderedChartSvg, 'svg'> {
  svg: Handlebars.SafeString;
}

export interface Row {
  label: string;
  value: FigureView;
  note?: string;
}

export interface ReportView {
  locale: Locale;
  htmlLang: string;
  title: string;
  author: string;
  headline: Handlebars.SafeString;
  weekLabel: string;
  periodEndLabel: string;
  issuedLabel: string;
  editionLabel: string;
  keyPoints: Handlebars.SafeString[];
  /** Commentary per section, one entry per paragraph (blank lines separate paragraphs). */
  sections: Record<SectionId, Handlebars.SafeString[]>;
  capex: {
    years: { year: string; header: string }[];
    rows: {
      name: string;
      ticker: string;
      cells: (FigureView | null)[];
      growth: FigureView | null;
      note: Handlebars.SafeString | null;
    }[];
    /** Sums per year, only where every company has a figure and none is estimated (derive.ts). */
    totals: { label: string; cells: (FigureView | null)[] } | null;
    aggregates: Row[];
  };
  returns: { heading: string; rows: Row[]; derived: Row[] }[];
  markets: {
    label: string;
    level: FigureView | null;
    change: FigureView | null;
    note: string | null;
  }[];
  flows: { byCategory: Row[]; byRegion: Row[]; asOf: string };
  others: Row[];
  views: {
    speaker: string;
    role: string;
    paraphrase: Handlebars.SafeString;
    attribution: string;
    sourceNo: number;
  }[];
  sources: { no: number; anchor: string; citation: string; url: string | null }[];
  /** Charts grouped by the section they illustrate. */
  charts: Record<ChartSection, ChartView[]>;
  disclaimer: Handlebars.SafeString;
}

export interface ViewInput {
  week: Week;
  metrics: Metrics;
  locale: Locale;
  t: Translate;
  charts: readonly RenderedChartSvg[];
}

/** Each return metric with its locale key under `returns.*`; EPS sits before the share-price move. */
const RETURN_ROWS: readonly (readonly [metric: string, key: string])[] = [
  ...RETURN_METRICS.filter((m) => m !== 'sharePriceReaction').map((m) => [m, m] as const),
  ['eps.actual', 'epsActual'],
  ['eps.expected', 'epsExpected'],
  ['sharePriceReaction', 'sharePriceReaction'],
];

const DERIVED_ROWS = [
  ['capex-growth', 'capexGrowth'],
  ['capex-to-ocf', 'capexToOcf'],
  ['ocf-gap', 'ocfGap'],
  ['cloud-share-of-revenue', 'cloudShareOfRevenue'],
  ['eps-surprise', 'epsSurprise'],
] as const;

export function buildReportView({ week, metrics, locale, t, charts }: ViewInput): ReportView {
  const sourceNumbers = numberSources(week.sources);
  const ctx: FigureContext = { locale, metrics, sourceNumbers };
  const pick = (text: Bilingual) => text[locale];
  const rich = (text: Bilingual) => richText(text[locale], ctx);
  const fig = (f: ResolvedFigure | undefined, signed = false) =>
    f ? figureView(f, ctx, 'compact', signed) : null;
  const get = (id: string) => metrics.figures.get(id);
  const row = (label: string, f: ResolvedFigure, signed = false): Row => ({
    label,
    value: figureView(f, ctx, 'compact', signed),
    ...(f.note ? { note: pick(f.note) } : {}),
  });

  const sections = Object.fromEntries(
    Object.entries(week.text.sections).map(([id, text]) => [
      id,
      text[locale].split(/\n\s*\n/).map((paragraph) => richText(paragraph.trim(), ctx)),
    ]),
  ) as Record<SectionId, Handlebars.SafeString[]>;

  return {
    locale,
    htmlLang: locale === 'zh-TW' ? 'zh-Hant-TW' : 'en',
    title: pick(week.meta.title),
    author: pick(week.meta.author),
    headline: rich(week.text.headline),
    weekLabel: formatWeek(week.meta.week, locale),
    periodEndLabel: t('cover.weekEnding', { date: formatDate(week.meta.periodEnd, locale) }),
    issuedLabel: t('cover.issued', { date: formatDate(week.meta.issuedAt.slice(0, 10), locale) }),
    editionLabel: t('cover.edition', { edition: week.meta.edition }),
    keyPoints: week.text.keyPoints.map(rich),
    sections,
    capex: {
      years: metrics.capexYears.map((year) => ({ year, header: t('table.capexYear', { year }) })),
      rows: metrics.capex.map((r) => {
        const company = week.companies.find((c) => c.id === r.companyId);
        return {
          name: pick(r.name),
          ticker: r.ticker,
          cells: metrics.capexYears.map((y) => fig(r.byYear[y])),
          growth: fig(r.growth, true),
          note: company?.capexNote ? rich(company.capexNote) : null,
        };
      }),
      totals:
        metrics.capexTotals.length === 0
          ? null
          : {
              label: t('table.combinedPartial'),
              cells: metrics.capexYears.map((year) =>
                fig(metrics.capexTotals.find((total) => total.year === year)?.figure),
              ),
            },
      aggregates: week.aggregates.map((a) =>
        row(pick(a.label), get(`aggregates.${a.id}`) as ResolvedFigure),
      ),
    },
    returns: week.companies.flatMap((company) => {
      const returns = company.returns;
      if (!returns) return [];
      const rows = RETURN_ROWS.flatMap(([metric, key]) => {
        const f = get(`${company.id}.returns.${metric}`);
        return f
          ? [
              row(
                t(`returns.${key}`),
                f,
                metric.endsWith('Growth') || metric === 'sharePriceReaction',
              ),
            ]
          : [];
      });
      for (const other of returns.other) {
        const f = get(`${company.id}.returns.other.${other.id}`);
        if (f) rows.push(row(pick(other.label), f));
      }
      const derived = DERIVED_ROWS.flatMap(([metric, key]) => {
        const f = get(`derived.${company.id}.${metric}`);
        return f
          ? [
              row(
                t(`returns.${key}`),
                f,
                metric === 'capex-growth' || metric === 'eps-surprise' || metric === 'ocf-gap',
              ),
            ]
          : [];
      });
      return [
        {
          heading: t('returns.period', {
            company: pick(company.name),
            period: pick(returns.period),
          }),
          rows,
          derived,
        },
      ];
    }),
    markets: week.markets.map((m) => ({
      label: pick(m.label),
      level: fig(get(`markets.${m.id}.level`)),
      change: fig(get(`markets.${m.id}.change`), true),
      note: m.note ? pick(m.note) : null,
    })),
    flows: {
      byCategory: week.fundFlows.byCategory.map((f) =>
        row(pick(f.label), get(`flows.${f.id}`) as ResolvedFigure, true),
      ),
      byRegion: week.fundFlows.byRegion.map((f) =>
        row(pick(f.label), get(`flows.${f.id}`) as ResolvedFigure, true),
      ),
      asOf: flowsAsOf(week, locale, t),
    },
    others: week.otherFigures.map((o) =>
      row(pick(o.label), get(`other.${o.id}`) as ResolvedFigure),
    ),
    views: week.views.map((v) => {
      const no = sourceNumbers.get(v.source) ?? 0;
      return {
        speaker: pick(v.speaker),
        role: pick(v.role),
        paraphrase: rich(v.paraphrase),
        attribution: t('views.attribution', { no }),
        sourceNo: no,
      };
    }),
    sources: week.sources.map((s, i) => ({
      no: i + 1,
      anchor: `src-${i + 1}`,
      // Chinese sentences follow each other without a space; English ones with one.
      citation: [
        citeSource(s, locale, t),
        t('sources.language', { language: t(`sources.languageNames.${s.language}`) }),
        ...(s.via ? [t('sources.via', { via: s.via })] : []),
      ].join(locale === 'zh-TW' ? '' : ' '),
      url: s.url ?? null,
    })),
    charts: groupCharts(charts),
    disclaimer: week.text.disclaimer
      ? rich(week.text.disclaimer)
      : new Handlebars.SafeString(Handlebars.escapeExpression(t('disclaimer.default'))),
  };
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

function groupCharts(charts: readonly RenderedChartSvg[]): Record<ChartSection, ChartView[]> {
  const out: Record<ChartSection, ChartView[]> = { capex: [], returns: [], flows: [] };
  for (const rendered of charts) {
    const chart = { ...rendered, svg: new Handlebars.SafeString(rendered.svg) };
    const section = CHART_SECTIONS.find(([suffix]) => chart.id.endsWith(suffix))?.[1];
    if (!section) throw new Error(msg.render.noChartSection(chart.id));
    out[section].push(chart);
  }
  return out;
}

/** Its own headline when the copy has one, else our description of it: never an invented title. */
function citeSource(s: Source, locale: Locale, t: Translate): string {
  const day = formatDate(s.date, locale);
  const date = s.dateQualifier === 'after' ? t('sources.dateAfter', { date: day }) : day;
  if (s.title !== undefined)
    return t('sources.accessed', { publisher: s.publisher, title: s.title, date });
  return t('sources.described', {
    publisher: s.publisher,
    date,
    description: s.description?.[locale] ?? '',
  });
}

function flowsAsOf(week: Week, locale: Locale, t: Translate): string {
  const source = week.sources.find((s) => s.id === week.fundFlows.source);
  return t('flows.asOf', {
    date: formatDate(week.fundFlows.weekEnding, locale),
    via: source?.via ?? source?.publisher ?? '',
    publisher: source?.publisher ?? '',
  });
}
