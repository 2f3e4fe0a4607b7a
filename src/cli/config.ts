/** `capex-report config`: the effective settings and where each came from. */
import { configJson, describeConfig } from '../config/index.js';
import { type GlobalOptions, loadSettings } from './settings.js';

export interface ConfigCommandOptions extends GlobalOptions {
  json: boolean;
}

export async function runConfig(options: ConfigCommandOptions): Promise<void> {
  const loaded = await loadSettings(options);
  process.stdout.write(
    options.json
      ? `${JSON.stringify(configJson(loaded), null, 2)}\n`
      : `${describeConfig(loaded)}\n`,
  );
}
