/**
 * Issue 15, point 1: an unbreakable token (a long word, a long address) must not make Chromium
 * shrink the pages. The stylesheet wraps it (in prose, tables and the sources list); the print
 * stage refuses, naming the data path, a page that would still be wider than its paper.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/build.js';
import { parseWeekText } from '../../src/data/load.js';
import { validateWeek } from '../../src/data/validate.js';
import { formatProblem, InvalidInputError, PageTooWideError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { deriveMetrics } from '../../src/metrics/derive.js';
import { overflowProblems } from '../../src/pdf/overflow-problems.js';
import { contentWidthMm } from '../../src/render/page-css.js';
import { ROOT } from '../helpers/cli.js';
import {
  lineOf,
  MINIMAL,
  processesGone,
  runIn,
  sandboxes,
  swap,
  tree,
  weekFile,
} from '../helpers/faults.js';

const sandbox = sandboxes('capex-overflow-');

const WORD = 'Antidisestablishmentarianism'.repeat(8);
const ADDRESS = `https://example.com/${'a-long-path-segment-without-spaces/'.repeat(8)}?q=x`;

/** The minimal week with unbreakable tokens in prose, in a table's label and as a source address. */
const unbreakable = (t: string) =>
  [
    ['zh-TW: "支出可能跑在需求前面。"', `zh-TW: "支出可能跑在需求前面：${WORD}，見 ${ADDRESS}"`],
    [
      'en: "Spending may run ahead of demand."',
      `en: "Spending may run ahead of demand: ${WORD}, see ${ADDRESS}"`,
    ],
    ['zh-TW: "2026 年資本支出合計"', `zh-TW: "2026 年資本支出合計 ${WORD}"`],
    ['en: "Combined 2026 capex"', `en: "Combined 2026 capex ${WORD}"`],
    ['url: "https://example.com/"', `url: "${ADDRESS}"`],
  ].reduce((text, [from, to]) => swap(text, from ?? '', to ?? ''), t);

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  height: number;
}

/** Every word of the PDF with its box, as poppler lays it out, by page. */
function words(pdf: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        text: m[5] ?? '',
        xMin: Number(m[1]),
        xMax: Number(m[3]),
        height: Number(m[4]) - Number(m[2]),
      })),
    );
}

describe('unbreakable tokens wrap: the pages keep their scale', () => {
  test('a long word and address in prose, a table label and the sources (both languages)', {
    timeout: 120_000,
  }, async () => {
    const plain = sandbox();
    const box = sandbox();
    const file = weekFile(box, 'long.yaml', unbreakable);
    for (const [b, data] of [
      [plain, MINIMAL],
      [box, file],
    ] as const) {
      const run = await runIn(b, ['build', '--data', data, '--out', b.out, '--quiet']);
      expect(run.code).toBe(0);
    }
    const A4_WIDTH_PT = 595;
    const MARGIN_PT = (16 / 25.4) * 72;
    for (const locale of ['en', 'zh-TW']) {
      const pages = words(path.join(box.out, `2026-W06/report.${locale}.pdf`));
      const plainPages = words(path.join(plain.out, `2026-W06/report.${locale}.pdf`));
      // Page 1 holds none of the long tokens: word for word where the plain week has them.
      expect(pages[0]).toEqual(plainPages[0]);
      // No word reaches into the right margin: nothing was printed beyond the paper's content.
      const rightmost = Math.max(...pages.flat().map((w) => w.xMax));
      expect(rightmost).toBeLessThanOrEqual(A4_WIDTH_PT - MARGIN_PT + 1);
      // The tokens are all there, broken across lines.
      const joined = pages
        .flat()
        .map((w) => w.text)
        .join('');
      expect(joined).toContain(WORD);
      expect(joined).toContain(ADDRESS);
    }
    expect(await processesGone(box.root)).toEqual([]);
    expect(tree(box.tmp)).toEqual([]);
  });
});

describe('the last wall: a page still wider than its paper is refused', () => {
  test('a stylesheet that lets a word through unbroken: exit 1 at the data path, nothing written', async () => {
    const box = sandbox();
    const templates = path.join(box.root, 'templates');
    cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    appendFileSync(
      path.join(templates, 'styles/report.css'),
      '\n.lang-en { overflow-wrap: normal; }\n',
    );
    const file = weekFile(box, 'long.yaml', (t) =>
      swap(
        t,
        'en: "Spending may run ahead of demand."',
        `en: "Spending may run ahead of demand: ${WORD}."`,
      ),
    );
    const error = await buildReport({
      dataFile: file,
      templatesDir: templates,
      outDir: box.out,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const { message, problems } = error as InvalidInputError;
    expect(message.split('\n')[0]).toBe(msg.faults.pageTooWide('en'));
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    const expected = msg.faults.tooWide(contentWidthMm('A4'), `${WORD.slice(0, 60)}…`, 0);
    expect(problem).toMatchObject({
      file,
      path: 'text.sections.risks.en',
      line: lineOf(file, WORD),
      column: 11,
      expected: expected.expected,
      hint: expected.hint,
    });
    expect(formatProblem(problem ?? { file: '', path: '', expected: '' })).toMatch(
      /, reaching \d+(\.\d)? mm \(Chromium would shrink every page to fit it\)/,
    );
    expect(tree(box.out)).toEqual([]);
    // The browser this process launched for the build is gone, and so is its profile.
    const ours = `capex-report-chromium-${process.pid}-`;
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(ours))).toEqual([]);
    expect(await processesGone(tmpdir() + path.sep + ours)).toEqual([]);
  });

  test('a figure too wide is named at its data path', () => {
    const text = readFileSync(MINIMAL, 'utf8');
    const loaded = parseWeekText(text, MINIMAL);
    const week = validateWeek(loaded);
    const metrics = deriveMetrics(week);
    const error = new PageTooWideError(msg.faults.pageTooWide('en'), 'en', [
      { text: 'US$213.4 billion', figure: 'amazon.returns.revenue', reachesMm: 200 },
      { text: '1.4×', figure: 'derived.amazon.capex-to-ocf', reachesMm: 190 },
    ]);
    const problems = overflowProblems(error, { week, metrics, source: loaded, widthMm: 178 });
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ['companies[0].returns.revenue.value', lineOf(MINIMAL, 'value: 213.4')],
      ['companies[0].capex.2026.value', lineOf(MINIMAL, 'value: 200')],
      ['companies[0].returns.operatingCashFlowTtm.value', lineOf(MINIMAL, 'value: 139.5')],
    ]);
  });
});
