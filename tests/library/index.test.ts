/**
 * The library entry as a script uses it: imported by the package's name (its `exports`, the
 * compiled dist/), building the sample week without the command line.
 */
import { existsSync } from 'node:fs';
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
});
