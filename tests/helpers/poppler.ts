/**
 * poppler-utils (pdftotext, pdffonts, pdfinfo) on PDF bytes: the tools a reader's viewer resembles;
 * and qpdf, which checks a file's structure strictly.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function onFile<T>(pdf: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'capex-report-test-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

/** The text of the PDF (or of one page), as a copy-paste or a screen reader would get it. */
export function pdftotext(pdf: Uint8Array, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return onFile(pdf, (file) => run('pdftotext', [...pages, file, '-']));
}

/** The text in the order it was drawn (`pdftotext -raw`): a column's lines stay together. */
export function pdftotextRaw(pdf: Uint8Array, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return onFile(pdf, (file) => run('pdftotext', ['-raw', ...pages, file, '-']));
}

/** The text as laid out on the page (`pdftotext -layout`): one printed line per text line. */
export function pdftotextLayout(pdf: Uint8Array, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return onFile(pdf, (file) => run('pdftotext', ['-layout', ...pages, file, '-']));
}

/** Each page rendered in grey at `dpi` (`pdftoppm -gray`, binary PGM files). */
export function pdftoppmGray(pdf: Uint8Array, dpi: number): Buffer[] {
  return onFile(pdf, (file) => {
    const prefix = path.join(path.dirname(file), 'page');
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', file, prefix]);
    return readdirSync(path.dirname(file))
      .filter((name) => name.startsWith('page') && name.endsWith('.pgm'))
      .sort((a, b) => pageNo(a) - pageNo(b))
      .map((name) => readFileSync(path.join(path.dirname(file), name)));
  });
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points (`pdftotext -bbox`), page by page in reading order. */
export function pdfWords(pdf: Uint8Array): PdfWord[] {
  const out = onFile(pdf, (file) => run('pdftotext', ['-bbox', file, '-']));
  const words: PdfWord[] = [];
  let page = 0;
  for (const m of out.matchAll(
    /<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[0] === '<page') {
      page += 1;
      continue;
    }
    const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    words.push({ page, text: unescapeXml(m[5] ?? ''), xMin, yMin, xMax, yMax });
  }
  return words;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const pageNo = (name: string) => Number(/-(\d+)\.pgm$/.exec(name)?.[1] ?? 0);

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdffonts(pdf: Uint8Array): PdfFont[] {
  const out = onFile(pdf, (file) => run('pdffonts', [file]));
  // Fixed columns: name (37), type (18), encoding (17), then emb / sub / uni.
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => ({
      name: line.slice(0, 37).trim(),
      type: line.slice(37, 55).trim(),
      embedded: line.slice(72, 76).trim() === 'yes',
    }));
}

/** `pdfinfo -isodates` as a map of field → value. */
export function pdfinfo(pdf: Uint8Array): Record<string, string> {
  const out = onFile(pdf, (file) => run('pdfinfo', ['-isodates', file]));
  const fields: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) fields[match[1]] = match[2];
  }
  return fields;
}

/** The logical structure tree (tags) as pdfinfo prints it. */
export function pdfStructure(pdf: Uint8Array): string {
  return onFile(pdf, (file) => run('pdfinfo', ['-struct', file]));
}

/**
 * `qpdf --check`: the file's syntax, cross-reference (tables or streams), object streams and
 * stream encodings, strictly (poppler repairs a broken file silently). Throws on any error or
 * warning (qpdf exits with 2 or 3); returns qpdf's report.
 */
export function qpdfCheck(pdf: Uint8Array): string {
  return onFile(pdf, (file) => run('qpdf', ['--check', file]));
}

/** The file with its object streams unpacked and every object written out (qpdf's QDF form). */
export function qpdfObjects(pdf: Uint8Array): string {
  return onFile(pdf, (file) =>
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-']).toString('latin1'),
  );
}

/** `qpdf --show-xref`: one line per object number, e.g. `13/0: free; next = 14, generation = 1`. */
export function qpdfXref(pdf: Uint8Array): string[] {
  return onFile(pdf, (file) => run('qpdf', ['--show-xref', file]))
    .split('\n')
    .filter((line) => line !== '');
}

/** One object's stream data, decoded (`qpdf --show-object=N --filtered-stream-data`). */
export function qpdfStream(pdf: Uint8Array, object: number): Buffer {
  return onFile(pdf, (file) =>
    execFileSync('qpdf', [`--show-object=${object}`, '--filtered-stream-data', file]),
  );
}

export function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url), 'utf8');
}
