/**
 * The printed PDF's document information, made reproducible: the same inputs give byte-identical
 * files. Chromium stamps the print time and a random /ID; both are replaced here by the data's
 * issue time and an ID derived from the inputs, and the structure element names that depend on
 * the browser's history are renumbered. The tagged structure and the outline Chromium wrote are
 * otherwise carried over untouched.
 */
import { createHash } from 'node:crypto';
import { CapexReportError } from '../errors.js';
import { ParseSpeeds, PDFDocument, PDFHexString } from './pdf-lib.js';
import { renumberStructureIds } from './structure-ids.js';

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

export class FinalizeError extends CapexReportError {}

/** /ID: 16 bytes from the inputs and the document's own identity (two languages, two IDs). */
export function documentId(meta: PdfMetadata): string {
  return createHash('sha256')
    .update([meta.inputsHash, meta.language, meta.title].join('\u0000'))
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
}

export async function finalizePdf(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  if (!/^[0-9a-f]+$/i.test(meta.inputsHash)) {
    throw new FinalizeError(`Could not finalize the PDF "${meta.title}" (inputsHash is not hex)`);
  }
  try {
    // updateMetadata: false, or pdf-lib stamps its own Producer and the current time.
    // parseSpeed and objectsPerTick: pdf-lib would otherwise wait for a timer every 50-100
    // objects (~30 times for the Chinese PDF), which holds up the build's last step.
    const doc = await PDFDocument.load(pdf, {
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
    renumberStructureIds(doc);
    const generator = `capex-report ${meta.version}`;
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setAuthor(meta.author);
    doc.setSubject(meta.subject);
    doc.setKeywords([...meta.keywords]);
    doc.setLanguage(meta.language);
    doc.setCreator(generator);
    doc.setProducer(generator);
    doc.setCreationDate(meta.issued);
    doc.setModificationDate(meta.issued);
    // First and second entries are equal: this is the original version of the file.
    const id = PDFHexString.of(documentId(meta));
    doc.context.trailerInfo.ID = doc.context.obj([id, id]);
    // Object streams: 13-20% smaller, and pdf-lib writes a PDF 1.7 header, so they are legal.
    return await doc.save({
      useObjectStreams: true,
      addDefaultPage: false,
      objectsPerTick: Number.POSITIVE_INFINITY,
    });
  } catch (cause) {
    throw new FinalizeError(`Could not finalize the PDF "${meta.title}"`, { cause });
  }
}
