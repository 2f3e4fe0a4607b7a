import { checkWeekFile } from '../check.js';

export async function runValidate(file: string): Promise<void> {
  const week = await checkWeekFile(file);
  process.stdout.write(
    `${file}: valid (${week.meta.week}, ${week.companies.length} companies, ${week.sources.length} sources)\n`,
  );
}
