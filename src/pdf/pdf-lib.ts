/**
 * pdf-lib, from its single-file ES module build. The package's entry is its CommonJS build, about
 * 250 files that Node's ES module loader reads and scans for their exports: 260 ms of a cold build
 * against 80 ms for this one file holding the same classes. Import pdf-lib's values from here
 * only, so that every `instanceof` compares classes of the same copy.
 */

export type { PDFObject } from 'pdf-lib';
export {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
} from 'pdf-lib/dist/pdf-lib.esm.min.js';
