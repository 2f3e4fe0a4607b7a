/**
 * Chromium names tagged elements that others point at (table header cells, for /Headers) after
 * their DOM node id, `node00000038`. That id comes from a counter shared by every page in the
 * renderer process, so the same HTML printed next to another page gets other names and other
 * bytes. Here the names are replaced by their order in the file, so they depend on the page only.
 */
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRef,
  PDFString,
} from './pdf-lib.js';
import { nodeName } from './rewrite.js';

const ID = PDFName.of('ID');
const HEADERS = PDFName.of('Headers');
const NAMES = PDFName.of('Names');
const KIDS = PDFName.of('Kids');
const LIMITS = PDFName.of('Limits');

function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString
    ? object.decodeText()
    : undefined;
}

/** Every (name, value) of a name tree, and the refs of its inner nodes. */
function readNameTree(doc: PDFDocument, node: PDFDict, kidRefs: PDFRef[]): [string, PDFObject][] {
  const entries: [string, PDFObject][] = [];
  const names = node.lookupMaybe(NAMES, PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const name = text(names.lookup(i));
    if (name !== undefined) entries.push([name, names.get(i + 1)]);
  }
  const kids = node.lookupMaybe(KIDS, PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const ref = kids.get(i);
    if (ref instanceof PDFRef) kidRefs.push(ref);
    entries.push(...readNameTree(doc, kids.lookup(i, PDFDict), kidRefs));
  }
  return entries;
}

/** Replaces the names under /ID and /Headers in one object and the direct objects inside it. */
function rename(object: PDFObject, nameOf: (name: string) => string): void {
  const renamed = (value: PDFObject | undefined) => {
    const name = text(value);
    return name === undefined ? undefined : PDFString.of(nameOf(name));
  };
  if (object instanceof PDFArray) {
    for (let i = 0; i < object.size(); i++) rename(object.get(i), nameOf);
  } else if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      if (key === ID) {
        const next = renamed(value);
        if (next) object.set(key, next);
      } else if (key === HEADERS && value instanceof PDFArray) {
        for (let i = 0; i < value.size(); i++) {
          const next = renamed(value.get(i));
          if (next) value.set(i, next);
        }
      } else {
        rename(value, nameOf);
      }
    }
  }
}

/** Renames the structure element IDs in file order; returns how many there were. */
export function renumberStructureIds(doc: PDFDocument): number {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const idTree = root?.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (!idTree) return 0;
  const kidRefs: PDFRef[] = [];
  const entries = readNameTree(doc, idTree, kidRefs);
  const order = (value: PDFObject) => (value instanceof PDFRef ? value.objectNumber : 0);
  entries.sort((a, b) => order(a[1]) - order(b[1]));
  const renamed = new Map(entries.map(([name], i) => [name, nodeName(i + 1)] as const));

  // A name the tree does not hold (a /Headers pointing nowhere) gets the next new name, in file
  // order: reproducible too, and never one of the tree's names (it still points nowhere). Counted
  // from the entries, not the map: a tree that repeats a name has fewer names than entries.
  let given = entries.length;
  const nameOf = (name: string): string => {
    let next = renamed.get(name);
    if (next === undefined) {
      given += 1;
      next = nodeName(given);
      renamed.set(name, next);
    }
    return next;
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) rename(object, nameOf);
  // One flat node: the new names sort like the old order, and no stale inner node survives.
  for (const ref of kidRefs) doc.context.delete(ref);
  idTree.delete(KIDS);
  idTree.delete(LIMITS);
  idTree.set(
    NAMES,
    doc.context.obj(
      entries.flatMap(([name, value]) => [PDFString.of(renamed.get(name) ?? name), value]),
    ),
  );
  return entries.length;
}
