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
import { FinalizeError, UnsupportedPdfError } from '../errors.js';
import { msg } from '../messages/index.js';
import { finalization, type PdfMetadata } from './document-info.js';
import { rewriteChromiumPdf } from './rewrite.js';

export type { DocumentInfo, Finalization, PdfMetadata } from './document-info.js';

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
