/**
 * Finalizing without a PDF library, for the one shape Chromium's PDF writer (Skia) gives: a
 * classic cross-reference table, every object at generation 0, no object streams, no encryption,
 * no incremental update. The file is read through its table, a few objects are changed (document
 * information, /Lang, the structure element IDs and their tree) and it is written again with its
 * non-stream objects packed into compressed object streams and a cross-reference stream. Stream
 * objects (fonts, page contents) are copied byte for byte. A full parse and write with pdf-lib
 * cost a cold build about 0.25 s per PDF; this takes about 20 ms. The object streams are
 * compressed with Node's zlib at level 6, as pdf-lib's pako does: with the same Node and Chromium,
 * the same input gives the same bytes (another zlib build may compress differently, as another
 * Chromium may for its own streams).
 *
 * Anything outside that shape throws UnsupportedPdfError, and finalizePdf hands the file to pdf-lib
 * instead: a new Chromium that writes otherwise still gets a correct PDF, only more slowly.
 */
import { deflateSync } from 'node:zlib';
import { UnsupportedPdfError } from '../errors.js';

export interface Rewrite {
  /** The document information dictionary's entries, in order: text strings and dates. */
  info: Readonly<Record<string, string | Date>>;
  /** BCP 47 tag for the catalog's /Lang. */
  language: string;
  /** 32 hex digits, the trailer's /ID (both entries). */
  id: string;
}

/**
 * The n-th structure element ID in file order (1-based), as Chromium spells its own:
 * `node00000001`. Both ways of finalizing rename to these, so that they agree byte for byte.
 */
export function nodeName(n: number): string {
  return `node${String(n).padStart(8, '0')}`;
}

/** Non-stream objects per object stream (pdf-lib packs 50; more compress better). */
const OBJECTS_PER_STREAM = 100;

interface Indirect {
  number: number;
  /** Non-stream objects: the object's text (latin1, one char per byte). */
  text?: string;
  /** Stream objects: dictionary, `stream`, data and `endstream`, as in the file. */
  bytes?: Uint8Array;
}

const unsupported = (why: string): never => {
  throw new UnsupportedPdfError(why);
};

