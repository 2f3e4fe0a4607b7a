/**
 * Issue 15, points 3 and 6: a week too large to be one week's data, and a YAML alias bomb, are
 * refused as invalid input (exit 1) before anything is parsed, rendered or printed, naming the
 * limit; a build leaves nothing behind (no output, no browser, no profile).
 */
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  MAX_CAPEX_YEARS,
  MAX_LIST_ITEMS,
  MAX_SOURCES,
  MAX_TEXT_CHARACTERS,
  MAX_WEEK_FILE_BYTES,
} from '../../src/data/limits.js';
import { formatProblem, type ProblemText } from '../../src/errors.js';
import { MAX_ALIASES } from '../../src/io/yaml.js';
import { msg } from '../../src/messages/index.js';
import {
  lineOf,
  processesGone,
  runIn,
  type Sandbox,
  sandboxes,
  swap,
  tree,
  weekFile,
} from '../helpers/faults.js';

const sandbox = sandboxes('capex-limits-');

/** The problem line as the command prints it. */
const line = (
  file: string,
  at: { path?: string; line?: number; column?: number },
  p: ProblemText,
) => formatProblem({ file, path: at.path ?? '', ...at, ...p });

/** After a refused build: no output, no browser process, nothing in the temporary folder. */
async function expectNothingLeft(box: Sandbox): Promise<void> {
  expect(await processesGone(box.root)).toEqual([]);
  expect(tree(box.out)).toEqual([]);
  expect(tree(box.tmp)).toEqual([]);
}

describe('the size of the week file', () => {
  test('a 50 MB file is refused before it is read whole: exit 1, the limit, nothing left', async () => {
    const box = sandbox();
    const file = path.join(box.root, 'huge.yaml');
    writeFileSync(file, `meta:\n  week: "2026-W06"\nx: "${'a'.repeat(50 * 1024 * 1024)}"\n`);
    const size = statSync(file).size;
    const started = performance.now();
    const validate = await runIn(box, ['validate', file]);
    const ms = performance.now() - started;
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(msg.input.couldNotLoad('week data', file));
    expect(validate.stderr).toContain(
      line(file, {}, msg.faults.fileTooLarge(MAX_WEEK_FILE_BYTES, size)),
    );
    // Reported, not asserted: the machine is shared (the whole command, Node's start included).
    console.info(`validate refused a 50 MB week in ${ms.toFixed(0)} ms`);
    const build = await runIn(box, ['build', '--data', file, '--out', box.out]);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(msg.faults.fileTooLarge(MAX_WEEK_FILE_BYTES, size).expected);
    await expectNothingLeft(box);
  });
});

describe('limits in the schema, refused at validation with the limit', () => {
  test('more sources than the limit', async () => {
    const box = sandbox();
    const source = (i: number) =>
      `  - id: extra-${i}\n    publisher: "P"\n    title: "T"\n    language: en\n    date: "2026-02-06"\n`;
    const extra = Array.from({ length: MAX_SOURCES }, (_, i) => source(i)).join('');
    const file = weekFile(box, 'sources.yaml', (t) =>
      swap(t, '\ncompanies:\n', `${extra}\ncompanies:\n`),
    );
    const { code, stderr } = await runIn(box, ['validate', file]);
    expect(code).toBe(1);
    const at = { path: 'sources', line: lineOf(file, 'sources:') + 1, column: 3 };
    expect(stderr).toContain(
      line(file, at, {
        expected: msg.schema.atMostItems(MAX_SOURCES),
        found: msg.schema.itemCount(MAX_SOURCES + 1),
      }),
    );
  });

  test('more items in a list than the limit', async () => {
    const box = sandbox();
    const item = (i: number) =>
      `  - id: other-${i}\n    label: { zh-TW: "其他", en: "Other" }\n    figure: { value: 1, unit: count, kind: reported, source: example-2026-02, quote: "1" }\n`;
    const list = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => item(i)).join('');
    const file = weekFile(box, 'list.yaml', (t) =>
      swap(t, '\naggregates:\n', `\notherFigures:\n${list}\naggregates:\n`),
    );
    const { code, stderr } = await runIn(box, ['validate', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      ` at otherFigures: expected ${msg.schema.atMostItems(MAX_LIST_ITEMS)}, found ${msg.schema.itemCount(MAX_LIST_ITEMS + 1)}`,
    );
  });

  test('a text longer than the limit: refused at its line, and a build leaves nothing', async () => {
    const box = sandbox();
    const long = 'word '.repeat(MAX_TEXT_CHARACTERS / 5 + 1).trim();
    const file = weekFile(box, 'text.yaml', (t) =>
      swap(t, 'en: "Spending may run ahead of demand."', `en: "${long}"`),
    );
    const at = { path: 'text.sections.risks.en', line: lineOf(file, long), column: 11 };
    const problem = {
      expected: msg.schema.atMostCharacters(MAX_TEXT_CHARACTERS),
      found: msg.schema.characterCount(long.length),
    };
    const validate = await runIn(box, ['validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(line(file, at, problem));
    const build = await runIn(box, ['build', '--data', file, '--out', box.out]);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(line(file, at, problem));
    await expectNothingLeft(box);
  });

  test("more years of a company's capex than the limit", async () => {
    const box = sandbox();
    const year = (y: number) =>
      `      "${y}": { value: 200, unit: USD bn, kind: guidance, source: example-2026-02, quote: "US$200 billion" }\n`;
    const years = Array.from({ length: MAX_CAPEX_YEARS }, (_, i) => year(2000 + i)).join('');
    const file = weekFile(box, 'years.yaml', (t) =>
      swap(
        t,
        '    capex:\n      "2025":\n        value: 125',
        `    capex:\n${years}      "2025":\n        value: 125`,
      ),
    );
    const { code, stderr } = await runIn(box, ['validate', file]);
    expect(code).toBe(1);
    // Located at the value: the first year's key, the line after `capex:`.
    const at = { path: 'companies[0].capex', line: lineOf(file, '    capex:') + 1, column: 7 };
    expect(stderr).toContain(
      line(file, at, msg.faults.tooManyYears(MAX_CAPEX_YEARS, MAX_CAPEX_YEARS + 2)),
    );
  });
});

describe('a YAML alias bomb', () => {
  const bomb = [
    'meta:',
    '  week: "2026-W06"',
    'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
    '',
  ].join('\n');

  test('is invalid input at its first alias (validate and build: exit 1, nothing left)', async () => {
    const box = sandbox();
    const file = path.join(box.root, 'bomb.yaml');
    writeFileSync(file, bomb);
    const expected = line(file, { line: 4, column: 8 }, msg.input.tooManyAliases(MAX_ALIASES));
    for (const args of [
      ['validate', file],
      ['build', '--data', file, '--out', box.out],
    ]) {
      const { code, stderr } = await runIn(box, args);
      expect(code).toBe(1);
      expect(stderr).toContain(msg.input.couldNotLoad('week data', file));
      expect(stderr).toContain(expected);
    }
    await expectNothingLeft(box);
  });
});
