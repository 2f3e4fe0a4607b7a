/**
 * The printed PDF's document information, made reproducible: the same inputs give byte-identical
 * files. Chromium stamps the print time and a random /ID; both are replaced here by the data's
 * issue time and an ID derived from the inputs, and the structure element names that depend on
 * the browser's history are renumbered. The tagged structure and the outline Chromium wrote are
 * otherwise carried over untouched.
 *
 * Chromium's own files are rewritten directly (rewrite.ts); any other shape goes through pdf-lib
 * (finalize-pdf-lib.ts), which is loaded only then.
 */
import { createHash } from 'node:crypto';
import { FinalizeError, UnsupportedPdfError } from '../errors.js';
import { msg } from '../messages/index.js';
import { type Rewrite, rewriteChromiumPdf } from './rewrite.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: readonly string[];
  /** BCP 47 tag for the catalog's /Lang, e.g. `zh-Hant-TW` or `en`. */
  language: string;
  /** capex-report's version: Creator and Producer read "capex-report <version>". */
  version: string;
  /** CreationDate and ModDate: the data's issue time, never "now". */
  issued: Date;
  /** Hex digest of everything the PDF was made from (data, templates, locales, version). */
  inputsHash: string;
}

/**
 * The document information dictionary, as both ways of finalizing write it. A type, not an
 * interface, so that it is a Rewrite's `info` as it is.
 */
export type DocumentInfo = {
  Title: string;
  Author: string;
  Subject: string;
  /** The keywords, separated by spaces. */
  Keywords: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
};

/** What finalizing writes into a PDF, whichever way it goes: the information, /Lang and /ID. */
export interface Finalization extends Rewrite {
  info: DocumentInfo;
}

export function finalization(meta: PdfMetadata): Finalization {
  return { info: documentInfo(meta), language: meta.language, id: documentId(meta) };
}

/** /ID: 16 bytes from the inputs and the document's own identity (two languages, two IDs). */
export function documentId(meta: PdfMetadata): string {
  return createHash('sha256')
    .update([meta.inputsHash, meta.language, meta.title].join('\u0000'))
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
}

export function documentInfo(meta: PdfMetadata): DocumentInfo {
  const generator = `capex-report ${meta.version}`;
  return {
    Title: meta.title,
    Author: meta.author,
    Subject: meta.subject,
    Keywords: meta.keywords.join(' '),
    Creator: generator,
    Producer: generator,
    CreationDate: meta.issued,
    ModDate: meta.issued,
  };
}

/** How many PDFs each way finalized since the process started (tests check which way ran). */
const ways = { rewritten: 0, pdfLib: 0 };
export function finalizeStats(): { rewritten: number; pdfLib: number } {
  return { ...ways };
}

export async function finalizePdf(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  if (!/^[0-9a-f]+$/i.test(meta.inputsHash)) {
    throw new FinalizeError(msg.browser.notHex(meta.title));
  }
  const written = finalization(meta);
  let refusal: UnsupportedPdfError;
  try {
    const rewritten = rewriteChromiumPdf(pdf, written);
    ways.rewritten += 1;
    return rewritten;
  } catch (error) {
    if (!(error instanceof UnsupportedPdfError)) {
      throw new FinalizeError(msg.browser.couldNotFinalize(meta.title), { cause: error });
    }
    refusal = error;
  }
  try {
    const { finalizeWithPdfLib } = await import('./finalize-pdf-lib.js');
    const finalized = await finalizeWithPdfLib(pdf, written);
    ways.pdfLib += 1;
    return finalized;
  } catch (cause) {
    // Both reasons: why the file is not in Chromium's shape, and why pdf-lib could not read it.
    throw new FinalizeError(msg.browser.notChromiumShape(meta.title, refusal.message), { cause });
  }
}
