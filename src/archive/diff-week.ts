/**
 * What changed between two editions of a week, as a reader sees it: every figure (data and
 * derived) printed in both languages, old beside new, and every text that changed, per language.
 */
import type { Locale, Week } from '../data/schema.js';
import { formatFigure } from '../format/index.js';
import { formatPath } from '../io/paths.js';
import type { Metrics, ResolvedFigure } from '../metrics/types.js';

export const LOCALES: readonly Locale[] = ['zh-TW', 'en'];

/** A figure as printed in each language; null where the figure does not exist. */
export type Printed = Record<Locale, string> | null;

export interface FigureChange {
  id: string;
  old: Printed;
  new: Printed;
  /** Other attributes that changed, e.g. `sources: a → b`, `kind: estimate → reported`. */
  attributes: string[];
}

export interface TextChange {
  /** Data path of the text, e.g. `text.sections.capex`. */
  path: string;
  locale: Locale;
  old: string | null;
  new: string | null;
}

export function diffFigures(a: Metrics, b: Metrics): FigureChange[] {
  const ids = [...new Set([...a.figures.keys(), ...b.figures.keys()])].sort();
  const changes: FigureChange[] = [];
  for (const id of ids) {
    const before = a.figures.get(id);
    const after = b.figures.get(id);
    const printedBefore = printed(before);
    const printedAfter = printed(after);
    const attributes = before && after ? changedAttributes(before, after) : [];
    const samePrint = JSON.stringify(printedBefore) === JSON.stringify(printedAfter);
    if (samePrint && attributes.length === 0 && before?.value === after?.value) continue;
    changes.push({ id, old: printedBefore, new: printedAfter, attributes });
  }
  return changes;
}

function printed(figure: ResolvedFigure | undefined): Printed {
  if (!figure) return null;
  return { 'zh-TW': formatFigure(figure, 'zh-TW'), en: formatFigure(figure, 'en') };
}

function changedAttributes(a: ResolvedFigure, b: ResolvedFigure): string[] {
  const pairs: [string, unknown, unknown][] = [
    ['unit', a.unit, b.unit],
    ['kind', a.kind, b.kind],
    ['qualifier', a.qualifier ?? 'none', b.qualifier ?? 'none'],
    ['sources', a.sources.join(', '), b.sources.join(', ')],
  ];
  return pairs.filter(([, x, y]) => x !== y).map(([name, x, y]) => `${name}: ${x} → ${y}`);
}

export function diffTexts(a: Week, b: Week): TextChange[] {
  const before = bilingualTexts(a);
  const after = bilingualTexts(b);
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  const changes: TextChange[] = [];
  for (const path of paths) {
    for (const locale of LOCALES) {
      const old = before.get(path)?.[locale] ?? null;
      const next = after.get(path)?.[locale] ?? null;
      if (old !== next) changes.push({ path, locale, old, new: next });
    }
  }
  return changes;
}

/** Every `{ zh-TW, en }` text in the week, by data path, in document order. */
function bilingualTexts(week: Week): Map<string, Record<Locale, string>> {
  const texts = new Map<string, Record<Locale, string>>();
  const walk = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record['zh-TW'] === 'string' && typeof record.en === 'string') {
        texts.set(formatPath(path), { 'zh-TW': record['zh-TW'], en: record.en });
        return;
      }
      for (const [key, child] of Object.entries(record)) walk(child, [...path, key]);
    }
  };
  walk(week, []);
  return texts;
}
