/**
 * The flags layer: what the command line sets, highest of all. The CLI maps its options onto
 * ConfigFlags; FLAG_SETTINGS names the option each one comes from, for the origins. A relative
 * path is read from the working folder.
 */
import type { Locale } from '../data/schema.js';
import { formatProblem, UsageError } from '../errors.js';
import { msg } from '../messages/index.js';
import { type Entry, type Keys, type Layer, layerOfEntries } from './layers.js';
import type { Paper } from './schema.js';

export interface ConfigFlags {
  paper?: Paper | undefined;
  languages?: readonly Locale[] | undefined;
  browser?: string | undefined;
  output?: string | undefined;
  data?: string | undefined;
  archive?: string | undefined;
  cache?: string | undefined;
  clients?: string | undefined;
}

/** The option each flag setting comes from, and the setting it sets. */
export const FLAG_SETTINGS: Readonly<Record<keyof ConfigFlags, { flag: string; keys: Keys }>> = {
  paper: { flag: '--paper', keys: ['report', 'paper'] },
  languages: { flag: '--locale', keys: ['report', 'languages'] },
  browser: { flag: '--browser', keys: ['browser', 'executablePath'] },
  output: { flag: '--out', keys: ['paths', 'output'] },
  data: { flag: '--data-dir', keys: ['paths', 'data'] },
  archive: { flag: '--archive-dir', keys: ['paths', 'archive'] },
  cache: { flag: '--cache-dir', keys: ['paths', 'cache'] },
  clients: { flag: '--clients', keys: ['paths', 'clients'] },
};

/** Reads the flags' settings; throws UsageError (exit 2) naming each bad option. */
export function readFlagLayer(flags: ConfigFlags, cwd: string): Layer {
  const entries: Entry[] = [];
  for (const [name, { flag, keys }] of Object.entries(FLAG_SETTINGS)) {
    const value: unknown = flags[name as keyof ConfigFlags];
    if (value === undefined) continue;
    // `--locale en --locale en` means English once, as it always has.
    const list = Array.isArray(value) ? [...new Set(value)] : value;
    entries.push({ keys, value: list, origin: { kind: 'flag', name: flag } });
  }
  const { layer, problems } = layerOfEntries(entries, cwd, (origin) =>
    msg.config.flag(origin.kind === 'flag' ? origin.name : '?'),
  );
  if (problems.length > 0) {
    const lines = problems.map((p) => `  - ${formatProblem(p)}`);
    throw new UsageError([msg.config.invalidFlags(problems.length), ...lines].join('\n'));
  }
  return layer;
}
