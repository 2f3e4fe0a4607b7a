/** `capex-report validate FILE`. */
import { checkWeekFile } from '../check.js';
import { msg } from '../messages/index.js';

export async function runValidate(file: string): Promise<void> {
  const { week } = await checkWeekFile(file);
  const { meta, companies, sources } = week;
  process.stdout.write(`${msg.build.valid(file, meta.week, companies.length, sources.length)}\n`);
}
