/**
 * What became of one message, from nodemailer's answer. SMTP alone cannot promise exactly-once:
 * once the message's data has gone out, a dropped connection or a time-out leaves it open whether
 * the server kept the message. So:
 *
 * accepted     the server's 2xx after the data
 * refused      a 5xx at any step (MAIL FROM, RCPT TO, DATA, after the data): not sent, for good
 * deferred     a 4xx at any step, or the connection lost or timed out before the data started:
 *              not sent, worth retrying
 * unknown      the connection lost or timed out after the data started (nodemailer reports it as
 *              a CONN error with no reply): the message may have arrived
 * unreachable  no session at all (refused, DNS, TLS, login): nothing sent; retrying every message
 *              would only repeat it, so the run stops after its retries
 */
import type { Redact } from './redact.js';

export type DeliveryKind = 'accepted' | 'refused' | 'deferred' | 'unknown' | 'unreachable';

export interface Delivery {
  kind: DeliveryKind;
  /** The server's reply code (250, 450, 550), or null when it never answered. */
  code: number | null;
  /** The server's reply, or what went wrong in its place; never holds the password. */
  reply: string;
}

interface SmtpError {
  message?: string;
  code?: string;
  originalCode?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  timeoutType?: string;
}

/** Failures of the session itself rather than of one message. */
const SESSION_CODES = new Set(['EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'ESOCKS', 'EPROXY']);
const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const SETUP_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);

export const replyCodeOf = (reply: string): number | null => {
  const match = /^([2-5]\d\d)\b/.exec(reply.trim());
  return match ? Number(match[1]) : null;
};

export function classifyError(error: unknown, dataStarted: boolean, redact: Redact): Delivery {
  const e = (error ?? {}) as SmtpError;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const reply = redact(e.response ?? e.message ?? String(error));
  if (code !== null && code >= 500) {
    // A 5xx to a login is the whole session's problem, not this message's.
    return { kind: e.code === 'EAUTH' ? 'unreachable' : 'refused', code, reply };
  }
  if (code !== null && code >= 400) return { kind: 'deferred', code, reply };
  if (isSessionFailure(e)) return { kind: 'unreachable', code, reply };
  // No reply at all: the connection dropped or timed out. After the data started, the server may
  // have the whole message; before it, it has nothing.
  return { kind: dataStarted ? 'unknown' : 'deferred', code, reply };
}

function isSessionFailure(e: SmtpError): boolean {
  return (
    SESSION_CODES.has(e.code ?? '') ||
    CONNECT_ERRORS.has(e.originalCode ?? '') ||
    SETUP_TIMEOUTS.has(e.timeoutType ?? '')
  );
}
