/**
 * Issue 15, point 5: a character no bundled font has is refused by `validate` at its YAML line
 * and data path (not only by the build, and not at the generated HTML); the build, which meets
 * it while embedding the fonts, points at the YAML too.
 */
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { FONT_FACES } from '../../src/fonts/files.js';
import { msg } from '../../src/messages/index.js';
import {
  lineOf,
  processesGone,
  runIn,
  sandboxes,
  swap,
  tree,
  weekFile,
} from '../helpers/faults.js';

const sandbox = sandboxes('capex-glyphs-');

describe('a character the fonts lack', () => {
  test('validate and build refuse it at the YAML line and data path (exit 1, nothing left)', async () => {
    const box = sandbox();
    const text = 'Spending may run ahead of demand ᚠ.';
    const file = weekFile(box, 'rune.yaml', (t) =>
      swap(t, 'en: "Spending may run ahead of demand."', `en: "${text}"`),
    );
    const expected = formatProblem({
      file,
      path: 'text.sections.risks.en',
      line: lineOf(file, text),
      column: 11,
      ...msg.fonts.uncovered(msg.fonts.characterName('ᚠ')),
    });
    const validate = await runIn(box, ['validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(expected);
    const build = await runIn(box, ['build', '--data', file, '--out', box.out]);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(msg.fonts.noGlyphs('en'));
    expect(build.stderr).toContain(expected);
    expect(build.stderr).not.toContain('report.en.html');
    expect(await processesGone(box.root)).toEqual([]);
    expect([...tree(box.out), ...tree(box.tmp)]).toEqual([]);
  });

  test('a quote, which is never printed, may hold any character', async () => {
    const box = sandbox();
    const file = weekFile(box, 'quote.yaml', (t) =>
      swap(t, 'quote: "US$200 billion this year"', 'quote: "US$200 billion this year ᚠ"'),
    );
    expect(await runIn(box, ['validate', file])).toMatchObject({ code: 0, stderr: '' });
  });
});

test('every weight of a font has the same character map (coverage.ts reads the regular ones)', () => {
  const fontkit = createRequire(import.meta.url)('fontkit') as {
    openSync(file: string): { characterSet: number[] };
  };
  for (const family of ['Inter', 'Noto Sans TC']) {
    const sets = FONT_FACES.filter((f) => f.family === family).map((f) =>
      [...fontkit.openSync(f.file).characterSet].sort((a, b) => a - b).join(','),
    );
    expect(sets).toHaveLength(3);
    expect(new Set(sets).size).toBe(1);
  }
});
