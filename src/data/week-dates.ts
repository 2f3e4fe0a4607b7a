/** Dates of ISO weeks: the Friday a week ends on, the week after, dates moved by whole days. */
import { isoWeekOf } from './isoweek.js';

const DAY = 86_400_000;
const WEEK_ID = /^(\d{4})-W(\d{2})$/;

/** `2026-02-06` moved by `days` (calendar days, in UTC: no time zone can shift it). */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Days from one `YYYY-MM-DD` to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The Friday of ISO week `2026-W07` (`2026-02-13`), or undefined for a week that does not exist. */
export function fridayOf(week: string): string | undefined {
  const match = WEEK_ID.exec(week);
  if (!match) return undefined;
  const year = Number(match[1]);
  const n = Number(match[2]);
  // Week 1 holds 4 January; its Monday is where the count starts.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = Date.UTC(year, 0, 4) - ((jan4.getUTCDay() || 7) - 1) * DAY;
  const friday = new Date(monday + ((n - 1) * 7 + 4) * DAY).toISOString().slice(0, 10);
  return n >= 1 && isoWeekOf(friday) === week ? friday : undefined;
}

/** The ISO week after the one `periodEnd` falls in. */
export function weekAfter(periodEnd: string): string {
  return isoWeekOf(addDays(periodEnd, 7));
}

/** An ISO date-time (`2026-02-06T18:00:00+08:00`) moved by whole days, its time and offset kept. */
export function moveDateTime(dateTime: string, days: number): string {
  const date = dateTime.slice(0, 10);
  return `${addDays(date, days)}${dateTime.slice(10)}`;
}
