/**
 * Next week's file from this week's, made by editing the file's text where the YAML parse says
 * each node is (the `yaml` package's Document API for the ranges), so everything else stays
 * byte for byte: comments, order, quoting, line breaks. Meta moves on (week, the week's Friday,
 * issuedAt by the same days, edition 1, no correction), the fund flows' weekEnding moves with it,
 * every figure gets `review: { carriedFrom, value }` and every text of the commentary
 * `draft: true` (data/review.ts). Sources stay as they are: a source's date is when it was
 * published, and the carried figures still come from it.
 */
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLMap,
} from 'yaml';
import { InvalidInputError, UsageError } from '../errors.js';
import { parseYamlFile } from '../io/yaml.js';
import { msg } from '../messages/index.js';
import { WEEK_YAML } from './load.js';
import { daysBetween, fridayOf, moveDateTime, weekAfter } from './week-dates.js';

export interface StartedWeek {
  /** The new file's text. */
  text: string;
  week: string;
  periodEnd: string;
  issuedAt: string;
  /** The week it was started from. */
  from: string;
  /** Data paths of the figures marked for review and the texts marked as drafts. */
  figures: string[];
  texts: string[];
}

/** Texts of the commentary (where `[[id]]` tokens live), marked as drafts; not the disclaimer. */
const DRAFT_PATHS = [
  /^text\.(?:headline|view)$/,
  /^text\.(?:keyPoints|watch)\[\d+\]$/,
  /^text\.sections\.[a-z]+$/,
  /^views\[\d+\]\.paraphrase$/,
  /^companies\[\d+\]\.capexNote$/,
];

/** One change to the text: `[start, end)` replaced by `insert`. */
type Edit = { start: number; end: number; insert: string };

/** Next week's file from `text` (the file `file`); `week` default: the week after its own. */
export function startNextWeek(text: string, file: string, week?: string): StartedWeek {
  parseYamlFile(text, file, WEEK_YAML); // a file YAML cannot read is refused, located
  const doc = parseDocument(text);
  const from = metaText(doc, file, 'week');
  const oldEnd = metaText(doc, file, 'periodEnd');
  const target = week ?? weekAfter(oldEnd);
  const periodEnd = fridayOf(target);
  if (!periodEnd) throw new UsageError(msg.review.badWeek(target));
  const days = daysBetween(oldEnd, periodEnd);
  const issuedAt = moveDateTime(metaText(doc, file, 'issuedAt'), days);
  const edits: Edit[] = [
    ...setScalar(doc, text, ['meta', 'week'], target),
    ...setScalar(doc, text, ['meta', 'periodEnd'], periodEnd),
    ...setScalar(doc, text, ['meta', 'issuedAt'], issuedAt),
    ...setScalar(doc, text, ['meta', 'edition'], 1),
    ...deletePair(doc, text, ['meta'], 'correction'),
    ...retitle(text, [from, target], [oldEnd, periodEnd]),
  ];
  const flowsEnd = doc.getIn(['fundFlows', 'weekEnding']);
  if (typeof flowsEnd === 'string') {
    edits.push(...setScalar(doc, text, ['fundFlows', 'weekEnding'], moveDateTime(flowsEnd, days)));
  }
  const marked = markCarried(doc, text, from);
  edits.push(...marked.edits);
  return {
    text: applyEdits(text, edits),
    week: target,
    periodEnd,
    issuedAt,
    from,
    figures: marked.figures,
    texts: marked.texts,
  };
}

function metaText(doc: Document, file: string, field: string): string {
  const value = doc.getIn(['meta', field]);
  if (typeof value === 'string' && value !== '') return value;
  throw new InvalidInputError(msg.review.couldNotStart(file), [
    { file, path: `meta.${field}`, ...msg.review.missingMeta(field) },
  ]);
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.insert + out.slice(edit.end);
  }
  return out;
}

