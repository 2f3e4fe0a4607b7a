import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/build.js';
import { InvalidInputError } from '../../src/errors.js';
import { createTranslator, readLocaleFiles } from '../../src/i18n/index.js';
import { checkLocaleParity } from '../../src/i18n/parity.js';
import { SAMPLE, tempOut } from '../helpers/sample.js';

const FIXTURE = 'tests/fixtures/locales/missing-key';

describe('locale files', () => {
  test('the project locale files have the same keys and no empty string', () => {
    expect(checkLocaleParity(readLocaleFiles())).toEqual([]);
  });

  test('a key in one file only is reported with the key and the file that lacks it', () => {
    const problems = checkLocaleParity(readLocaleFiles(FIXTURE));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: `${FIXTURE}/zh-TW.json`, path: 'sections.outlook' }),
        expect.objectContaining({ file: `${FIXTURE}/en.json`, path: 'table.growth' }),
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  test('the build refuses to run with unequal locale files', async () => {
    const failure = buildReport({
      dataFile: SAMPLE,
      outDir: tempOut(),
      htmlOnly: true,
      localesDir: FIXTURE,
    });
    await expect(failure).rejects.toBeInstanceOf(InvalidInputError);
    await expect(failure).rejects.toThrow(
      /zh-TW\.json at sections\.outlook: expected the key "sections\.outlook"/,
    );
  });

  test('an empty string is a problem too', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'locales-'));
    await cp('locales', dir, { recursive: true });
    const en = JSON.parse(await readFile(`${dir}/en.json`, 'utf8'));
    en.sections.risks = ' ';
    await writeFile(`${dir}/en.json`, JSON.stringify(en));
    expect(checkLocaleParity(readLocaleFiles(dir))).toEqual([
      expect.objectContaining({ path: 'sections.risks', expected: 'a non-empty string' }),
    ]);
  });

  test('a missing key throws instead of falling back to the other language', async () => {
    const t = await createTranslator('zh-TW', { only: 'x' });
    expect(t('only')).toBe('x');
    expect(() => t('sections.capex')).toThrow('Missing string "sections.capex" in locale zh-TW');
  });
});
