import { FormatError } from '../errors.js';
import { msg } from '../messages/index.js';

export { FormatError };

/** Fails loudly rather than letting "NaN" or "Infinity" reach a printed report. */
export function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) {
    throw new FormatError(msg.format.notFinite(what, value));
  }
}
