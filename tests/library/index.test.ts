/**
 * The library entry as a script uses it: imported by the package's name (its `exports`, the
 * compiled dist/), building, archiving and e-mailing (a dry run) the sample week without the
 * command line.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { pdftotext } from '../helpers/poppler.js';
import { tempOut } from '../helpers/sample.js';

type Library = typeof import('../../src/index.js');

describe("the library entry (import 'capex-report')", () => {
  test('builds the sample week through buildReport, PDFs included, without the CLI', async () => {
    const lib = (await import('capex-report' as string)) as Library;
    const { config } = await lib.loadConfig({ cwd: tempOut() });
    const checked = await lib.checkWeekFile('data/2026-W06.yaml');
    expect(checked.week.meta.week).toBe('2026-W06');
    const outDir = tempOut();
    const result = await lib.buildReport({
      dataFile: 'data/2026-W06.yaml',
      outDir,
      paper: config.report.paper,
      locales: config.report.languages,
    });
    expect(result.artifacts.map((a) => a.name)).toEqual(
      expect.arrayContaining(['report.zh-TW.pdf', 'report.en.pdf', 'manifest.json']),
    );
    const pdf = result.artifacts.find((a) => a.name === 'report.en.pdf');
    expect(pdftotext(pdf?.bytes ?? new Uint8Array())).toContain('AI Capex vs Returns Weekly');
    expect(existsSync(result.pdfs.en ?? '')).toBe(true);
    expect(result.manifest.inputsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('archives a build, verifies the archive and writes the e-mails of a dry run', async () => {
    const lib = (await import('capex-report' as string)) as Library;
    const root = tempOut();
    const env = {
      CAPEX_REPORT_ARCHIVE: path.join(root, 'archive'),
      CAPEX_REPORT_OUTPUT: path.join(root, 'output'),
    };
    const { config } = await lib.loadConfig({ configFile: 'capex-report.config.yaml', env });
    const built = await lib.buildReport({
      dataFile: 'data/2026-W06.yaml',
      firm: config.firm,
      logoFile: config.firm.logo,
      htmlOnly: false,
    });
    const archived = await lib.archiveWeek(lib.builtWeekOf(built), { root: config.paths.archive });
    expect(archived).toMatchObject({ version: 1, created: true });
    expect(await lib.listVersions(config.paths.archive, '2026-W06')).toHaveLength(1);
    expect((await lib.verifyArchive(config.paths.archive)).problems).toEqual([]);
    const sent = await lib.sendWeek({ config, week: '2026-W06', dryRun: true });
    expect(sent.counts.written).toBeGreaterThanOrEqual(5);
    for (const result of sent.results) expect(existsSync(result.file ?? '')).toBe(true);
  });
});
