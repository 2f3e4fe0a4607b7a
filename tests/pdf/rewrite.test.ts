/**
 * rewrite.ts on small files in Chromium's shape, written here object by object: what it changes,
 * and every shape it refuses (finalizePdf then hands the file to pdf-lib). Chromium's real files
 * are rewritten and compared with pdf-lib's result in print.test.ts.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FinalizeError, UnsupportedPdfError as UnsupportedPdf } from '../../src/errors.js';
import { finalizePdf, finalizeStats, type PdfMetadata } from '../../src/pdf/finalize.js';
import { rewriteChromiumPdf } from '../../src/pdf/rewrite.js';
import {
  pdfinfo,
  pdftotext,
  qpdfCheck,
  qpdfObjects,
  qpdfStream,
  qpdfXref,
} from '../helpers/poppler.js';

interface SkiaOptions {
  /** Extra trailer entries. */
  trailer?: string;
  /** Object number → generation, for both its header and its table entry. */
  generations?: Readonly<Record<number, number>>;
}

/** A PDF as Skia writes one: objects 1..n in order, a classic table, a trailer. */
function skiaPdf(objects: readonly string[], options: SkiaOptions = {}): Uint8Array {
  const generation = (n: number) => options.generations?.[n] ?? 0;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} ${generation(i + 1)} obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  offsets.forEach((offset, i) => {
    out += `${String(offset).padStart(10, '0')} ${String(generation(i + 1)).padStart(5, '0')} n \n`;
  });
  out += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R${options.trailer ?? ''}>>\n`;
  out += `startxref\n${xref}\n%%EOF`;
  return Buffer.from(out, 'latin1');
}

/**
 * A tagged one-page document. Its three table cells (objects 9, 10, 11, in this order) bear the
 * IDs `names`; the third cell's /Headers points at the first. The ID tree lists them by name.
 */
function tagged(names: readonly [string, string, string], catalogLang = '/Lang (en)'): string[] {
  const [a, b, c] = names;
  const content = 'BT /F1 24 Tf 72 700 Td (Capex 650) Tj ET';
  const sorted = [
    [a, 9],
    [b, 10],
    [c, 11],
  ].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1));
  return [
    "<</Producer (Skia/PDF m156)\n/CreationDate (D:20261201123145+00'00')>>",
    `<</Type /Catalog\n/Pages 3 0 R\n/StructTreeRoot 7 0 R\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>\n${catalogLang}>>`,
    '<</Type /Pages\n/Count 1\n/Kids [4 0 R]>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595 842]\n/Resources <</Font <</F1 5 0 R>>>>\n/Contents 6 0 R>>',
    '<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica>>',
    `<</Length ${content.length}>>\nstream\n${content}\nendstream`,
    '<</Type /StructTreeRoot\n/K 8 0 R\n/IDTree 12 0 R>>',
    '<</Type /StructElem\n/S /Table\n/P 7 0 R\n/K [9 0 R 10 0 R 11 0 R]>>',
    `<</Type /StructElem\n/S /TH\n/P 8 0 R\n/ID (${a})>>`,
    `<</Type /StructElem\n/S /TH\n/P 8 0 R\n/ID (${b})>>`,
    `<</Type /StructElem\n/S /TD\n/P 8 0 R\n/A [<</O /Table\n/Headers [(${a})]>>]\n/ID (${c})>>`,
    '<</Kids [13 0 R]>>',
    `<</Limits [(${sorted[0]?.[0]}) (${sorted[2]?.[0]})]\n/Names [${sorted.map(([name, bearer]) => `(${name}) ${bearer} 0 R`).join(' ')}]>>`,
  ];
}

const REWRITE = {
  info: {
    Title: 'AI 資本支出 · 2026-W06',
    Author: 'capex-report',
    CreationDate: new Date('2026-02-07T01:00:00Z'),
  },
  language: 'zh-Hant-TW',
  id: '0123456789ABCDEF0123456789ABCDEF',
};

const IDS = ['node00001708', 'node00001709', 'node00001713'] as const;
const SOURCE = skiaPdf(tagged(IDS));
const latin1 = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');

/**
 * An ID tree of one node: node00000001, node00000002... borne by `bearers`, the elements' numbers
 * in the source file (qpdf renumbers the objects; its comments name the source numbers).
 */
function idTree(objects: string, bearers: readonly number[]): RegExp {
  const names = bearers.map((bearer, i) => {
    const now = new RegExp(`%% Original object ID: ${bearer} 0\\n(\\d+) 0 obj`).exec(objects);
    expect(now, `object ${bearer}`).not.toBeNull();
    return `\\(node0000000${i + 1}\\)\\s+${now?.[1]} 0 R`;
  });
  return new RegExp(`/Names \\[\\s*${names.join('\\s+')}\\s*\\]`);
}

/** The entries of the file's cross-reference stream, decoded: [type, field 2, field 3]. */
function xrefStream(pdf: Uint8Array): [number, number, number][] {
  const text = latin1(pdf);
  const dict = /\/Type \/XRef\/Size (\d+)\/W \[1 (\d) 2\].*?\/Length (\d+)>>\nstream\n/.exec(text);
  expect(dict, 'xref stream dictionary').not.toBeNull();
  const [, size, width, length] = (dict as RegExpExecArray).map(Number) as number[];
  const start = (dict as RegExpExecArray).index + (dict as RegExpExecArray)[0].length;
  const rows = inflateSync(Buffer.from(pdf).subarray(start, start + (length as number)));
  const w = width as number;
  return Array.from({ length: size as number }, (_, n) => {
    const row = rows.subarray(n * (3 + w), (n + 1) * (3 + w));
    return [row[0] as number, row.subarray(1, 1 + w).readUIntBE(0, w), row.readUInt16BE(1 + w)];
  });
}

/** One object of qpdfObjects' output, by its number in the source file. */
function original(objects: string, number: number): string {
  const start = objects.indexOf(`%% Original object ID: ${number} 0\n`);
  expect(start, `object ${number}`).toBeGreaterThanOrEqual(0);
  return objects.slice(start, objects.indexOf('endobj', start));
}

describe('rewriting a PDF in Chromium’s shape', () => {
  it('writes a valid PDF 1.7 with object streams and a cross-reference stream', () => {
    const out = rewriteChromiumPdf(SOURCE, REWRITE);
    expect(qpdfCheck(out)).toContain('No syntax or stream encoding errors found');
    const text = latin1(out);
    expect(text).toMatch(/^%PDF-1\.7\n/);
    expect(text).toContain('/Type /ObjStm');
    expect(text).toContain('/Type /XRef');
    expect(text).not.toMatch(/\nxref\n|\ntrailer\n/);
    expect(pdftotext(out)).toContain('Capex 650');
  });

  it('replaces the document information, the language and the trailer ID', () => {
    const out = rewriteChromiumPdf(SOURCE, REWRITE);
    const info = pdfinfo(out);
    expect(info).toMatchObject({
      Title: 'AI 資本支出 · 2026-W06',
      Author: 'capex-report',
      CreationDate: '2026-02-07T01:00:00Z',
    });
    expect(info).not.toHaveProperty('Producer'); // Skia's own entries are gone
    expect(latin1(out)).toContain(`/ID [<${REWRITE.id}> <${REWRITE.id}>]`);
    const objects = qpdfObjects(out);
    expect(objects).toMatch(/\/Lang \(zh-Hant-TW\)/);
    expect(objects).not.toContain('/Lang (en)');
  });

  it('numbers the structure element IDs by the order of their elements, wherever they occur', () => {
    const objects = qpdfObjects(rewriteChromiumPdf(SOURCE, REWRITE));
    expect(objects).not.toMatch(/node0000170|node00001713/);
    expect(original(objects, 9)).toContain('/ID (node00000001)');
    expect(original(objects, 10)).toContain('/ID (node00000002)');
    expect(original(objects, 11)).toContain('/ID (node00000003)');
    expect(original(objects, 11)).toMatch(/\/Headers \[\s*\(node00000001\)\s*\]/);
    // One node, the names in the order of their elements; the former leaf is gone.
    expect(original(objects, 12)).toMatch(idTree(objects, [9, 10, 11]));
    expect(objects).not.toContain('Original object ID: 13 0');
    expect(qpdfCheck(rewriteChromiumPdf(SOURCE, REWRITE))).toContain('No syntax');
  });

  it('keeps the ID tree sorted when Chromium’s names are not in the order of their elements', () => {
    const shuffled = skiaPdf(tagged(['node00000009', 'node00000002', 'node00000005']));
    const objects = qpdfObjects(rewriteChromiumPdf(shuffled, REWRITE));
    expect(original(objects, 9)).toContain('/ID (node00000001)');
    expect(original(objects, 10)).toContain('/ID (node00000002)');
    expect(original(objects, 11)).toContain('/ID (node00000003)');
    expect(original(objects, 11)).toMatch(/\/Headers \[\s*\(node00000001\)\s*\]/);
    expect(original(objects, 12)).toMatch(idTree(objects, [9, 10, 11]));
  });

  it('gives the same bytes for the same document with other Chromium node numbers', () => {
    const other = skiaPdf(tagged(['node00000038', 'node00000039', 'node00000040']));
    const a = rewriteChromiumPdf(SOURCE, REWRITE);
    expect(Buffer.from(rewriteChromiumPdf(other, REWRITE)).equals(Buffer.from(a))).toBe(true);
    const otherId = rewriteChromiumPdf(other, { ...REWRITE, id: 'F'.repeat(32) });
    expect(Buffer.from(otherId).equals(Buffer.from(a))).toBe(false);
  });

  it('leaves a string that equals an ID but is not one (an /Alt) as it was', () => {
    const alt = tagged(IDS).map((o) =>
      o.replace('/ID (node00001708)', '/Alt (node00001709)\n/ID (node00001708)'),
    );
    const objects = qpdfObjects(rewriteChromiumPdf(skiaPdf(alt), REWRITE));
    expect(original(objects, 9)).toContain('/Alt (node00001709)');
    expect(original(objects, 9)).toContain('/ID (node00000001)');
  });

  it('flattens an ID tree of several leaves and frees their numbers', () => {
    const objects = tagged(IDS);
    objects[11] = '<</Kids [13 0 R 14 0 R]>>';
    objects[12] = `<</Limits [(${IDS[0]}) (${IDS[1]})]\n/Names [(${IDS[0]}) 9 0 R (${IDS[1]}) 10 0 R]>>`;
    objects[13] = `<</Limits [(${IDS[2]}) (${IDS[2]})]\n/Names [(${IDS[2]}) 11 0 R]>>`;
    const out = rewriteChromiumPdf(skiaPdf(objects), REWRITE);
    expect(qpdfCheck(out)).toContain('No syntax or stream encoding errors found');
    const unpacked = qpdfObjects(out);
    expect(original(unpacked, 12)).toMatch(idTree(unpacked, [9, 10, 11]));
    expect(unpacked).not.toMatch(/Original object ID: 1[34] 0/);
    expect(qpdfXref(out).filter((line) => /^1[34]\//.test(line))).toEqual([]);
    // Free entries, linked from object 0 (qpdf does not list them): [type, field 2, field 3].
    const entries = xrefStream(out);
    expect(entries[0]).toEqual([0, 13, 65535]);
    expect(entries[13]).toEqual([0, 14, 1]);
    expect(entries[14]).toEqual([0, 0, 1]);
    expect(entries.filter(([type]) => type === 0)).toHaveLength(3);
  });

  it('copies stream data byte for byte, whatever it holds', () => {
    const objects = tagged(IDS);
    const content = 'BT /F1 24 Tf 72 700 Td (Capex 650) Tj ET\r\n%endstream\r\n%endobj\r\n';
    objects[5] = `<</Length ${content.length}>>\nstream\n${content}\nendstream`;
    const out = rewriteChromiumPdf(skiaPdf(objects), REWRITE);
    expect(qpdfStream(out, 6).toString('latin1')).toBe(content);
    expect(pdftotext(out)).toContain('Capex 650');
  });

  it('packs any number of objects, a hundred to an object stream', () => {
    const many = [...tagged(IDS), ...Array.from({ length: 150 }, (_, i) => `<</Filler ${i}>>`)];
    const out = rewriteChromiumPdf(skiaPdf(many), REWRITE);
    expect(qpdfCheck(out)).toContain('No syntax or stream encoding errors found');
    // 162 non-stream objects, less the ID tree's former leaf.
    expect(latin1(out).match(/\/Type \/ObjStm/g)).toHaveLength(2);
    expect(qpdfXref(out).filter((line) => / compressed;/.test(line))).toHaveLength(161);
  });

  it('adds a /Lang to a catalog that has none', () => {
    const out = rewriteChromiumPdf(skiaPdf(tagged(IDS, '')), REWRITE);
    expect(qpdfObjects(out)).toMatch(/\/Lang \(zh-Hant-TW\)/);
  });

  const bad: [string, Uint8Array, RegExp][] = [
    [
      'an ID borne twice',
      skiaPdf(tagged(['node00000001', 'node00000001', 'node00000003'])),
      /twice in the ID tree/,
    ],
    [
      'ID names that are not Chromium node ids',
      skiaPdf(tagged(IDS).map((o) => o.replace('(node00001709) 10', '<6E6F6465> 10'))),
      /not Chromium node ids/,
    ],
    ['a generation other than 0', skiaPdf(tagged(IDS), { generations: { 9: 1 } }), /generation/],
    ['an encrypted file', skiaPdf(tagged(IDS), { trailer: '\n/Encrypt 5 0 R' }), /encrypted/],
    ['an incremental update', skiaPdf(tagged(IDS), { trailer: '\n/Prev 9' }), /incremental/],
    ['a file cut short', SOURCE.subarray(0, SOURCE.length - 200), /startxref/],
    [
      'a /Headers name the ID tree does not hold',
      skiaPdf(
        tagged(IDS).map((o) => o.replace('/Headers [(node00001708)]', '/Headers [(node00000002)]')),
      ),
      /not in the ID tree/,
    ],
    [
      'an /ID that is not a literal node id',
      skiaPdf(tagged(IDS).map((o) => o.replace('/ID (node00001709)', '/ID <6E6F6465>'))),
      /an \/ID of another kind/,
    ],
    [
      'a direct ID tree',
      skiaPdf(tagged(IDS).map((o) => o.replace('/IDTree 12 0 R', '/IDTree <</Names []>>'))),
      /direct ID tree/,
    ],
    [
      'an object the table does not list',
      skiaPdf(
        tagged(IDS).map((o, i) => (i === 4 ? `${o}\nendobj\n14 0 obj\n<</Orphan true>>` : o)),
      ),
      /more than one object/,
    ],
    [
      'a catalog without /DisplayDocTitle',
      skiaPdf(tagged(IDS).map((o) => o.replace('/DisplayDocTitle true', ''))),
      /DisplayDocTitle/,
    ],
  ];
  it.each(bad)('refuses %s (UnsupportedPdf)', (_, pdf, why) => {
    expect(() => rewriteChromiumPdf(pdf, REWRITE)).toThrow(UnsupportedPdf);
    expect(() => rewriteChromiumPdf(pdf, REWRITE)).toThrow(why);
  });
});

describe('finalizePdf', () => {
  const meta: PdfMetadata = {
    title: 'AI capex vs returns',
    author: 'capex-report research',
    subject: 'Weekly',
    keywords: ['AI', 'capex'],
    language: 'en',
    version: '9.9.9',
    issued: new Date('2026-02-07T01:00:00Z'),
    inputsHash: 'ab',
  };
  /** What pdfinfo says, but for the file's size and version. */
  const info = (pdf: Uint8Array) => {
    const { 'File size': _size, 'PDF version': _version, ...rest } = pdfinfo(pdf);
    return rest;
  };

  it('rewrites a file in Chromium’s shape; pdf-lib finalizes any other to the same effect', async () => {
    const before = finalizeStats();
    const rewritten = await finalizePdf(SOURCE, meta);
    expect(finalizeStats()).toEqual({ ...before, rewritten: before.rewritten + 1 });
    // Its own output has object streams and a cross-reference stream: not Chromium's shape.
    const notChromium = () => rewriteChromiumPdf(rewritten, { ...REWRITE, language: 'en' });
    expect(notChromium).toThrow(UnsupportedPdf);
    const again = await finalizePdf(rewritten, meta);
    expect(finalizeStats()).toEqual({
      rewritten: before.rewritten + 1,
      pdfLib: before.pdfLib + 1,
    });
    expect(qpdfCheck(again)).toContain('No syntax or stream encoding errors found');
    expect(info(again)).toEqual(info(rewritten));
    expect(info(again)).toMatchObject({
      Title: meta.title,
      Keywords: 'AI capex',
      Creator: 'capex-report 9.9.9',
      Producer: 'capex-report 9.9.9',
      ModDate: '2026-02-07T01:00:00Z',
    });
    expect(qpdfObjects(again)).toMatch(/\/Headers \[\s*\(node00000001\)\s*\]/);
  });

  it('gives a /Headers name outside the ID tree a new name of its own (through pdf-lib)', async () => {
    const before = finalizeStats();
    const dangling = skiaPdf(
      tagged(IDS).map((o) => o.replace('/Headers [(node00001708)]', '/Headers [(node00000002)]')),
    );
    const objects = qpdfObjects(await finalizePdf(dangling, meta));
    expect(finalizeStats().pdfLib).toBe(before.pdfLib + 1);
    // Not node00000002, which is now the second header cell's: it still points at no element.
    expect(original(objects, 11)).toMatch(/\/Headers \[\s*\(node00000004\)\s*\]/);
    expect(original(objects, 10)).toContain('/ID (node00000002)');
  });

  it('keeps a dangling /Headers name apart from every element even when the tree repeats a name', async () => {
    const before = finalizeStats();
    // Two elements under one name (the fast path refuses that), and a header pointing nowhere.
    const repeated = skiaPdf(
      tagged(['node00000005', 'node00000005', 'node00000007']).map((o) =>
        o.replace('/Headers [(node00000005)]', '/Headers [(node00000099)]'),
      ),
    );
    const objects = qpdfObjects(await finalizePdf(repeated, meta));
    expect(finalizeStats().pdfLib).toBe(before.pdfLib + 1);
    const cell = original(objects, 11);
    const id = /\/ID \((node\d{8})\)/.exec(cell)?.[1];
    const header = /\/Headers \[\s*\((node\d{8})\)\s*\]/.exec(cell)?.[1];
    expect(id).toBeDefined();
    expect(header).toBeDefined();
    // Still pointing at no element: not the cell itself, nor either of the repeated ones.
    const ids = [9, 10, 11].map((n) => /\/ID \((node\d{8})\)/.exec(original(objects, n))?.[1]);
    expect(ids).not.toContain(header);
  });

  it('fails with FinalizeError on a file neither way can read', async () => {
    await expect(finalizePdf(Buffer.from('%PDF-1.4\nnot a pdf'), meta)).rejects.toThrow(
      'Could not finalize the PDF "AI capex vs returns"',
    );
  });

  it('says why each way failed: the shape it expected in the message, pdf-lib as the cause', async () => {
    const error = await finalizePdf(Buffer.from('%PDF-1.4\nnot a pdf'), meta).catch((e) => e);
    expect(error).toBeInstanceOf(FinalizeError);
    expect(error.message).toBe(
      'Could not finalize the PDF "AI capex vs returns" (not in Chromium\'s shape: no startxref at the end)',
    );
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause).not.toBeInstanceOf(UnsupportedPdf);
  });
});
