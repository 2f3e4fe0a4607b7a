/** The settings a command runs with: the config file, the environment and its flags, merged. */
import {
  type ConfigFlags,
  formatOrigin,
  type LoadedConfig,
  loadConfig,
  type Origin,
} from '../config/index.js';

/** The options every command accepts. */
export interface GlobalOptions {
  /** `--config FILE`. */
  config?: string;
  /** Errors only on stderr. */
  quiet?: boolean;
  /** Every stage with its timing on stderr. */
  verbose?: boolean;
}

export function loadSettings(
  globals: GlobalOptions,
  flags: ConfigFlags = {},
): Promise<LoadedConfig> {
  return loadConfig({ configFile: globals.config, flags });
}

/** A setting's origin as messages show it, or undefined for a default. */
export function originOf(origin: Origin | undefined): string | undefined {
  return origin && origin.kind !== 'default' ? formatOrigin(origin) : undefined;
}
