/**
 * What a message says, per language, as plain strings: the templates only place them (the HTML
 * template escapes them, the text template prints them as they are). Numbers come from the
 * archived week through formatFigure, so the e-mail prints exactly what the PDF prints; fixed
 * strings come from the `email` section of the locale files (and the report's own table labels).
 */
import type { Config } from '../config/index.js';
import type { Locale } from '../data/schema.js';
import { formatFigure, formatWeek } from '../format/index.js';
import type { Translate } from '../i18n/index.js';
import type { ResolvedFigure } from '../metrics/types.js';
import { disclaimerParagraphs } from '../render/firm-view.js';
import type { Edition } from './edition.js';
import { plainText } from './text.js';

export interface CapexTable {
  heading: string;
  columns: string[];
  rows: { name: string; ticker: string; cells: string[] }[];
  /** What "(est.)" means, when a cell holds an estimate; otherwise empty. */
  note: string;
  /** The table as lines of text: "Amazon (AMZN): 2025 about US$125 billion · 2026 plan …". */
  lines: string[];
}

export interface Person {
  name: string;
  certification: string | null;
  email: string;
  phone: string | null;
}

export interface LanguageContent {
  locale: Locale;
  htmlLang: string;
  subject: string;
  kicker: string;
  /** "Correction (edition 2): …": the message's first line; null for a first edition. */
  correction: string | null;
  correctionHint: string;
  headline: string;
  view: { heading: string; text: string } | null;
  keyPoints: { heading: string; items: string[] };
  capex: CapexTable;
  attachment: { file: string; line: string };
  disclaimer: { heading: string; paragraphs: string[] };
  firm: {
    name: string | null;
    contact: string[];
    licence: string | null;
    analysts: { heading: string; people: Person[] };
    /** Why the reader gets this e-mail and how to stop it. */
    note: string;
  };
}

export interface ContentInput {
  edition: Edition;
  firm: Config['firm'];
  locale: Locale;
  t: Translate;
  /** Marks the subject as a test message (`send --test`). */
  test?: boolean;
}

/** Sentences in a row: Chinese runs them together, English puts a space between. */
const sentences = (locale: Locale, texts: readonly string[]) =>
  texts.filter(Boolean).join(locale === 'zh-TW' ? '' : ' ');

export function buildContent({ edition, firm, locale, t, test }: ContentInput): LanguageContent {
  const { week, record, metrics } = edition;
  const text = (value: string) => plainText(value, locale, metrics);
  const weekLabel = formatWeek(week.meta.week, locale);
  const title = week.meta.title[locale];
  const note = record.correction?.[locale];
  const subject = note
    ? t('email.subjectCorrection', { edition: record.edition, title, week: weekLabel, note })
    : t('email.subject', { title, week: weekLabel });
  return {
    locale,
    htmlLang: locale === 'zh-TW' ? 'zh-Hant-TW' : 'en',
    subject: test ? t('email.subjectTest', { subject }) : subject,
    kicker: t('email.kicker', { title, week: weekLabel, edition: record.edition }),
    correction: note ? t('email.correction', { edition: record.edition, note }) : null,
    correctionHint: t('email.correctionHint'),
    headline: text(week.text.headline[locale]),
    view: week.text.view ? { heading: t('email.view'), text: text(week.text.view[locale]) } : null,
    keyPoints: {
      heading: t('email.keyPoints'),
      items: week.text.keyPoints.map((point) => text(point[locale])),
    },
    capex: capexTable(edition, locale, t),
    attachment: attachmentOf(edition, t),
    disclaimer: {
      heading: t('sections.disclaimer'),
      // As the report prints it: the week's own notice, then the firm's or the standard text.
      paragraphs: [
        ...(week.text.disclaimer ? [text(week.text.disclaimer[locale])] : []),
        ...disclaimerParagraphs(firm, locale, t),
      ],
    },
    firm: firmContent(firm, locale, t),
  };
}

/** The PDF's file name in a client's mail program: localized (by `t`), with the edition after the first. */
export function attachmentName(edition: Edition, t: Translate): string {
  const week = edition.record.week;
  return edition.record.edition > 1
    ? t('email.attachmentNameEdition', { week, edition: edition.record.edition })
    : t('email.attachmentName', { week });
}

function attachmentOf(edition: Edition, t: Translate) {
  const file = attachmentName(edition, t);
  return { file, line: t('email.attached', { file }) };
}

function capexTable({ metrics }: Edition, locale: Locale, t: Translate): CapexTable {
  const na = t('table.notAvailable');
  // In prose style, as the report's own sentences print each figure ("about US$200 billion").
  const cell = (figure: ResolvedFigure | undefined) => (figure ? formatFigure(figure, locale) : na);
  const years = metrics.capexYears.slice(-2);
  const [previousYear, planYear] = years;
  const planned = metrics.capex.some(
    (row) => planYear && row.byYear[planYear]?.kind === 'guidance',
  );
  const vars = { previousYear, planYear };
  const yearLabel = (year: string) =>
    year === planYear
      ? t(`charts.capexByCompany.${planned ? 'plan' : 'latest'}`, vars)
      : t('charts.capexByCompany.previous', { ...vars, previousYear: year });
  const estimates = metrics.capex.some((row) => years.some((year) => row.byYear[year]?.estimate));
  const columns = [t('email.capexCompany'), ...years.map(yearLabel)];
  const rows = metrics.capex.map((row) => ({
    name: row.name[locale],
    ticker: row.ticker,
    cells: years.map((year) => cell(row.byYear[year])),
  }));
  // "Amazon (AMZN): 2025 about US$125 billion · 2026 plan about US$200 billion"
  const labelled = (cells: readonly string[]) =>
    cells.map((value, i) => `${columns[i + 1]} ${value}`).join(' · ');
  return {
    heading: t('email.capex'),
    columns,
    rows,
    note: estimates ? t('notes.estimate') : '',
    lines: rows.map((row) =>
      t('email.textRow', {
        label: t('email.company', { name: row.name, ticker: row.ticker }),
        cells: labelled(row.cells),
      }),
    ),
  };
}

function firmContent(firm: Config['firm'], locale: Locale, t: Translate) {
  const name = firm.name?.[locale] ?? null;
  return {
    name,
    contact: firm.contact?.[locale] ?? [],
    licence: firm.licence?.[locale] ?? null,
    analysts: {
      heading: t('email.analysts'),
      people: (firm.analysts ?? []).map((a) => ({
        name: a.name[locale],
        certification: a.certification?.[locale] ?? null,
        email: a.email,
        phone: a.phone ?? null,
      })),
    },
    note: sentences(locale, [
      name ? t('email.why', { firm: name }) : t('email.whyNoFirm'),
      t('email.unsubscribe'),
    ]),
  };
}
