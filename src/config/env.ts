/**
 * The environment layer: a few settings a deployment (a server, CI) sets without a file. A
 * relative path is read from the working folder. An empty variable counts as unset.
 */
import { InvalidInputError } from '../errors.js';
import { msg } from '../messages/index.js';
import { type Entry, type Keys, type Layer, layerOfEntries } from './layers.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Names a config file to read instead of the working folder's. */
export const CONFIG_FILE_ENV = 'CAPEX_REPORT_CONFIG';

/** Every environment variable that sets a setting (the password's is named by the config). */
export const ENV_SETTINGS: readonly { name: string; keys: Keys; number?: true }[] = [
  { name: 'CAPEX_REPORT_DATA', keys: ['paths', 'data'] },
  { name: 'CAPEX_REPORT_OUTPUT', keys: ['paths', 'output'] },
  { name: 'CAPEX_REPORT_ARCHIVE', keys: ['paths', 'archive'] },
  { name: 'CAPEX_REPORT_CACHE', keys: ['paths', 'cache'] },
  { name: 'CAPEX_REPORT_CLIENTS', keys: ['paths', 'clients'] },
  { name: 'PUPPETEER_EXECUTABLE_PATH', keys: ['browser', 'executablePath'] },
  { name: 'CAPEX_REPORT_SMTP_HOST', keys: ['smtp', 'host'] },
  { name: 'CAPEX_REPORT_SMTP_PORT', keys: ['smtp', 'port'], number: true },
  { name: 'CAPEX_REPORT_SMTP_SECURITY', keys: ['smtp', 'security'] },
  { name: 'CAPEX_REPORT_SMTP_USER', keys: ['smtp', 'user'] },
];

/** Reads the environment's settings; throws InvalidInputError naming each bad variable. */
export function readEnvLayer(env: Env, cwd: string): Layer {
  const entries: Entry[] = [];
  for (const { name, keys, number } of ENV_SETTINGS) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    // A port that is not all digits stays a text, so the problem shows what was written.
    const typed = number && /^\d+$/.test(value) ? Number(value) : value;
    entries.push({ keys, value: typed, origin: { kind: 'env', name } });
  }
  const { layer, problems } = layerOfEntries(entries, cwd, (origin) =>
    msg.config.environmentVariable(origin.kind === 'env' ? origin.name : '?'),
  );
  if (problems.length > 0) {
    throw new InvalidInputError(msg.config.invalidEnvironment(problems.length), problems);
  }
  return layer;
}
