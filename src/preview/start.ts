/**
 * The preview, started: settings, the warm session, the server, the watchers and the rebuild
 * schedule, wired together; `stop()` takes them down in order (watchers, rebuilds, server,
 * browser, cache) and leaves no process, watcher or temp folder behind.
 */
import path from 'node:path';
import { openCache } from '../cache/index.js';
import { CONFIG_FILE_NAME, type LoadedConfig } from '../config/index.js';
import { formatProblem } from '../errors.js';
import { msg } from '../messages/index.js';
import { openBrowserLease } from '../pdf/lease.js';
import { createEventHub } from './events.js';
import { scheduleRebuilds } from './schedule.js';
import { startServer } from './server.js';
import { createPreviewSession } from './session.js';
import type { PreviewState } from './state.js';
import { previewTargets, watchTargets } from './watch.js';

/** After the last file event of a save: long enough to join a burst, short next to a rebuild. */
export const DEBOUNCE_MS = 10;

export interface PreviewOptions {
  port: number;
  dataFile: string;
  templatesDir: string;
  localesDir: string;
  config: LoadedConfig;
  /** Reads the settings again after the config file changed. */
  loadConfig: () => Promise<LoadedConfig>;
  cwd: string;
  /** Lines for the terminal. */
  log: (line: string) => void;
}

export interface RunningPreview {
  url: string;
  port: number;
  /** Resolves once no rebuild runs or waits (tests, the bench). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const { config, log } = options;
  const events = createEventHub();
  const session = createPreviewSession({
    ...options,
    cache: openCache(config.config.paths.cache),
    // Ctrl-C is the preview's to handle: it closes the browser itself, then exits.
    openLease: (c) =>
      openBrowserLease({ executablePath: c.config.browser.executablePath, handleSignals: false }),
    onState: (state) => {
      events.send('state', state);
      logState(state, log);
    },
  });
  const server = await startServer(options.port, { session, events });
  const scheduler = scheduleRebuilds(() => session.rebuild(), DEBOUNCE_MS);
  const targets = previewTargets({
    ...options,
    configFile: config.file ?? path.resolve(options.cwd, CONFIG_FILE_NAME),
  });
  const watching = watchTargets(targets, () => scheduler.changed());
  scheduler.changed();
  log(msg.preview.watching(targets.length));
  return {
    url: server.url,
    port: server.port,
    idle: () => scheduler.idle(),
    async stop() {
      watching.close();
      await scheduler.close();
      await server.close();
      await session.close();
    },
  };
}

let last: PreviewState | undefined;

/** The terminal's side of a state change: a rebuild's time, or the problems found. */
function logState(state: PreviewState, log: (line: string) => void): void {
  const before = last;
  last = state;
  if (state.status === before?.status && state.version === before.version) return;
  if (state.status === 'ready' && state.week && state.buildMs !== null) {
    log(msg.preview.rebuilt(state.week, state.buildMs));
  } else if (state.status === 'error') {
    log(msg.preview.invalid(state.problems.length));
    for (const problem of state.problems) log(`    ${formatProblem(problem)}`);
  }
}
