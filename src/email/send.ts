/**
 * `sendWeek`: an archived version of a week to its clients, each in their language, once.
 *
 *   1. check the mode and the settings (a real send needs an SMTP server and a sender)
 *   2. read the client list, and the archived version (refused when the week is not archived)
 *   3. refuse header texts that could inject headers; load the DKIM key
 *   4. by mode: --test (one message per language to one address, nothing recorded), --dry-run
 *      (.eml files, nothing sent or recorded), or the real send (run.ts: lease, log, SMTP)
 */
import path from 'node:path';
import { z } from 'zod';
import { openArchive } from '../archive/index.js';
import type { Config } from '../config/index.js';
import { EnvironmentError, UsageError } from '../errors.js';
import { msg } from '../messages/index.js';
import { loadClients } from './clients.js';
import { createComposer, type Sender } from './compose.js';
import type { SendContext, SendWeekOptions } from './context.js';
import { loadSigner } from './dkim.js';
import { readEdition } from './edition.js';
import { checkHeaderTexts } from './headers.js';
import { writeOutbox } from './outbox.js';
import type { SendSummary } from './results.js';
import { runSend } from './run.js';
import { sendTestMessages } from './test-messages.js';
import { requireSmtpHost } from './transport.js';

export type { ProgressEvent, SendWeekOptions } from './context.js';

export async function sendWeek(options: SendWeekOptions): Promise<SendSummary> {
  const { config } = options;
  // 1. The mode and the settings, before anything is read.
  if (options.dryRun && options.test !== undefined) throw new UsageError(msg.email.dryRunAndTest);
  if (options.test !== undefined && !z.email().safeParse(options.test).success) {
    throw new UsageError(msg.email.badTestAddress(options.test));
  }
  if (!options.dryRun) requireSmtpHost(config);
  const sender = requireSender(config);
  // 2. The clients and the archived version.
  const clients =
    options.test === undefined
      ? (await loadClients(options.clientsFile ?? config.paths.clients)).clients
      : [];
  const archive = await openArchive(config.paths.archive, { create: false });
  try {
    const edition = await readEdition(archive, options.week, options.version);
    // 3. Header texts, the signing key.
    checkHeaderTexts(edition);
    const sign = await loadSigner(config);
    const composer = createComposer({ edition, sender, firm: config.firm, sign });
    const context: SendContext = { ...options, archive, edition, sender, sign, clients, composer };
    // 4. By mode.
    if (options.test !== undefined) return await sendTestMessages(context, options.test);
    if (options.dryRun) return await writeOutbox(context, outboxOf(config, options.week));
    return await runSend(context);
  } finally {
    archive.close();
  }
}

export const outboxOf = (config: Config, week: string) =>
  path.join(config.paths.output, week, 'outbox');

function requireSender(config: Config): Sender {
  const from = config.sender.from;
  if (!from) throw new EnvironmentError(msg.email.noSender());
  return { ...config.sender, from };
}
