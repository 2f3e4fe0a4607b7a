/**
 * Stage 7, print: one language's page printed in its own page of the shared browser, then
 * finalized (metadata, dates from the data, /ID from the inputs) as soon as it is back.
 */
import type { Browser } from 'puppeteer';
import type { Week } from '../data/schema.js';
import type { Translate } from '../i18n/index.js';
import type { PaperSize } from '../render/page-css.js';
import type { LocaleHtml } from '../render/report-html.js';
import { VERSION } from '../version.js';
import { finalizePdf } from './finalize.js';
import { printPdf } from './print.js';

/** The page as Chromium prints it (see finalizeReport). */
export async function printReport(
  browser: Browser,
  page: LocaleHtml,
  paper: PaperSize,
): Promise<Uint8Array> {
  const { pdf } = await printPdf(browser, {
    html: page.html,
    locale: page.locale,
    title: page.title,
    format: paper,
  });
  return pdf;
}

export interface FinalizeReportInput {
  page: LocaleHtml;
  t: Translate;
  week: Week;
  /**
   * Hash of everything the PDFs are made from (see output/manifest.ts); only finalizing waits
   * for it, so it may still be computing while the page prints.
   */
  inputsHash: string | Promise<string>;
}

export async function finalizeReport(
  pdf: Uint8Array,
  { page, t, week, ...input }: FinalizeReportInput,
): Promise<Uint8Array> {
  const inputsHash = await input.inputsHash;
  return finalizePdf(pdf, {
    title: `${page.title} · ${week.meta.week}`,
    author: week.meta.author[page.locale],
    subject: t('document.subject'),
    keywords: t('document.keywords').split(/\s*,\s*/),
    language: page.locale === 'zh-TW' ? 'zh-Hant-TW' : 'en',
    version: VERSION,
    issued: new Date(week.meta.issuedAt),
    inputsHash,
  });
}
