/** `capex-report weekly`: the settings, Ctrl-C, each step on stderr and the summary on stdout. */
import path from 'node:path';
import { isIncomplete } from '../email/results.js';
import { DeliveryError, InterruptedError, WeeklyStepError } from '../errors.js';
import { msg } from '../messages/index.js';
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
      onStep: (step, what) => {
        progress.step(step);
        progress.info(msg.weekly.step(step, what));
      },
      onSendProgress: (event) => {
        if (event.type === 'result') progress.count(msg.email.sending, event.done, event.total);
      },
    });
    progress.done();
    const line = result.nothingToDo
      ? msg.weekly.nothingToDo(result.week, result.version)
      : msg.weekly.done(result.week, result.version);
    process.stdout.write(options.json ? jsonDocument(result) : `${line}\n`);
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
