import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkWeekFile } from '../../src/check.js';
import { InvalidInputError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';

interface Expectation {
  file: string;
  path: string;
  expect: string;
  line: number | null;
}

const dir = 'tests/fixtures/invalid';
const expectations: Expectation[] = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8'));
const files = [...new Set(expectations.map((e) => e.file))];

describe('capex-report validate on bad week files', () => {
  test('there are at least 15 invalid fixtures, each with an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  test.each(files)('%s: exit 1 with file, path, line and what was expected', async (file) => {
    const result = await runCli(['validate', `${dir}/${file}`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    for (const e of expectations.filter((x) => x.file === file)) {
      const line = e.line === null ? '' : `:${e.line}:`;
      expect(result.stderr).toContain(`${dir}/${file}${line}`);
      if (e.path) expect(result.stderr).toContain(` at ${e.path}: `);
      expect(result.stderr).toContain(e.expect);
    }
  });
});

describe('valid week files', () => {
  const validFiles = [
    ...readdirSync('data')
      .filter((f) => /^\d{4}-W\d{2}\.yaml$/.test(f))
      .map((f) => `data/${f}`),
    ...readdirSync('tests/fixtures/valid').map((f) => `tests/fixtures/valid/${f}`),
    'tests/fixtures/injection/2026-W06.yaml',
  ];

  test.each(validFiles)('%s validates', async (file) => {
    const { week } = await checkWeekFile(file);
    expect(week.meta.week).toMatch(/^\d{4}-W\d{2}$/);
  });

  test('the command prints a summary and exits 0 for the sample week', async () => {
    const result = await runCli(['validate', 'data/2026-W06.yaml']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('valid (2026-W06, 4 companies');
  });

  test('a missing file is reported without a stack trace', async () => {
    const result = await runCli(['validate', 'data/1999-W01.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'data/1999-W01.yaml: expected a readable YAML file, found no such file',
    );
  });

  test('every problem of a file is reported at once', async () => {
    const text = readFileSync('tests/fixtures/valid/minimal.yaml', 'utf8')
      .replace(/value: 200\b/, 'value: -200')
      .replace('week: "2026-W06"', 'week: "2026-W09"');
    const { parseWeekText } = await import('../../src/data/load.js');
    const { validateWeek } = await import('../../src/data/validate.js');
    const error = (() => {
      try {
        validateWeek(parseWeekText(text, 'two-problems.yaml'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    const paths = (error as InvalidInputError).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['meta.week', 'companies[0].capex.2026.value']));
  });
});
