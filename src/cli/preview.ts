/**
 * `capex-report preview`: the live preview until Ctrl-C. Stopping is its normal end, so Ctrl-C
 * (SIGINT) and SIGTERM close the watchers, the server and the browser and exit 0.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { msg } from '../messages/index.js';
import { LOCALES_DIR, TEMPLATES_DIR } from '../project.js';
import { type PreviewJson, printJson } from './json.js';
import { createProgress, verbosityOf } from './progress.js';
import { type GlobalOptions, loadSettings } from './settings.js';
import { newestWeekFile } from './weeks.js';

export interface PreviewCommandOptions extends GlobalOptions {
  port: number;
  week?: string;
  data?: string;
  browser?: string;
  json: boolean;
}

export async function runPreview(options: PreviewCommandOptions): Promise<void> {
  const stopped = stopSignal();
  try {
    await preview(options, stopped.promise);
  } finally {
    stopped.dispose();
  }
}

async function preview(options: PreviewCommandOptions, stopped: Promise<void>): Promise<void> {
  const flags = { browser: options.browser };
  const loaded = await loadSettings(options, flags);
  // As messages name it: relative to the working folder, as `build` names it.
  const dataFile = path.relative(process.cwd(), await weekFile(options, loaded.config.paths.data));
  const progress = await createProgress({ verbosity: verbosityOf(options), label: 'preview' });
  const { startPreview } = await import('../preview/start.js');
  const running = await startPreview({
    port: options.port,
    dataFile,
    templatesDir: TEMPLATES_DIR,
    localesDir: LOCALES_DIR,
    config: loaded,
    loadConfig: () => loadSettings(options, flags),
    cwd: process.cwd(),
    log: (line) => progress.info(line),
  });
  try {
    const week = path.basename(dataFile).replace(/\.ya?ml$/, '');
    if (options.json) {
      const json: PreviewJson = {
        url: running.url,
        port: running.port,
        week,
        dataFile: path.resolve(dataFile),
      };
      printJson(json);
    } else process.stdout.write(`${running.url}\n`);
    progress.info(msg.preview.listening(running.url));
    await stopped;
  } finally {
    await running.stop();
    progress.info(msg.preview.stopped);
  }
}

async function weekFile(options: PreviewCommandOptions, dataDir: string): Promise<string> {
  if (options.data) return options.data;
  if (!options.week) return newestWeekFile(dataDir);
  const file = path.join(dataDir, `${options.week}.yaml`);
  await access(file).catch(() => {
    throw new UsageError(msg.build.noWeekFile(path.relative(process.cwd(), dataDir) || '.'));
  });
  return file;
}

/** Resolves on the first SIGINT or SIGTERM; installed at once, so an early Ctrl-C is not lost. */
function stopSignal(): { promise: Promise<void>; dispose(): void } {
  let stop = () => {};
  const promise = new Promise<void>((resolve) => {
    stop = () => resolve();
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    promise,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
