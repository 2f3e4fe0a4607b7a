/** Formatting numbers and dates for print: what cannot be printed honestly. */
export const notFinite = (what: string, value: number) =>
  `Could not format ${what}: ${String(value)} is not a finite number`;
export const badDecimals = (decimals: number) =>
  `Could not format with ${decimals} decimals: expected an integer 0-20`;
export const badDate = (isoDate: string) =>
  `Could not format date "${isoDate}": expected an ISO date YYYY-MM-DD`;
export const badWeek = (weekId: string) =>
  `Could not format week "${weekId}": expected an ISO week id such as 2026-W06`;
