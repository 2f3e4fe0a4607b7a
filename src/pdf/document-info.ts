/**
 * What finalizing writes into a PDF, whichever way it goes (rewrite.ts or pdf-lib): the document
 * information, /Lang and the /ID derived from the inputs.
 */
import { createHash } from 'node:crypto';
import type { Rewrite } from './rewrite.js';

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