/** A scalar's new value, written with the quotes it had. */
function setScalar(doc: Document, text: string, path: string[], value: string | number): Edit[] {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || !node.range) return [];
  const [start, end] = node.range;
  const quote = text[start];
  const written =
    quote === '"' ? JSON.stringify(String(value)) : quote === "'" ? `'${value}'` : String(value);
  return [{ start, end, insert: written }];
}

/** Removes `key:` and its value from the map at `path`, whole lines. */
function deletePair(doc: Document, text: string, path: string[], key: string): Edit[] {
  const map = doc.getIn(path, true);
  if (!isMap(map)) return [];
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
  const keyRange = (pair?.key as Node | undefined)?.range;
  const valueRange = (pair?.value as Node | undefined)?.range;
  if (!keyRange || !valueRange) return [];
  const start = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
  const newline = text.indexOf('\n', Math.max(valueRange[1] - 1, keyRange[0]));
  return [{ start, end: newline === -1 ? text.length : newline + 1, insert: '' }];
}

/** A line inserted before the map's first key, at that key's column. */
function insertFirst(map: YAMLMap, text: string, line: string): Edit | undefined {
  const first = map.items[0]?.key as Node | undefined;
  if (!first?.range) return undefined;
  const at = first.range[0];
  if (map.flow) return { start: at, end: at, insert: `${line}, ` };
  const column = at - (text.lastIndexOf('\n', at - 1) + 1);
  return { start: at, end: at, insert: `${line}\n${' '.repeat(column)}` };
}

/** Marks every figure for review and every commentary text as a draft; returns their paths. */
function markCarried(doc: Document, text: string, from: string) {
  const edits: Edit[] = [];
  const figures: string[] = [];
  const texts: string[] = [];
  const mark = (list: string[], path: string, edit: Edit | undefined) => {
    if (!edit) return;
    edits.push(edit);
    list.push(path);
  };
  visit(doc, {
    Map(_key, map, ancestors) {
      const path = pathOf(ancestors, map);
      if (isFigure(map) && !map.has('review')) {
        const value = map.get('value', true) as Node;
        const written = value.range ? text.slice(value.range[0], value.range[1]) : '';
        const line = `review: { carriedFrom: "${from}", value: ${written} }`;
        mark(figures, path, insertFirst(map, text, line));
        return visit.SKIP;
      }
      if (DRAFT_PATHS.some((p) => p.test(path)) && map.has('en')) {
        if (!map.has('draft')) mark(texts, path, insertFirst(map, text, 'draft: true'));
        return visit.SKIP;
      }
      return undefined;
    },
  });
  return { edits, figures, texts };
}

function isFigure(map: YAMLMap): boolean {
  return ['value', 'unit', 'kind', 'source'].every((k) => map.has(k));
}

/** The data path of `node` from the visitor's ancestors: `companies[0].capex.2026`. */
function pathOf(ancestors: readonly unknown[], node: unknown): string {
  let out = '';
  const chain = [...ancestors, node];
  for (const [i, ancestor] of chain.entries()) {
    const child = chain[i + 1];
    if (isSeq(ancestor)) out += `[${ancestor.items.indexOf(child as Node)}]`;
    else if (isPairLike(ancestor) && isScalar(ancestor.key)) {
      const key = String(ancestor.key.value);
      out += out === '' ? key : `.${key}`;
    }
  }
  return out;
}

function isPairLike(value: unknown): value is { key: unknown; value: unknown } {
  return value !== null && typeof value === 'object' && 'key' in value && 'value' in value;
}

/** The file's opening comment names its week and Friday: it names the new ones. */
function retitle(text: string, ...pairs: [string, string][]): Edit[] {
  const header = /^(?:[ \t]*#[^\n]*\n)+/.exec(text)?.[0] ?? '';
  let renamed = header;
  for (const [old, now] of pairs) renamed = renamed.split(old).join(now);
  return renamed === header ? [] : [{ start: 0, end: header.length, insert: renamed }];
}
