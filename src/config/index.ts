/** The configuration: `capex-report.config.yaml`, the environment and the flags, merged. */
export { CONFIG_FILE_ENV, ENV_SETTINGS, type Env } from './env.js';
export { type ConfigFlags, FLAG_SETTINGS } from './flags.js';
export { formatOrigin, type Origin } from './layers.js';
export { CONFIG_FILE_NAME, findConfigFile } from './load.js';
export { type LoadConfigOptions, type LoadedConfig, loadConfig } from './resolve.js';
export {
  type Config,
  type ConfigInput,
  configSchema,
  DEFAULT_PASSWORD_ENV,
  type Firm,
  PAPERS,
  type Paper,
  type SenderConfig,
  SMTP_SECURITY,
  type SmtpConfig,
  type SmtpSecurity,
} from './schema.js';
export { readSmtpPassword } from './secrets.js';
export { type ConfigJson, configJson, describeConfig, type ShownSetting } from './show.js';
