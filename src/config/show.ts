/**
 * `capex-report config`: the effective settings, one per line with where each came from, as
 * `git config --show-origin --list` prints them; `--json` gives the same as data. The password
 * is never shown: only the name of its variable and whether that variable is set.
 */
import { formatPath } from '../io/paths.js';
import { msg } from '../messages/index.js';
import type { Env } from './env.js';
import { formatOrigin, leavesOf } from './layers.js';
import type { LoadedConfig } from './resolve.js';
import { readSmtpPassword } from './secrets.js';

export interface ShownSetting {
  key: string;
  value: unknown;
  origin: string;
  /** Only for `smtp.passwordEnv`: whether the variable it names holds a password. */
  set?: boolean;
}

export interface ConfigJson {
  file: string | null;
  settings: ShownSetting[];
}

const PASSWORD_ENV = 'smtp.passwordEnv';

function settingsOf(loaded: LoadedConfig, env: Env): ShownSetting[] {
  return leavesOf(loaded.config).map(([keys, value]) => {
    const key = formatPath(keys);
    const origin = formatOrigin(loaded.origins.get(key) ?? { kind: 'default' });
    if (key !== PASSWORD_ENV) return { key, value, origin };
    return { key, value, origin, set: readSmtpPassword(loaded.config, env) !== undefined };
  });
}

const shownValue = (setting: ShownSetting) => {
  if (setting.set !== undefined)
    return msg.config.passwordState(String(setting.value), setting.set);
  return typeof setting.value === 'string' ? setting.value : JSON.stringify(setting.value);
};

/** `<origin>\t<key>=<value>` per setting, each line ending in a newline. */
export function describeConfig(loaded: LoadedConfig, env: Env = process.env): string {
  return settingsOf(loaded, env)
    .map((setting) => `${setting.origin}\t${setting.key}=${shownValue(setting)}\n`)
    .join('');
}

/** The `--json` form: the file read and every setting with its value and origin. */
export function configJson(loaded: LoadedConfig, env: Env = process.env): ConfigJson {
  return { file: loaded.file ?? null, settings: settingsOf(loaded, env) };
}
