/**
 * `capex-report deliveries W [--version vN] [--csv | --json]`: who received which version of a
 * week, and when, from the delivery log in the archive index.
 */
import { loadConfig } from '../config/index.js';
import { deliveriesCsv, listDeliveries } from '../email/deliveries.js';
import type { DeliveryRecord } from '../email/log.js';
import { msg } from '../messages/index.js';
import { jsonDocument } from './json.js';
import type { CommandIo } from './send.js';

export interface DeliveriesCommandOptions {
  week: string;
  version?: number | undefined;
  csv?: boolean | undefined;
  json?: boolean | undefined;
  /** `--config FILE`. */
  config?: string | undefined;
}

const STD_IO: CommandIo = { stdout: process.stdout, stderr: process.stderr };

export async function runDeliveries(
  options: DeliveriesCommandOptions,
  io: CommandIo = STD_IO,
): Promise<void> {
  const env = io.env ?? process.env;
  const { config } = await loadConfig({
    ...(io.cwd === undefined ? {} : { cwd: io.cwd }),
    configFile: options.config,
    env,
  });
  const rows = await listDeliveries(config.paths.archive, options.week, options.version);
  if (options.json) io.stdout.write(jsonDocument(rows));
  else if (options.csv) io.stdout.write(deliveriesCsv(rows));
  else io.stdout.write(formatDeliveries(options.week, rows));
}

export function formatDeliveries(week: string, rows: readonly DeliveryRecord[]): string {
  if (rows.length === 0) return `${msg.email.noDeliveries(week)}\n`;
  const width = Math.max(...rows.map((r) => r.clientId.length));
  const lines = rows.map((r) =>
    [
      `  v${r.version}`,
      r.clientId.padEnd(width),
      r.state.padEnd(7),
      (r.sentAt ?? r.updatedAt).padEnd(24),
      r.language.padEnd(5),
      r.address,
      r.lastReplyCode === null ? '' : String(r.lastReplyCode),
    ]
      .join('  ')
      .trimEnd(),
  );
  return `${[msg.email.deliveriesTitle(week, rows.length), ...lines].join('\n')}\n`;
}
