/**
 * Dates and ISO weeks. Dates are calendar days, not instants: they are read and printed in UTC
 * so that no machine time zone can move 2026-02-06 to the 5th.
 */
import type { Locale } from '../data/schema.js';
import { FormatError } from './errors.js';

const DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  // en-GB gives day-month-year ("6 February 2026"), the order the report uses in English.
  en: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  'zh-TW': new Intl.DateTimeFormat('zh-TW', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
};

/** Parses `YYYY-MM-DD` as midnight UTC; rejects days that do not exist (2026-02-30). */
export function parseIsoDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = new Date(Date.UTC(Number(match?.[1]), Number(match?.[2]) - 1, Number(match?.[3])));
  // The round trip rejects 2026-02-30 (which Date.UTC would roll into March).
  if (!match || date.toISOString().slice(0, 10) !== isoDate) {
    throw new FormatError(`Could not format date "${isoDate}": expected an ISO date YYYY-MM-DD`);
  }
  return date;
}

/** "2026年2月6日" / "6 February 2026". */
export function formatDate(isoDate: string, locale: Locale): string {
  return DATE_FORMATS[locale].format(parseIsoDate(isoDate));
}

/** ISO years have 53 weeks when 28 December falls in week 53, i.e. Jan 1 is a Thursday, or a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** "2026 年第 6 週" / "Week 6, 2026" for an ISO week id such as `2026-W06`. */
export function formatWeek(weekId: string, locale: Locale): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(weekId);
  const year = Number(match?.[1]);
  const week = Number(match?.[2]);
  if (!match || week < 1 || week > isoWeeksInYear(year)) {
    throw new FormatError(
      `Could not format week "${weekId}": expected an ISO week id such as 2026-W06`,
    );
  }
  return locale === 'en' ? `Week ${week}, ${year}` : `${year} 年第 ${week} 週`;
}
