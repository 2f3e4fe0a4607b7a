/**
 * Stage 7, print: one language's page printed with the lease's browser, then finalized (metadata,
 * dates from the data, /ID from the inputs) as soon as it is back.
 */
import type { LoadedWeek } from '../data/load.js';
import type { Week } from '../data/schema.js';
import { InvalidInputError, PageTooWideError } from '../errors.js';
import type { Translate } from '../i18n/index.js';
import type { Metrics } from '../metrics/types.js';
import { VERSION } from '../project.js';
import { contentWidthMm, type PaperSize } from '../render/page-css.js';
import type { LocaleHtml } from '../render/report-html.js';
import { finalizePdf } from './finalize.js';
import type { BrowserLease } from './lease.js';
import { overflowProblems } from './overflow-problems.js';

export interface PrintReportInput {
  page: LocaleHtml;
  /** The figures and the week file: a text too wide for the page is named at its data path. */
  metrics: Metrics;
  source: Pick<LoadedWeek, 'file' | 'locate'>;
  paper: PaperSize;
  t: Translate;
  week: Week;
  /**
   * Hash of everything the PDFs are made from (inputs/hash.ts); only finalizing waits for it, so
   * it may still be computing (it holds the browser's version) while the page prints.
   */
  inputsHash: Promise<string>;
}

export async function printReport(lease: BrowserLease, input: PrintReportInput): Promise<Buffer> {
  const { page, paper, t, week } = input;
  const widthMm = contentWidthMm(paper);
  const { pdf } = await lease
    .print({
      html: page.html,
      locale: page.locale,
      title: page.title,
      format: paper,
      contentWidthMm: widthMm,
    })
    .catch((error: unknown) => {
      if (!(error instanceof PageTooWideError)) throw error;
      const problems = overflowProblems(error, { ...input, widthMm });
      throw new InvalidInputError(error.message, problems, { cause: error });
    });
  const finalized = await finalizePdf(pdf, {
    title: `${page.title} · ${week.meta.week}`,
    author: week.meta.author[page.locale],
    subject: t('document.subject'),
    keywords: t('document.keywords').split(/\s*,\s*/),
    language: page.locale === 'zh-TW' ? 'zh-Hant-TW' : 'en',
    version: VERSION,
    issued: new Date(week.meta.issuedAt),
    inputsHash: await input.inputsHash,
  });
  return Buffer.from(finalized);
}
