/**
 * Finalizing any PDF with pdf-lib: a full parse and write. finalizePdf uses it only for files
 * that are not in the shape of Chromium's own (see rewrite.ts), which it rewrites much faster.
 */
import type { Finalization } from './document-info.js';
import { ParseSpeeds, PDFDocument, PDFHexString } from './pdf-lib.js';
import { renumberStructureIds } from './structure-ids.js';

export async function finalizeWithPdfLib(
  pdf: Uint8Array,
  { info, language, id }: Finalization,
): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps its own Producer and the current time.
  // parseSpeed and objectsPerTick: pdf-lib would otherwise wait for a timer every 50-100
  // objects (~30 times for the Chinese PDF), which holds up the build's last step.
  const doc = await PDFDocument.load(pdf, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  renumberStructureIds(doc);
  doc.setTitle(info.Title, { showInWindowTitleBar: true });
  doc.setAuthor(info.Author);
  doc.setSubject(info.Subject);
  doc.setKeywords([info.Keywords]);
  doc.setLanguage(language);
  doc.setCreator(info.Creator);
  doc.setProducer(info.Producer);
  doc.setCreationDate(info.CreationDate);
  doc.setModificationDate(info.ModDate);
  // First and second entries are equal: this is the original version of the file.
  const hexId = PDFHexString.of(id);
  doc.context.trailerInfo.ID = doc.context.obj([hexId, hexId]);
  // Object streams: 13-20% smaller, and pdf-lib writes a PDF 1.7 header, so they are legal.
  return doc.save({
    useObjectStreams: true,
    addDefaultPage: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
}
