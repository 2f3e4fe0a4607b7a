/**
 * Next week's file from this week's, as a YAML document edited in place (the `yaml` package's
 * Document API), so the file's comments, order and quoting survive: meta moves on (week, the
 * week's Friday, issuedAt by the same days, edition 1, no correction), the fund flows' weekEnding
 * moves with it, every figure is carried over with `review: { carriedFrom, value }` and every
 * text of the commentary with `draft: true` (data/review.ts). Sources stay as they are: a source's
 * date is when it was published, and the carried figures still come from it.
 */
import {
  type Document,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type Scalar,
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

/** Next week's file from `text` (the file `file`); `week` default: the week after its own. */
export function startNextWeek(text: string, file: string, week?: string): StartedWeek {
  parseYamlFile(text, file, WEEK_YAML); // a file YAML cannot read is refused, located
  const doc = parseDocument(text);
  const from = metaText(doc, file, 'week');
  const oldEnd = metaText(doc, file, 'periodEnd');
  const oldIssued = metaText(doc, file, 'issuedAt');
  const target = week ?? weekAfter(oldEnd);
  const periodEnd = fridayOf(target);
  if (!periodEnd) throw new UsageError(msg.review.badWeek(target));
  const days = daysBetween(oldEnd, periodEnd);
  const issuedAt = moveDateTime(oldIssued, days);
  setScalar(doc, ['meta', 'week'], target);
  setScalar(doc, ['meta', 'periodEnd'], periodEnd);
  setScalar(doc, ['meta', 'issuedAt'], issuedAt);
  setScalar(doc, ['meta', 'edition'], 1);
  doc.deleteIn(['meta', 'correction']);
  const flowsEnd = doc.getIn(['fundFlows', 'weekEnding']);
  if (typeof flowsEnd === 'string') setScalar(doc, ['fundFlows', 'weekEnding'], shift(flowsEnd));
  const marked = markCarried(doc, from);
  retitle(doc, [from, target], [oldEnd, periodEnd]);
  // lineWidth 0: long texts stay on their one line, as written.
  return {
    text: doc.toString({ lineWidth: 0 }),
    week: target,
    periodEnd,
    issuedAt,
    from,
    ...marked,
  };

  function shift(date: string): string {
    return moveDateTime(date, days);
  }
}

function metaText(doc: Document, file: string, field: string): string {
  const value = doc.getIn(['meta', field]);
  if (typeof value === 'string' && value !== '') return value;
  throw new InvalidInputError(msg.review.couldNotStart(file), [
    { file, path: `meta.${field}`, ...msg.review.missingMeta(field) },
  ]);
}

/** Sets a scalar's value in place, so its quoting and comments stay as written. */
function setScalar(doc: Document, path: string[], value: string | number): void {
  const node = doc.getIn(path, true);
  if (isScalar(node)) (node as Scalar).value = value;
  else doc.setIn(path, value);
}

/** Marks every figure for review and every commentary text as a draft; returns their paths. */
function markCarried(doc: Document, from: string): { figures: string[]; texts: string[] } {
  const figures: string[] = [];
  const texts: string[] = [];
  visit(doc, {
    Map(_key, map, ancestors) {
      const path = pathOf(ancestors, map);
      if (isFigure(map)) {
        const review = doc.createNode({ carriedFrom: from, value: 0 }) as YAMLMap;
        review.flow = true;
        (review.get('carriedFrom', true) as Scalar).type = 'QUOTE_DOUBLE';
        review.set('value', (map.get('value', true) as Scalar).clone());
        map.delete('review');
        map.items.unshift(doc.createPair('review', review));
        figures.push(path);
        return visit.SKIP;
      }
      if (DRAFT_PATHS.some((p) => p.test(path)) && map.has('en')) {
        map.delete('draft');
        map.items.unshift(doc.createPair('draft', true));
        texts.push(path);
        return visit.SKIP;
      }
      return undefined;
    },
  });
  return { figures, texts };
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
function retitle(doc: Document, ...pairs: [string, string][]): void {
  let comment = doc.commentBefore;
  if (!comment) return;
  for (const [old, now] of pairs) comment = comment.split(old).join(now);
  doc.commentBefore = comment;
}
