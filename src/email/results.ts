/** What a send run reports: one result per client it considered, and the counts. */
import type { MessageLanguage } from './compose.js';
import type { DeliveryState } from './log.js';

export type SendMode = 'send' | 'dry-run' | 'test';
export type ResultOutcome = 'sent' | 'failed' | 'unknown' | 'skipped' | 'written';

/** Why a client was skipped, is unknown, or failed. */
export type ResultReason =
  | 'already-sent'
  | 'not-an-earlier-recipient'
  | 'taken-by-another-run'
  | 'answer-lost'
  | 'earlier-run'
  | 'refused'
  | 'retries-exhausted'
  | 'server-unreachable'
  | 'not-attempted';

export interface ClientResult {
  /** The client's id ('test-zh-TW', … for `--test`). */
  client: string;
  address: string;
  cc: string[];
  language: MessageLanguage;
  outcome: ResultOutcome;
  reason?: ResultReason;
  messageId: string;
  /** The delivery log's state after the run (a real send only). */
  state?: DeliveryState;
  attempts?: number;
  replyCode?: number | null;
  reply?: string | null;
  /** The .eml written (`--dry-run`). */
  file?: string;
}

export interface SendCounts {
  sent: number;
  failed: number;
  unknown: number;
  skipped: number;
  written: number;
}

export interface SendSummary {
  week: string;
  version: number;
  edition: number;
  mode: SendMode;
  counts: SendCounts;
  results: ClientResult[];
}

export function countResults(results: readonly ClientResult[]): SendCounts {
  const counts: SendCounts = { sent: 0, failed: 0, unknown: 0, skipped: 0, written: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

/** True when some client of the run was not delivered for certain (failed or unknown). */
export const isIncomplete = (summary: Pick<SendSummary, 'counts'>): boolean =>
  summary.counts.failed + summary.counts.unknown > 0;
