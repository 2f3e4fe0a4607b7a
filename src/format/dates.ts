/**
 * Dates and ISO weeks. Dates are calendar days, not instants: they are read and printed in UTC
 * so that no machine time zone can move 2026-02-06 to the 5th.
 */

import type { Locale } from '../data/schema.js';
import { msg } from '../messages/index.js';
import { FormatError } from './errors.js';

/**
 * The two patterns the report prints, written out rather than asked of Intl.DateTimeFormat: they
 * are what CLDR gives for `{ day: 'numeric', month: 'long', year: 'numeric' }` in en-GB and
 * zh-TW (tests/format/invariants.test.ts compares every day of a century with Intl), they cannot
 * change with the ICU data of another Node build, and the first DateTimeFormat of a process costs
 * ~40 ms of ICU start-up, on the core Chromium wants while it starts.
 */
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Parses `YYYY-MM-DD` as midnight UTC; rejects days that do not exist (2026-02-30). */
export function parseIsoDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = new Date(Date.UTC(Number(match?.[1]), Number(match?.[2]) - 1, Number(match?.[3])));
  // The round trip rejects 2026-02-30 (which Date.UTC would roll into March).
  if (!match || date.toISOString().slice(0, 10) !== isoDate) {
    throw new FormatError(msg.format.badDate(isoDate));
  }
  return date;
}

/** "2026年2月6日" / "6 February 2026". */
export function formatDate(isoDate: string, locale: Locale): string {
  const date = parseIsoDate(isoDate);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  return locale === 'en' ? `${day} ${EN_MONTHS[month]} ${year}` : `${year}年${month + 1}月${day}日`;
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
    throw new FormatError(msg.format.badWeek(weekId));
  }
  return locale === 'en' ? `Week ${week}, ${year}` : `${year} 年第 ${week} 週`;
}
