/**
 * Stage 7, print: both languages' pages printed in parallel pages of one browser, each PDF
 * finalized (metadata, dates from the data, /ID from the inputs) as soon as it is printed.
 */
import type { Browser } from 'puppeteer';
import type { Locale, Week } from '../data/schema.js';
import type { Translate } from '../i18n/index.js';
import type { PaperSize } from '../render/page-css.js';
import type { LocaleHtml } from '../render/report-html.js';
import { VERSION } from '../version.js';
import { printPdf } from './print.js';

export interface PrintReportsInput {
  browser: Browser;
  pages: readonly LocaleHtml[];
  translators: ReadonlyMap<Locale, Translate>;
  week: Week;
  paper: PaperSize;
  /** Hash of everything the PDFs are made from (see output/manifest.ts). */
  inputsHash: string;
}

export async function printReports(input: PrintReportsInput): Promise<Map<Locale, Uint8Array>> {
  const { browser, week, paper, inputsHash } = input;
  // pdf-lib loads once the first PDF is back, while Chromium may still print the other one;
  // loading it earlier would block the event loop while the pages are being set up.
  let finalizing: Promise<typeof import('./finalize.js')> | undefined;
  // allSettled: when one language fails, the other is not left printing into a closing browser.
  const settled = await Promise.allSettled(
    input.pages.map(async (page) => {
      const t = input.translators.get(page.locale) as Translate;
      const { pdf } = await printPdf(browser, {
        html: page.html,
        locale: page.locale,
        title: page.title,
        format: paper,
      });
      finalizing ??= import('./finalize.js');
      const { finalizePdf } = await finalizing;
      const finished = await finalizePdf(pdf, {
        title: `${page.title} · ${week.meta.week}`,
        author: week.meta.author[page.locale],
        subject: t('document.subject'),
        keywords: t('document.keywords').split(/\s*,\s*/),
        language: page.locale === 'zh-TW' ? 'zh-Hant-TW' : 'en',
        version: VERSION,
        issued: new Date(week.meta.issuedAt),
        inputsHash,
      });
      return [page.locale, finished] as const;
    }),
  );
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return new Map(
    settled.map((s) => (s as PromiseFulfilledResult<readonly [Locale, Uint8Array]>).value),
  );
}
