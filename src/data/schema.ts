/**
 * The week's data model: one zod schema is the single source of truth for both the TypeScript
 * types (`z.infer`) and the structural validation of `data/<ISO week>.yaml`.
 * Cross-field rules (source ids exist, week id matches the date, ...) live in `rules.ts`.
 */
import { z } from 'zod';
import { msg } from '../messages/index.js';
import { MAX_COMPANIES, MAX_LIST_ITEMS, MAX_SOURCES, MAX_TEXT_CHARACTERS } from './limits.js';

export const LOCALES = ['zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Units a figure can carry. `USD bn` is billions of US dollars; `pts` are index points; `x` a multiple. */
export const UNITS = ['USD', 'USD bn', '%', 'bp', 'pts', 'count', 'x'] as const;
export type Unit = (typeof UNITS)[number];

/**
 * What a figure is. `reported`: a published actual; `guidance`: a company's own plan;
 * `estimate`: a third party's or our estimate; `lower-bound`: the true value is at least this;
 * `flow`: a fund-flow figure; `market`: a market level or move.
 */
export const KINDS = ['reported', 'guidance', 'estimate', 'lower-bound', 'flow', 'market'] as const;
export type Kind = (typeof KINDS)[number];

/** How the source words the number: "about", "more than", "less than", "up to". */
export const QUALIFIERS = ['approx', 'over', 'under', 'up-to'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Text a reader can see: not empty, not only spaces or invisible format characters. */
const nonEmpty = z
  .string()
  .trim()
  .max(MAX_TEXT_CHARACTERS)
  .refine((text) => text.replace(/[\p{Cf}\s]/gu, '') !== '', msg.week.nonEmptyText);

/** A text in both report languages. */
export const bilingualSchema = z.strictObject({ 'zh-TW': nonEmpty, en: nonEmpty });
export type Bilingual = z.infer<typeof bilingualSchema>;

/** `-0` reads as 0: it would print as 0 while failing no "above 0" test that 0 fails. */
const finiteNumber = z
  .number()
  .refine(Number.isFinite, msg.week.finiteNumber)
  .transform((n) => (n === 0 ? 0 : n));

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, msg.week.idFormat);

const weekId = z.string().regex(/^\d{4}-W\d{2}$/, msg.week.weekIdFormat);

/**
 * A text of the week's commentary: `draft: true` is set by `new-week` on every text it carries
 * over; `build` refuses a text still marked unless `--draft`.
 */
export const draftableSchema = bilingualSchema.extend({ draft: z.literal(true).optional() });
export type Draftable = z.infer<typeof draftableSchema>;

/** One number with everything a reader needs to trace it. */
export const figureSchema = z.strictObject({
  value: finiteNumber,
  unit: z.enum(UNITS),
  kind: z.enum(KINDS),
  source: idSchema,
  qualifier: z.enum(QUALIFIERS).optional(),
  /** A short note shown next to the figure, in both languages. */
  note: bilingualSchema.optional(),
  /**
   * The source's own words for the number, in the source's language ("約 1,250 億美元"). Required
   * (checked in rules.ts, so the message can say why): `validate` proves the figure says no more.
   */
  quote: nonEmpty.optional(),
  /**
   * Set by `new-week` on every figure it carries over: the week it came from and its value then.
   * `build` refuses a figure still carried (marker kept, value unchanged) unless `--draft`.
   */
  review: z.strictObject({ carriedFrom: weekId, value: finiteNumber }).optional(),
});
export type Figure = z.infer<typeof figureSchema>;

/**
 * A prior-year capex figure that the sources only describe relative to the plan ("nearly
 * double", "doubles"). Its value is derived in code (plan ÷ ratio) and is always an estimate.
 * `qualifier` is how the source words the ratio: "nearly double" is a ratio `under` 2, so the
 * prior year was a little over half the plan (the estimate reads "more than"); none: exactly.
 */
export const capexEstimateSchema = z.strictObject({
  estimateFrom: z.strictObject({
    year: z.string().regex(/^\d{4}$/, msg.week.year),
    ratio: finiteNumber.refine((r) => r > 0, msg.week.positiveRatio),
    qualifier: z.enum(['approx', 'under', 'over']).optional(),
  }),
  source: idSchema,
  basis: bilingualSchema,
});
export type CapexEstimate = z.infer<typeof capexEstimateSchema>;

export const capexEntrySchema = z.union([figureSchema, capexEstimateSchema]);
export type CapexEntry = z.infer<typeof capexEntrySchema>;

export const labelledFigureSchema = z.strictObject({
  id: idSchema,
  label: bilingualSchema,
  figure: figureSchema,
});
export type LabelledFigure = z.infer<typeof labelledFigureSchema>;

/** The "return" side for one company's latest quarter; every metric is optional. */
export const returnsSchema = z.strictObject({
  period: bilingualSchema,
  revenue: figureSchema.optional(),
  cloudRevenue: figureSchema.optional(),
  cloudGrowth: figureSchema.optional(),
  cloudShareOfOperatingProfit: figureSchema.optional(),
  operatingCashFlowTtm: figureSchema.optional(),
  operatingCashFlowGrowth: figureSchema.optional(),
  freeCashFlowTtm: figureSchema.optional(),
  netIncome: figureSchema.optional(),
  eps: z.strictObject({ actual: figureSchema, expected: figureSchema }).optional(),
  sharePriceReaction: figureSchema.optional(),
  /** Anything else the quarter showed (custom chips run-rate, cost guidance, jobs, ...). */
  other: z.array(labelledFigureSchema).max(MAX_LIST_ITEMS).default([]),
});
export type Returns = z.infer<typeof returnsSchema>;

export const companySchema = z.strictObject({
  id: idSchema,
  ticker: z.string().regex(/^[A-Z.]{1,6}$/, msg.week.ticker),
  name: bilingualSchema,
  /** Capex by calendar/fiscal year ("2025", "2026"), in USD bn. */
  capex: z.record(z.string().regex(/^\d{4}$/, msg.week.year), capexEntrySchema),
  capexNote: draftableSchema.optional(),
  returns: returnsSchema.optional(),
});
export type Company = z.infer<typeof companySchema>;

/** Languages a source can be in: `zh-HK` is Traditional Chinese as written in Hong Kong. */
export const SOURCE_LANGUAGES = ['zh-TW', 'zh-HK', 'en'] as const;

/**
 * A source as our copy of it shows it: its own headline when the copy has one (`title`, verbatim),
 * otherwise our `description` of it (subject), never an invented title; `url` only when the copy
 * records the address.
 */
export const sourceSchema = z
  .strictObject({
    id: idSchema,
    publisher: nonEmpty,
    title: nonEmpty.optional(),
    description: bilingualSchema.optional(),
    language: z.enum(SOURCE_LANGUAGES),
    date: z.iso.date(),
    /** `after`: the copy is undated and can only be from after `date` (e.g. the week it covers). */
    dateQualifier: z.enum(['after']).optional(),
    url: z
      .url({ protocol: /^https$/ })
      .max(MAX_TEXT_CHARACTERS)
      .optional(),
    /** Where the source itself got the figures (e.g. LSEG Lipper for fund flows). */
    via: nonEmpty.optional(),
  })
  .refine((s) => s.title !== undefined || s.description !== undefined, {
    message: "a title (the source's own headline) or, when the copy has none, a description",
    path: ['title'],
  });
export type Source = z.infer<typeof sourceSchema>;

export const flowSchema = z.strictObject({
  id: idSchema,
  label: bilingualSchema,
  figure: figureSchema,
});
export type Flow = z.infer<typeof flowSchema>;

export const marketSchema = z.strictObject({
  id: idSchema,
  label: bilingualSchema,
  level: figureSchema.optional(),
  change: figureSchema.optional(),
  note: bilingualSchema.optional(),
});
export type Market = z.infer<typeof marketSchema>;

export const viewSchema = z.strictObject({
  speaker: bilingualSchema,
  role: bilingualSchema,
  paraphrase: draftableSchema,
  source: idSchema,
});
export type View = z.infer<typeof viewSchema>;

export const SECTION_IDS = [
  'capex',
  'returns',
  'market',
  'flows',
  'views',
  'outlook',
  'risks',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const weekSchema = z.strictObject({
  meta: z.strictObject({
    week: weekId,
    periodEnd: z.iso.date(),
    edition: z.number().int().min(1),
    /** When this edition was issued; PDF creation dates come from it, so prints are reproducible. */
    issuedAt: z.iso.datetime({ offset: true }),
    title: bilingualSchema,
    author: bilingualSchema,
    /**
     * What an edition after the first corrected, in both languages: printed on page 1 and in the
     * e-mail's subject and first line; required to archive a changed build of an archived week.
     */
    correction: bilingualSchema.optional(),
  }),
  sources: z.array(sourceSchema).min(1).max(MAX_SOURCES),
  companies: z.array(companySchema).min(1).max(MAX_COMPANIES),
  /** Totals the sources state themselves (e.g. the four companies' combined plan). */
  aggregates: z.array(labelledFigureSchema).max(MAX_LIST_ITEMS).default([]),
  fundFlows: z.strictObject({
    source: idSchema,
    weekEnding: z.iso.date(),
    byCategory: z.array(flowSchema).min(1).max(MAX_LIST_ITEMS),
    byRegion: z.array(flowSchema).min(1).max(MAX_LIST_ITEMS),
  }),
  markets: z.array(marketSchema).max(MAX_LIST_ITEMS).default([]),
  otherFigures: z.array(labelledFigureSchema).max(MAX_LIST_ITEMS).default([]),
  text: z.strictObject({
    headline: draftableSchema,
    /** The desk's view in two or three sentences: page 1 and the e-mail. */
    view: draftableSchema.optional(),
    keyPoints: z.array(draftableSchema).min(1).max(MAX_LIST_ITEMS),
    /** What to watch next: page 1. */
    watch: z.array(draftableSchema).max(MAX_LIST_ITEMS).default([]),
    sections: z.strictObject(
      Object.fromEntries(SECTION_IDS.map((id) => [id, draftableSchema])) as Record<
        SectionId,
        typeof draftableSchema
      >,
    ),
    disclaimer: bilingualSchema.optional(),
  }),
  views: z.array(viewSchema).max(MAX_LIST_ITEMS).default([]),
});
/** The validated week as the rest of the pipeline sees it. */
export type Week = z.infer<typeof weekSchema>;
/** What the YAML holds before defaults are applied. */
export type WeekInput = z.input<typeof weekSchema>;

export function isCapexEstimate(entry: CapexEntry): entry is CapexEstimate {
  return 'estimateFrom' in entry;
}
