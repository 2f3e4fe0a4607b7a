import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildReport } from '../../src/build.js';
import { InvalidInputError } from '../../src/errors.js';
import { tempOut } from '../helpers/sample.js';

test('a character no bundled font can print fails the build instead of printing a blank', async () => {
  const dir = tempOut();
  const file = path.join(dir, '2026-W06.yaml');
  const week = readFileSync('tests/fixtures/valid/minimal.yaml', 'utf8').replace(
    'en: "Capex rises while cash flow has yet to catch up"',
    'en: "Capex rises \u{1F680} while cash flow has yet to catch up"',
  );
  expect(week).toContain('\u{1F680}');
  writeFileSync(file, week);
  const failure = buildReport({ dataFile: file, outDir: tempOut(), htmlOnly: true });
  await expect(failure).rejects.toBeInstanceOf(InvalidInputError);
  await expect(failure).rejects.toThrow(/"\u{1F680}" \(U\+1F680\)/u);
});
