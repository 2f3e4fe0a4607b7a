/**
 * Stage 5, localize: the week, its metrics, the firm and the charts become one plain view per
 * language. Every string here is final and localized; the templates only place them. Each
 * figure appears in one table or one chart at most, beside the prose that needs it.
 */

import type { Locale, SectionId, Source, Week } from '../data/schema.js';
import { findTokens } from '../data/tokens.js';
import { formatDate, formatWeek } from '../format/index.js';
import type { Translate } from '../i18n/index.js';
import type { FirmIdentity } from '../inputs/firm.js';
import type { Metrics } from '../metrics/types.js';
import { type ChartView, chartViews, type RenderedChartSvg } from './chart-view.js';
import { type FigureContext, numberSources, richText } from './figures.js';
import { buildFirmView, disclaimerParagraphs, type FirmView } from './firm-view.js';
import { buildFront, type FrontView } from './front.js';
import type Handlebars from './handlebars.js';
import {
  type MarketRow,
  marketTable,
  returnsTables,
  type Table,
  unmentionedFigures,
} from './tables.js';

export type { ChartView, RenderedChartSvg } from './chart-view.js';

export interface ReportView {
  locale: Locale;
  htmlLang: string;
  title: string;
  author: string;
  weekLabel: string;
  /** "Edition 1" */
  editionLabel: string;
  firm: FirmView | null;
  front: FrontView;
  /** The key chart, on page 1. */
  keyChart: ChartView | null;
  /** Commentary per section, one entry per paragraph, each citing its sources at its end. */
  sections: Record<SectionId, Handlebars.SafeString[]>;
  returns: Table[];
  markets: { rows: MarketRow[]; source: Handlebars.SafeString | null };
  others: Table | null;
  views: { speaker: string; role: string; paraphrase: Handlebars.SafeString }[];
  sources: { no: number; anchor: string; citation: string; url: string | null }[];
  /** Charts grouped by the section they illustrate. */
  charts: Record<'capex' | 'returns' | 'flows', ChartView[]>;
  disclaimer: { notice: Handlebars.SafeString | null; paragraphs: string[] };
}

export interface ViewInput {
  week: Week;
  metrics: Metrics;
  locale: Locale;
  t: Translate;
  charts: readonly RenderedChartSvg[];
  firm?: FirmIdentity | undefined;
}

export function buildReportView(input: ViewInput): ReportView {
  const { week, metrics, locale, t, charts, firm } = input;
  const sourceNumbers = numberSources(week.sources);
  const ctx: FigureContext = { locale, metrics, sourceNumbers };
  const charted = new Set(charts.flatMap((c) => c.figures));
  const grouped = chartViews(charts, { ...ctx, week, t });
  const tableCtx = { ...ctx, week, t, charted, sourceLine: grouped.sourceLine };
  return {
    locale,
    htmlLang: locale === 'zh-TW' ? 'zh-Hant-TW' : 'en',
    title: week.meta.title[locale],
    author: week.meta.author[locale],
    weekLabel: formatWeek(week.meta.week, locale),
    editionLabel: t('cover.edition', { edition: week.meta.edition }),
    firm: buildFirmView(firm, locale),
    front: buildFront(week, ctx, t),
    keyChart: grouped.front,
    sections: sectionsOf(week, ctx),
    returns: returnsTables(tableCtx),
    markets: marketTable(tableCtx),
    others: unmentionedFigures(tableCtx, mentionedIds(week)),
    views: week.views.map((v) => {
      const no = sourceNumbers.get(v.source);
      return {
        speaker: v.speaker[locale],
        role: v.role[locale],
        paraphrase: richText(v.paraphrase[locale], ctx, { sources: no ? [no] : [] }),
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
    charts: { capex: grouped.capex, returns: grouped.returns, flows: grouped.flows },
    disclaimer: {
      notice: week.text.disclaimer ? richText(week.text.disclaimer[locale], ctx) : null,
      paragraphs: disclaimerParagraphs(firm, locale, t),
    },
  };
}

/** Each section's paragraphs (blank lines separate them), each citing its figures' sources. */
function sectionsOf(week: Week, ctx: FigureContext): Record<SectionId, Handlebars.SafeString[]> {
  return Object.fromEntries(
    Object.entries(week.text.sections).map(([id, text]) => [
      id,
      text[ctx.locale]
        .split(/\n\s*\n/)
        .map((paragraph) => richText(paragraph.trim(), ctx, { cite: true })),
    ]),
  ) as Record<SectionId, Handlebars.SafeString[]>;
}

/** Ids of the figures some text of the week names. */
function mentionedIds(week: Week): Set<string> {
  const texts = [
    week.text.headline,
    ...(week.text.view ? [week.text.view] : []),
    ...week.text.keyPoints,
    ...week.text.watch,
    ...Object.values(week.text.sections),
    ...week.views.map((v) => v.paraphrase),
    ...week.companies.flatMap((c) => (c.capexNote ? [c.capexNote] : [])),
  ];
  return new Set(texts.flatMap((text) => [...findTokens(text['zh-TW']), ...findTokens(text.en)]));
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
