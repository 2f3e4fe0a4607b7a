/** `capex-report weekly`: the settings, Ctrl-C, each step on stderr and the summary on stdout. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.js';
import { isIncomplete } from '../email/results.js';
import { outboxOf } from '../email/send.js';
import { DeliveryError, InterruptedError, WeeklyStepError } from '../errors.js';
import { msg } from '../messages/index.js';
import type { WeeklyResult } from '../weekly/run.js';
import { jsonDocument } from './json.js';
import { createProgress, verbosityOf } from './progress.js';
import { type GlobalOptions, loadSettings } from './settings.js';
import { newestWeekFile } from './weeks.js';

export interface WeeklyCommandOptions extends GlobalOptions {
  week?: string;
  clients?: string;
  dryRun: boolean;
  json: boolean;
}

/** The result in a few lines: what was done, and where the PDFs and (dry run) the messages are. */
function summaryOf(result: WeeklyResult, config: Config, dryRun: boolean): string {
  const { week, version } = result;
  if (result.nothingToDo) return `${msg.weekly.nothingToDo(week, version)}\n`;
  const dir = path.join(config.paths.output, week);
  const pdfs = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /^report\..+\.pdf$/.test(name))
        .map((name) => shown(path.join(dir, name)))
    : [];
  const lines = [msg.weekly.done(week, version)];
  if (pdfs.length > 0) lines.push(msg.weekly.pdfs(pdfs));
  if (dryRun && result.send.counts.written > 0)
    lines.push(msg.weekly.outbox(shown(outboxOf(config, week))));
  return `${lines.join('\n')}\n`;
}

/** A path as a person would type it: relative to the working folder when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export async function runWeeklyCommand(options: WeeklyCommandOptions): Promise<void> {
  const { config } = await loadSettings(options, { clients: options.clients });
  const dataFile = options.week
    ? path.join(config.paths.data, `${options.week}.yaml`)
    : await newestWeekFile(config.paths.data);
  const controller = new AbortController();
  const abort = () => controller.abort(new Error('received SIGINT'));
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  const progress = await createProgress({
    verbosity: verbosityOf(options),
    label: msg.weekly.label(path.basename(dataFile, '.yaml')),
  });
  try {
    const { runWeekly } = await import('../weekly/run.js');
    const result = await runWeekly({
      config,
      dataFile,
      inputs: { firm: config.firm, logoFile: config.firm.logo },
      clientsFile: config.paths.clients,
      dryRun: options.dryRun,
      signal: controller.signal,
      onStep: (step, what) => progress.info(msg.weekly.step(step, what)),
      onSendProgress: (event) => {
        const label = options.dryRun ? msg.email.writing : msg.email.sending;
        if (event.type === 'result') progress.count(label, event.done, event.total);
      },
    });
    progress.done();
    process.stdout.write(
      options.json ? jsonDocument(result) : summaryOf(result, config, options.dryRun),
    );
    if (isIncomplete(result.send)) {
      const { week, version, counts } = result.send;
      const failed = new DeliveryError(msg.email.notAllDelivered(week, version, counts));
      throw new WeeklyStepError('send', failed);
    }
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof InterruptedError)) {
      throw new InterruptedError(msg.build.interrupted('SIGINT'), { cause: error });
    }
    throw error;
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}
