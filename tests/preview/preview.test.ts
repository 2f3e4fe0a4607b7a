/**
 * The live preview end to end: the real CLI as a child process on a temporary copy of the
 * project, its page in headless Chromium. A change to the week file shows in both languages
 * without a reload; a broken file shows its located problems over the last good preview; the fix
 * recovers by itself; foreign hosts and paths out of the report are refused; Print PDFs prints with
 * the held browser; Ctrl-C ends it all, leaving no process and no browser profile behind.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkWeekFile } from '../../src/check.js';
import type { Locale } from '../../src/data/schema.js';
import { msg } from '../../src/messages/index.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { pdftotext } from '../helpers/poppler.js';
import { copyProject } from '../helpers/project.js';
import { normalizeText, printedForms } from '../helpers/sample.js';
import { alive, childrenOf, type PreviewProcess, startPreviewProcess } from './child.js';

const project = copyProject('capex-report-preview-');
const original = readFileSync(project.weekFile, 'utf8');
const PLAN = '        value: 200\n        unit: USD bn\n        kind: guidance\n';
const QUOTE = 'quote: "計劃在 2026 年投資約兩千億美元"';

/** The week with Amazon's 2026 plan at `value` (US$ bn, a whole number), its quote saying so. */
function withPlan(value: number): string {
  expect(original).toContain(PLAN);
  expect(original).toContain(QUOTE);
  const quote = `quote: "計劃在 2026 年投資約 ${(value * 10).toLocaleString('en')} 億美元"`;
  return original.replace(PLAN, PLAN.replace('200', String(value))).replace(QUOTE, quote);
}

let preview: PreviewProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  preview = await startPreviewProcess(project);
  browser = await launchBrowser({ loopback: true });
  page = await browser.newPage();
  await page.setViewport({ width: 1500, height: 950 });
  await page.goto(preview.json.url);
  await shownVersion(1);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (preview && preview.child.exitCode === null) await preview.stop('SIGKILL');
});

/** Waits until the page shows build `version` (or a later one) in every language. */
async function shownVersion(version: number): Promise<number> {
  await page.waitForFunction(
    (v) => Number(document.body.dataset.shownVersion ?? 0) >= v,
    { timeout: 120_000 },
    version,
  );
  return page.evaluate(() => Number(document.body.dataset.shownVersion));
}

/** The text each language's frame shows now. */
function frameTexts(): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const frames of Array.from(document.querySelectorAll<HTMLElement>('.frames'))) {
      const frame = frames.querySelector<HTMLIFrameElement>('iframe:not(.incoming)');
      // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, as a reader sees it
      out[frames.dataset.locale ?? ''] = frame?.contentDocument?.body.innerText ?? '';
    }
    return out;
  });
}

async function planForms(): Promise<Record<Locale, string[]>> {
  const { metrics } = await checkWeekFile(project.weekFile);
  const figure = metrics.figures.get('amazon.capex.2026');
  if (!figure) throw new Error('no amazon.capex.2026');
  return { 'zh-TW': printedForms(figure, 'zh-TW'), en: printedForms(figure, 'en') };
}

function shows(text: string, locale: Locale, forms: readonly string[]): boolean {
  const normalized = normalizeText(text, locale);
  return forms.some((form) => normalized.includes(normalizeText(form, locale)));
}

