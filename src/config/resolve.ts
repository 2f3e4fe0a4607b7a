/**
 * The effective settings, in one merge, lowest first:
 *
 *   defaults (schema.ts) < config file < environment < flags
 *
 * and, for every leaf setting, where it came from. The SMTP password is not a setting: it stays
 * in the environment variable `smtp.passwordEnv` names (see secrets.ts).
 */
import path from 'node:path';
import { CONFIG_FILE_ENV, type Env, readEnvLayer } from './env.js';
import { type ConfigFlags, readFlagLayer } from './flags.js';
import {
  type Layer,
  mergeSettings,
  type Origin,
  originsOf,
  resolvePathSettings,
} from './layers.js';
import { type ConfigFile, findConfigFile, readConfigFile } from './load.js';
import { type Config, configSchema } from './schema.js';

export interface LoadConfigOptions {
  /** The folder the command runs in (default: the process's): its config file, its paths. */
  cwd?: string;
  /** `--config FILE`: read this file instead of the working folder's. */
  configFile?: string | undefined;
  /** Default: process.env. */
  env?: Env;
  flags?: ConfigFlags;
}

export interface LoadedConfig {
  config: Config;
  /** Where each leaf setting came from, by data path (`smtp.host`, `firm.analysts[0].email`). */
  origins: ReadonlyMap<string, Origin>;
  /** The config file read (absolute), if any. */
  file: string | undefined;
}

export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  // 1. The file: --config, then $CAPEX_REPORT_CONFIG, then the working folder's, if any.
  const named = options.configFile ?? (env[CONFIG_FILE_ENV] || undefined);
  const file = named ? path.resolve(cwd, named) : await findConfigFile(cwd);
  const layers: Layer[] = [];
  if (file) layers.push(fileLayer(await readConfigFile(file, shownPath(file, cwd))));
  // 2. The environment, then 3. the flags.
  layers.push(readEnvLayer(env, cwd), readFlagLayer(options.flags ?? {}, cwd));
  // 4. One merge over the defaults; the defaults' relative paths are the working folder's.
  const merged = mergeSettings(layers.map((layer) => layer.settings));
  const config = resolvePathSettings(configSchema.parse(merged), cwd);
  return { config, origins: originsOf(config, layers), file };
}

function fileLayer(loaded: ConfigFile): Layer {
  const dir = path.dirname(loaded.file);
  return {
    settings: resolvePathSettings(structuredClone(loaded.data), dir),
    originOf: (keys) => {
      const line = loaded.locate(keys)?.line;
      return { kind: 'file', file: loaded.shown, ...(line === undefined ? {} : { line }) };
    },
  };
}

/** Relative to the working folder when inside it, as a person would type it; else absolute. */
function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)
    ? file
    : relative;
}
