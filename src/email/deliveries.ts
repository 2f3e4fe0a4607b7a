/**
 * `deliveries W [--csv]`: who received which version of a week, when, from the delivery log.
 * Read only; a week that is not archived is refused like everywhere else.
 */
import { findVersion, withArchive } from '../archive/index.js';
import { type DeliveryRecord, selectDeliveries } from './log.js';

export async function listDeliveries(
  root: string,
  week: string,
  version?: number,
): Promise<DeliveryRecord[]> {
  return withArchive(root, async (archive) => {
    findVersion(archive, week, version); // refuses a week not archived, a version not there
    return selectDeliveries(archive.db, week, version);
  });
}

export const CSV_COLUMNS = [
  'week',
  'version',
  'client',
  'address',
  'language',
  'state',
  'attempts',
  'sent_at',
  'updated_at',
  'reply_code',
  'reply',
  'message_id',
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const field = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function deliveriesCsv(rows: readonly DeliveryRecord[]): string {
  const lines = rows.map((r) =>
    [
      r.week,
      r.version,
      r.clientId,
      r.address,
      r.language,
      r.state,
      r.attempts,
      r.sentAt,
      r.updatedAt,
      r.lastReplyCode,
      r.lastReply,
      r.messageId,
    ]
      .map(field)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
