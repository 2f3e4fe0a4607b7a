/** `capex-report validate FILE`. */
import { checkWeekFile } from '../check.js';
import { msg } from '../messages/index.js';
import type { GlobalOptions } from './settings.js';

export interface ValidateCommandOptions extends GlobalOptions {
  json: boolean;
}

export async function runValidate(file: string, options: ValidateCommandOptions): Promise<void> {
  const { week, metrics } = await checkWeekFile(file);
  const { meta, companies, sources } = week;
  if (options.json) {
    const summary = { file, valid: true, week: meta.week, edition: meta.edition };
    const counts = {
      companies: companies.length,
      sources: sources.length,
      figures: metrics.figures.size,
    };
    process.stdout.write(`${JSON.stringify({ ...summary, ...counts }, null, 2)}\n`);
  } else {
    process.stdout.write(`${msg.build.valid(file, meta.week, companies.length, sources.length)}\n`);
  }
}