describe('capex-report preview', () => {
  test('serves both languages side by side, the report pages sandboxed without scripts', async () => {
    const frames = await page.$$eval('.frames iframe', (list) =>
      list.map((f) => ({ sandbox: f.getAttribute('sandbox'), src: f.getAttribute('src') })),
    );
    expect(frames.map((f) => f.src?.replace(/\?.*/, ''))).toEqual([
      '/report/report.zh-TW.html',
      '/report/report.en.html',
    ]);
    for (const frame of frames) expect(frame.sandbox).toBe('allow-same-origin');
    const texts = await frameTexts();
    const forms = await planForms();
    expect(shows(texts['zh-TW'] ?? '', 'zh-TW', forms['zh-TW'])).toBe(true);
    expect(shows(texts.en ?? '', 'en', forms.en)).toBe(true);
    // The forced page breaks are drawn between sheets.
    const breaks = await page.evaluate(
      () =>
        document
          .querySelector<HTMLIFrameElement>('.frames iframe')
          ?.contentDocument?.querySelectorAll('.capex-preview-break').length ?? 0,
    );
    expect(breaks).toBeGreaterThan(0);
  });

  test('a changed figure shows in both languages without a reload', async () => {
    await page.evaluate(() => {
      (window as unknown as { kept: number }).kept = 42;
    });
    const before = await shownVersion(1);
    writeFileSync(project.weekFile, withPlan(215));
    await shownVersion(before + 1);
    const forms = await planForms();
    const texts = await frameTexts();
    expect(shows(texts['zh-TW'] ?? '', 'zh-TW', forms['zh-TW'])).toBe(true);
    expect(shows(texts.en ?? '', 'en', forms.en)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { kept: number }).kept)).toBe(42);
  });

  test('a broken file shows its located problems over the last good preview; the fix recovers', async () => {
    const good = await shownVersion(1);
    const forms = await planForms();
    writeFileSync(
      project.weekFile,
      withPlan(215).replace('        value: 215\n', '        value: -5\n'),
    );
    await page.waitForSelector('#problems:not([hidden])', { timeout: 60_000 });
    const panel = await page.$eval('#problems', (el) => el.textContent ?? '');
    const line = withPlan(215).split('\n').indexOf('        value: 215') + 1;
    expect(panel).toContain(`data/2026-W06.yaml:${line}:`);
    expect(panel).toContain('companies[0].capex.2026.value');
    expect(panel).toContain(msg.week.negativeCapex(-5).expected);
    expect(await page.$eval('#status', (el) => (el as HTMLElement).dataset.status)).toBe('error');
    // The last good preview is still there, unchanged.
    expect(await page.evaluate(() => Number(document.body.dataset.shownVersion))).toBe(good);
    const texts = await frameTexts();
    expect(shows(texts.en ?? '', 'en', forms.en)).toBe(true);
    expect(shows(texts['zh-TW'] ?? '', 'zh-TW', forms['zh-TW'])).toBe(true);

    writeFileSync(project.weekFile, withPlan(230));
    await page.waitForSelector('#problems[hidden]', { timeout: 60_000 });
    await shownVersion(good + 1);
    const fixed = await planForms();
    const after = await frameTexts();
    expect(shows(after.en ?? '', 'en', fixed.en)).toBe(true);
    expect(shows(after['zh-TW'] ?? '', 'zh-TW', fixed['zh-TW'])).toBe(true);
    expect(preview.stderr()).toContain(msg.preview.invalid(2));
  });

  test('a request for another host, a path out of the report or a foreign POST is refused', async () => {
    const { port } = preview.json;
    const ok = await get('/', `127.0.0.1:${port}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await get('/', `localhost:${port}`)).status).toBe(200);
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '']) {
      expect((await get('/', host)).status, host).toBe(421);
    }
    const host = `127.0.0.1:${port}`;
    for (const target of [
      '/../package.json',
      '/report/../../package.json',
      '/%2e%2e/package.json',
      '/report/%2E%2E%2Fpackage.json',
      '/report/..%2fpackage.json',
      '//etc/passwd',
      `http://127.0.0.1:${port}/../package.json`,
      '/report\\..\\package.json',
    ]) {
      const answer = await get(target, host);
      expect(answer.status, target).toBe(400);
      expect(answer.body).not.toContain('"name"');
    }
    for (const target of ['/etc/passwd', '/package.json', '/report/package.json', '/report/']) {
      expect((await get(target, host)).status, target).toBe(404);
    }
    const report = await get('/report/report.en.html', host);
    expect(report.status).toBe(200);
    expect(report.body).toContain('http-equiv="Content-Security-Policy"');
    expect(report.headers['content-security-policy']).toContain("default-src 'none'");
    const foreign = await get('/print', host, 'POST', { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await get('/print', host, 'POST')).status).toBe(403);
  });

  test('Print PDFs prints both languages with the held browser and links them', async () => {
    await page.click('#print');
    await page.waitForFunction(() => document.querySelectorAll('#pdfs a').length === 2, {
      timeout: 120_000,
    });
    const links = await page.$$eval('#pdfs a', (list) => list.map((a) => a.getAttribute('href')));
    const forms = await planForms();
    for (const [i, locale] of (['zh-TW', 'en'] as const).entries()) {
      const answer = await get(links[i] ?? '', `127.0.0.1:${preview.json.port}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/pdf');
      const text = pdftotext(answer.bytes);
      expect(shows(text, locale, forms[locale]), locale).toBe(true);
    }
  }, 180_000);

  test('Ctrl-C closes the browser, the watchers and the server: exit 0, nothing left', async () => {
    const pid = preview.child.pid ?? 0;
    const children = childrenOf(pid);
    const chromium = children.filter((c) => /chrom/i.test(c.args));
    expect(chromium.length).toBe(1); // the one lease, launched by the print
    const profile = /--user-data-dir=(\S+)/.exec(chromium[0]?.args ?? '')?.[1] ?? '';
    expect(existsSync(profile)).toBe(true);
    expect(await preview.stop('SIGINT')).toBe(0);
    expect(preview.stderr()).toContain(msg.preview.stopped);
    for (const child of [{ pid }, ...children])
      expect(alive(child.pid), String(child.pid)).toBe(false);
    expect(existsSync(profile)).toBe(false);
    await expect(get('/', `127.0.0.1:${preview.json.port}`)).rejects.toThrow();
  });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}

/** A raw request: the target and Host exactly as given (no client normalizes them). */
function get(
  target: string,
  host: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: preview.json.port,
        method,
        path: target,
        headers: { ...headers, Host: host },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: bytes.toString(),
            bytes,
          });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
