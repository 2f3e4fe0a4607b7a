/** Reading a printed PDF's outline and links with pdf-lib. */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

export async function outlineTitles(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      titles.push(node.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText());
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

export interface Links {
  uris: string[];
  /** Links to a place in the document (from a figure to its source note). */
  internal: number;
}

export async function links(pdf: Uint8Array): Promise<Links> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const out: Links = { uris: [], internal: 0 };
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots?.lookup(i, PDFDict);
      if (annot?.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString() !== '/Link') continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
      if (uri) out.uris.push(uri.decodeText());
      else if (annot.has(PDFName.of('Dest')) || action?.has(PDFName.of('D'))) out.internal++;
    }
  }
  return out;
}
