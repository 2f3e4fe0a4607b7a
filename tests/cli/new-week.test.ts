/**
 * `new-week` then `build` on a temporary project: the new week's file (meta moved on, figures
 * marked for review, texts as drafts, comments kept); `validate` lists the marks and passes;
 * `build` refuses naming each carried figure with file, line and data path; confirming or
 * changing them lets it build; `--draft` prints DRAFT on every page of both PDFs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { msg } from '../../src/messages/index.js';
import { runCli } from '../helpers/cli.js';
import { pdfinfo } from '../helpers/poppler.js';
import { copyProject } from '../helpers/project.js';

const project = copyProject('capex-report-new-week-');
const cli = (args: string[]) => runCli(args, { CAPEX_REPORT_CACHE: '' }, project.dir);
const W07 = path.join(project.dir, 'data/2026-W07.yaml');
const shown = 'data/2026-W07.yaml';

let text = '';
beforeAll(async () => {
  const started = await cli(['new-week']);
  expect(started.code, started.stderr).toBe(0);
  expect(started.stdout.trim()).toBe(shown);
  text = readFileSync(W07, 'utf8');
});

const REVIEW = /^ +review: \{ carriedFrom: "2026-W06", value: [^}]+ \}\n/gm;
const DRAFT = /^( *)(- )?draft: true\n *(?=\S)/gm;

/** The file without its marks: every figure confirmed, every text confirmed. */
function confirmed(source: string): string {
  return source
    .replace(REVIEW, '')
    .replace(DRAFT, (_m, indent: string, dash = '') => indent + dash);
}

const count = (source: string, pattern: RegExp) => source.match(pattern)?.length ?? 0;

/** A page's text in content order (`pdftotext -raw`), spaces and line breaks removed. */
function pageText(pdf: Buffer, page: number): string {
  const file = path.join(project.dir, 'page.pdf');
  writeFileSync(file, pdf);
  const args = ['-raw', '-f', String(page), '-l', String(page), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('capex-report new-week', () => {
  test("moves meta to the next week, marks figures and texts, keeps the file's comments", () => {
    const old = readFileSync(project.weekFile, 'utf8');
    expect(text).toContain('week: "2026-W07"');
    expect(text).toContain('periodEnd: "2026-02-13"');
    expect(text).toContain('issuedAt: "2026-02-13T18:00:00+08:00"');
    expect(text).toContain('weekEnding: "2026-02-13"');
    expect(text).toContain('edition: 1');
    expect(text).toMatch(/^# AI capex vs returns: week 2026-W07 \(week ending Friday 2026-02-13\)/);
    // Every comment line of last week's file is still there (the header's names the new week).
    const comments = (t: string) => t.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments(text).slice(1)).toEqual(comments(old).slice(1));
    expect(text).toContain('review: { carriedFrom: "2026-W06", value: 200 }');
    expect(count(text, REVIEW)).toBe(39);
    // headline, view, 4 key points, 4 to watch, 7 sections, 7 views, 1 capex note
    expect(count(text, DRAFT)).toBe(25);
    // Sources keep their dates: a source's date is when it was published.
    expect(text).toContain('date: "2026-02-06"');
    // Confirmed, the file is last week's with the new meta: nothing else moved.
    const back = confirmed(text)
      .replaceAll('2026-W07', '2026-W06')
      .replaceAll('2026-02-13', '2026-02-06');
    expect(back).toBe(old);
  });

  test('never overwrites a week file', async () => {
    const again = await cli(['new-week', '2026-W07']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(msg.review.weekExists(shown));
    expect(readFileSync(W07, 'utf8')).toBe(text);
    expect((await cli(['new-week', '2026-W60'])).code).toBe(2);
  });

  test('validate passes and lists every mark as a warning', async () => {
    const checked = await cli(['validate', shown]);
    expect(checked.code).toBe(0);
    const warnings = checked.stderr.split('\n').filter((l) => l.startsWith('warning: data/'));
    expect(warnings.length).toBe(count(text, REVIEW) + count(text, DRAFT));
    const line =
      text.split('\n').indexOf('        review: { carriedFrom: "2026-W06", value: 200 }') + 1;
    expect(checked.stderr).toContain(`${shown}:${line}:`);
    expect(checked.stderr).toContain('companies[0].capex.2026.review');
  });

  test('build refuses naming the carried figures and texts (file, line, data path)', async () => {
    const refused = await cli(['build', '--data', shown, '--html-only']);
    expect(refused.code).toBe(1);
    const summary = msg.review.notReviewed(shown, count(text, REVIEW), count(text, DRAFT));
    expect(refused.stderr).toContain(summary);
    const line =
      text.split('\n').indexOf('        review: { carriedFrom: "2026-W06", value: 200 }') + 1;
    expect(refused.stderr).toContain(`${shown}:${line}:17 at companies[0].capex.2026.review`);
    expect(refused.stderr).toContain(msg.review.carriedFigure('2026-W06', 200).expected);
    expect(refused.stderr).toContain('text.headline.draft');
    expect(existsSync(path.join(project.dir, 'output/2026-W07'))).toBe(false);
  });

  test('confirmed or changed, the week builds', async () => {
    // Amazon's plan changed (its marker left in place), everything else confirmed.
    const changed = confirmed(text)
      .replace('review: { carriedFrom: "2026-W06", value: 200 }\n', '')
      .replace(
        '        value: 200\n',
        '        review: { carriedFrom: "2026-W06", value: 200 }\n        value: 210\n',
      )
      .replace('計劃在 2026 年投資約兩千億美元', '計劃在 2026 年投資約 2,100 億美元');
    writeFileSync(W07, changed);
    const built = await cli(['build', '--data', shown, '--html-only']);
    expect(built.code, built.stderr).toBe(0);
    const html = readFileSync(path.join(project.dir, 'output/2026-W07/report.en.html'), 'utf8');
    expect(html).toContain('210');
    expect(html).not.toContain('draft-watermark');
  });

  test('--draft prints DRAFT across every page of both PDFs', async () => {
    writeFileSync(W07, text);
    const built = await cli(['build', '--data', shown, '--draft', '--json']);
    expect(built.code, built.stderr).toBe(0);
    const result = JSON.parse(built.stdout) as { pdfs: Record<string, string>; draft: boolean };
    expect(result.draft).toBe(true);
    for (const [locale, word] of [
      ['zh-TW', '草稿'],
      ['en', 'DRAFT'],
    ] as const) {
      const pdf = readFileSync(result.pdfs[locale] ?? '');
      const pages = Number(pdfinfo(pdf).Pages);
      expect(pages).toBeGreaterThan(1);
      for (let page = 1; page <= pages; page++) {
        expect(pageText(pdf, page), `${locale} page ${page}`).toContain(word);
      }
    }
    expect(built.stderr).toContain('warning: ');
    // A draft is never archived: neither with the build nor after it.
    expect((await cli(['build', '--data', shown, '--draft', '--archive'])).code).toBe(2);
    const stored = await cli(['archive', 'store', '--week', '2026-W07']);
    expect(stored.code).toBe(2);
    expect(stored.stderr).toContain(msg.review.draftNotArchived(W07, 39 + 25));
  }, 120_000);
});