const ref = (text: string, key: string): number | undefined => {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R\\b`).exec(text);
  return match ? Number(match[1]) : undefined;
};

/** The objects of the file, by number, read through its cross-reference table. */
function readObjects(pdf: Uint8Array, text: string): { objects: Indirect[]; trailer: string } {
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!tail) return unsupported('no startxref at the end');
  const xrefAt = Number(tail[1]);
  const head = /xref\r?\n0 (\d+)\r?\n/y;
  head.lastIndex = xrefAt;
  const table = head.exec(text);
  if (!table) return unsupported('no classic cross-reference table starting at object 0');
  const size = Number(table[1]);
  const entry = /(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)/y;
  entry.lastIndex = head.lastIndex;
  const starts: [offset: number, number: number][] = [];
  for (let n = 0; n < size; n++) {
    const e = entry.exec(text);
    if (!e) return unsupported(`cross-reference entry ${n} is not 20 bytes`);
    if (e[3] === 'n') {
      if (e[2] !== '00000') unsupported(`object ${n} has generation ${e[2]}`);
      starts.push([Number(e[1]), n]);
    }
  }
  const trailer = /\s*trailer\s*<<((?:[^<>]|<[0-9A-Fa-f\s]*>)*)>>\s*startxref/y;
  trailer.lastIndex = entry.lastIndex;
  const dict = trailer.exec(text)?.[1];
  if (dict === undefined) return unsupported('no simple trailer after the table');
  if (/\/Encrypt\b/.test(dict)) unsupported('encrypted file');
  if (/\/(?:Prev|XRefStm)\b/.test(dict)) unsupported('incremental update or hybrid file');
  starts.sort((a, b) => a[0] - b[0]);
  const objects: Indirect[] = [];
  const header = /(\d+)\s+0\s+obj\b\s*/y;
  for (let i = 0; i < starts.length; i++) {
    const [offset, number] = starts[i] as [number, number];
    const end = starts[i + 1]?.[0] ?? xrefAt;
    header.lastIndex = offset;
    const found = header.exec(text);
    if (!found || Number(found[1]) !== number) unsupported(`object ${number} is not at ${offset}`);
    const close = text.lastIndexOf('endobj', end - 6);
    if (close < header.lastIndex) return unsupported(`object ${number} has no endobj`);
    // Nothing but white space may follow, up to the next object the table lists.
    if (text.slice(close + 6, end).trim() !== '') unsupported(`bytes after object ${number}`);
    const body = text.slice(header.lastIndex, close).trimEnd();
    if (/\bendstream$/.test(body)) {
      objects[number] = {
        number,
        bytes: pdf.subarray(header.lastIndex, header.lastIndex + body.length),
      };
    } else if (/\bendobj\b|\b\d+\s+\d+\s+obj\b|>>\s*stream\r?\n/.test(body)) {
      // Another object the table does not list, or a stream cut short: not Chromium's file.
      unsupported(`object ${number} holds more than one object`);
    } else {
      objects[number] = { number, text: body };
    }
  }
  return { objects, trailer: dict };
}

const textOf = (objects: Indirect[], number: number | undefined, what: string): string =>
  (number === undefined ? undefined : objects[number]?.text) ??
  unsupported(`no ${what} dictionary`);

/** A structure element's /ID, or a table cell's /Headers (the IDs of its header cells). */
const ID_OR_HEADERS = /\/ID\s*\((node\d{8})\)|\/Headers\s*\[([^\]]*)\]/g;
const NODE_ID = /\((node\d{8})\)/g;

/**
 * New names for the structure element IDs (see structure-ids.ts for why): by the order of the
 * elements that bear them, under /ID and in /Headers only, as pdf-lib's path renames them. The
 * ID tree becomes one node listing them in that order, which is also the order of their new
 * names; its former inner nodes are dropped (as pdf-lib's path does). An ID that is not a
 * literal Chromium node id, or one the tree does not hold, is pdf-lib's path's to handle.
 */
function renameIds(objects: Indirect[], catalog: string): void {
  const root = ref(catalog, 'StructTreeRoot');
  const rootText = root === undefined ? undefined : textOf(objects, root, 'structure tree root');
  const tree = rootText === undefined ? undefined : ref(rootText, 'IDTree');
  if (/\/StructTreeRoot\b/.test(catalog) && root === undefined) unsupported('a direct tree root');
  if (rootText !== undefined && /\/IDTree\b/.test(rootText) && tree === undefined) {
    unsupported('a direct ID tree');
  }
  const entries: [name: string, bearer: number][] = [];
  const inner: number[] = [];
  const visit = (number: number, depth: number): void => {
    if (depth > 32) unsupported('ID tree too deep');
    const node = textOf(objects, number, 'ID tree node');
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1];
    for (const kid of kids?.matchAll(/(\d+)\s+0\s+R/g) ?? []) {
      inner.push(Number(kid[1]));
      visit(Number(kid[1]), depth + 1);
    }
    const names = /\/Names\s*\[([^\]]*)\]/.exec(node)?.[1];
    if (names === undefined) return;
    const pairs = /\s*\((node\d{8})\)\s*(\d+)\s+0\s+R\s*/y;
    for (let pair = pairs.exec(names); pair; pair = pairs.exec(names)) {
      entries.push([pair[1] as string, Number(pair[2])]);
      if (pairs.lastIndex === names.length) return;
    }
    if (names.trim() !== '') unsupported('ID tree names that are not Chromium node ids');
  };
  if (tree !== undefined) visit(tree, 0);
  entries.sort((a, b) => a[1] - b[1]);
  const renamed = new Map<string, string>();
  const list = entries.map(([name, bearer], i) => {
    const next = nodeName(i + 1);
    if (renamed.has(name)) unsupported(`ID ${name} twice in the ID tree`);
    renamed.set(name, next);
    return `(${next}) ${bearer} 0 R`;
  });
  const newName = (name: string): string =>
    renamed.get(name) ?? unsupported(`ID ${name} is not in the ID tree`);
  for (const number of inner) delete objects[number];
  for (const object of objects) {
    if (object?.text === undefined || object.number === tree) continue;
    // Every /ID a structure element bears must be one this renames (not hex, not another name).
    const ids = object.text.match(/\/ID\s*[(<]/g)?.length ?? 0;
    let renamedIds = 0;
    object.text = object.text.replace(ID_OR_HEADERS, (_, id?: string, headers?: string) => {
      if (id !== undefined) {
        renamedIds += 1;
        return `/ID (${newName(id)})`;
      }
      const names = (headers as string).replace(
        NODE_ID,
        (__, name: string) => `(${newName(name)})`,
      );
      if (names.replace(NODE_ID, '').trim() !== '') unsupported('/Headers of another kind');
      return `/Headers [${names}]`;
    });
    if (renamedIds !== ids) unsupported(`an /ID of another kind in object ${object.number}`);
  }
  // Last, so that its new names are not renamed again.
  if (tree !== undefined) (objects[tree] as Indirect).text = `<</Names [${list.join(' ')}]>>`;
}

/** The catalog with our /Lang; Chromium's own /DisplayDocTitle must already be there. */
function withLanguage(catalog: string, language: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(language)) unsupported(`language tag ${language}`);
  if (!/\/DisplayDocTitle\s+true\b/.test(catalog)) unsupported('no /DisplayDocTitle true');
  const lang = /\/Lang\s*\((?:[^()\\]|\\.)*\)/;
  if (lang.test(catalog)) return catalog.replace(lang, `/Lang (${language})`);
  if (/\/Lang\b/.test(catalog) || !catalog.endsWith('>>')) unsupported('a /Lang of another kind');
  return `${catalog.slice(0, -2)}\n/Lang (${language})>>`;
}

const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');

/** A text string as pdf-lib writes one: UTF-16BE with its byte order mark, in hex. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) {
    hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  }
  return `<${hex}>`;
}

/** A date as pdf-lib writes one: D:YYYYMMDDHHmmSSZ, in UTC. */
function dateString(date: Date): string {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) throw new Error(`date ${date.toString()}`);
  const digits = date.toISOString().slice(0, 19).replace(/\D/g, '');
  return `(D:${digits}Z)`;
}

function infoDictionary(info: Rewrite['info']): string {
  const entries = Object.entries(info).map(([key, value]) => {
    if (!/^[A-Za-z]+$/.test(key)) throw new Error(`information key ${key}`);
    return `/${key} ${typeof value === 'string' ? textString(value) : dateString(value)}`;
  });
  return `<<${entries.join('\n')}>>`;
}

/** Writes the objects again: streams as they were, the rest in object streams, an xref stream. */
function write(objects: Indirect[], root: number, info: number, id: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const put = (part: Uint8Array | string) => {
    const bytes = typeof part === 'string' ? latin1(part) : part;
    parts.push(bytes);
    offset += bytes.length;
  };
  const streamObject = (number: number, dict: string, data: Uint8Array) => {
    put(`${number} 0 obj\n<<${dict}/Length ${data.length}>>\nstream\n`);
    put(data);
    put('\nendstream\nendobj\n');
  };
  // [type, field 2, field 3] of each cross-reference stream entry (PDF 32000-1, 7.5.8.3).
  const xref: [number, number, number][] = [];
  put('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const packed: Indirect[] = [];
  for (const object of objects) {
    if (!object) continue;
    if (object.bytes) {
      xref[object.number] = [1, offset, 0];
      put(`${object.number} 0 obj\n`);
      put(object.bytes);
      put('\nendobj\n');
    } else packed.push(object);
  }
  let next = objects.length;
  for (let first = 0; first < packed.length; first += OBJECTS_PER_STREAM) {
    const number = next++;
    const group = packed.slice(first, first + OBJECTS_PER_STREAM);
    const offsets: string[] = [];
    let body = '';
    group.forEach((object, index) => {
      offsets.push(`${object.number} ${body.length}`);
      body += `${object.text}\n`;
      xref[object.number] = [2, number, index];
    });
    const head = `${offsets.join(' ')}\n`;
    xref[number] = [1, offset, 0];
    const dict = `/Type /ObjStm/N ${group.length}/First ${head.length}/Filter /FlateDecode`;
    streamObject(number, dict, deflateSync(latin1(head + body)));
  }
  const self = next++;
  const xrefAt = offset;
  xref[self] = [1, xrefAt, 0];
  const width = Math.max(1, Math.ceil(Math.log2(xrefAt + 1) / 8));
  // The free entries (object 0, and the numbers no object holds: the ID tree's former inner
  // nodes, or numbers Chromium's table left free) form a linked list from object 0 (7.5.4).
  const free = Array.from({ length: next }, (_, n) => n).filter((n) => n > 0 && !xref[n]);
  xref[0] = [0, free[0] ?? 0, 65535];
  free.forEach((n, i) => {
    xref[n] = [0, free[i + 1] ?? 0, 1];
  });
  const rows = new Uint8Array(next * (3 + width));
  for (let n = 0, at = 0; n < next; n++) {
    const [type, field, index] = xref[n] as [number, number, number];
    rows[at++] = type;
    for (let b = width - 1; b >= 0; b--) rows[at++] = Math.floor(field / 256 ** b) % 256;
    rows[at++] = index >> 8;
    rows[at++] = index & 0xff;
  }
  const dict =
    `/Type /XRef/Size ${next}/W [1 ${width} 2]/Root ${root} 0 R/Info ${info} 0 R` +
    `/ID [<${id}> <${id}>]/Filter /FlateDecode`;
  streamObject(self, dict, deflateSync(rows));
  put(`startxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** Chromium's PDF, finalized (see the module comment); UnsupportedPdfError when not its shape. */
export function rewriteChromiumPdf(pdf: Uint8Array, rewrite: Rewrite): Uint8Array {
  if (!/^[0-9A-F]{32}$/.test(rewrite.id)) throw new Error(`document ID ${rewrite.id}`);
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-1.')) unsupported('no PDF header');
  const { objects, trailer } = readObjects(pdf, text);
  const root = ref(trailer, 'Root') ?? unsupported('no /Root');
  const info = ref(trailer, 'Info') ?? unsupported('no /Info');
  const catalog = objects[root];
  if (!catalog?.text || objects[info]?.text === undefined) return unsupported('stream catalog');
  renameIds(objects, catalog.text);
  catalog.text = withLanguage(catalog.text, rewrite.language);
  (objects[info] as Indirect).text = infoDictionary(rewrite.info);
  return write(objects, root, info, rewrite.id);
}
