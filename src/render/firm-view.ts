/**
 * The firm's identity and the disclaimer, in one language. Without a configured firm the report
 * prints no firm at all (never a placeholder) and the desk's name from the week file.
 */
import type { Locale } from '../data/schema.js';
import type { Translate } from '../i18n/index.js';
import type { FirmIdentity } from '../inputs/firm.js';

export interface AnalystView {
  name: string;
  certification: string | null;
  /** "name@firm.com · +886 2 …" */
  contact: string;
}

export interface FirmView {
  name: string | null;
  /** A data: URL. */
  logo: string | null;
  contact: string[];
  licence: string | null;
  analysts: AnalystView[];
}

export function buildFirmView(firm: FirmIdentity | undefined, locale: Locale): FirmView | null {
  if (!firm) return null;
  const view: FirmView = {
    name: firm.name?.[locale] ?? null,
    logo: firm.logo ?? null,
    contact: firm.contact?.[locale] ?? [],
    licence: firm.licence?.[locale] ?? null,
    analysts: (firm.analysts ?? []).map((a) => ({
      name: a.name[locale],
      certification: a.certification?.[locale] ?? null,
      contact: [a.email, ...(a.phone ? [a.phone] : [])].join(' · '),
    })),
  };
  const empty =
    !view.name &&
    !view.logo &&
    view.contact.length === 0 &&
    !view.licence &&
    view.analysts.length === 0;
  return empty ? null : view;
}

/** The standard disclaimer's paragraphs, in the order a Taiwan consulting firm prints them. */
export const DISCLAIMER_PARAGRAPHS = [
  'information',
  'sources',
  'forecasts',
  'conflicts',
  'certification',
  'redistribution',
] as const;

/**
 * The firm's own disclaimer when its config has one, else the report's standard one. (A week's
 * `text.disclaimer` is a notice for that week only; the view prints it before these.)
 */
export function disclaimerParagraphs(
  firm: { disclaimer?: Readonly<Record<Locale, readonly string[]>> | undefined } | undefined,
  locale: Locale,
  t: Translate,
): string[] {
  return [
    ...(firm?.disclaimer?.[locale] ?? DISCLAIMER_PARAGRAPHS.map((key) => t(`disclaimer.${key}`))),
  ];
}
