import { CapexReportError } from '../errors.js';

/** A value the formatter cannot print honestly (NaN, Infinity, a malformed date or week id). */
export class FormatError extends CapexReportError {
  override name = 'FormatError';
}

/** Fails loudly rather than letting "NaN" or "Infinity" reach a printed report. */
export function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) {
    throw new FormatError(`Could not format ${what}: ${String(value)} is not a finite number`);
  }
}
