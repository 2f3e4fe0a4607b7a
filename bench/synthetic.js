/**
 * Synthetic weeks for the batch: the sample week's text kept as it is, every figure value
 * varied (its quote rewritten to say the new value), and the dates moved to consecutive Fridays
 * so that each week id matches its periodEnd.
 * Deterministic (seeded), so every run of the bench prints the same 52 weeks.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isScalar, parseDocument, visit } from 'yaml';
import { isoWeekOf } from '../dist/data/isoweek.js';
import { parseWeek } from '../dist/data/load.js';
import { validateWeek } from '../dist/data/validate.js';
import { readWeekFile } from '../dist/inputs/load.js';

const DAY = 86_400_000;

/** mulberry32: a tiny seeded generator, so the weeks are the same in every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function decimalsOf(node) {
  const written = String(node.value).split('.')[1]?.length ?? 0;
  return Math.max(written, node.minFractionDigits ?? 0);
}

/** A value 0.7-1.3 times the original, same sign and precision; % stays within -100..1000. */
function vary(node, unit, next) {
  const decimals = decimalsOf(node);
  let value = Number((node.value * (0.7 + 0.6 * next())).toFixed(decimals));
  if (unit === '%') value = Math.min(1000, Math.max(-100, value));
  if (unit === 'bp') value = Math.min(1000, Math.max(-1000, value));
  node.value = value;
  // Written with the original's decimals: the report prints a figure with the precision it has.
  if (decimals > 0) node.minFractionDigits = decimals;
}

const QUALIFIER_WORDS = {
  approx: 'about ',
  over: 'more than ',
  under: 'less than ',
  'up-to': 'up to ',
};
const UNIT_WORDS = {
  'USD bn': (n) => `US$${n} billion`,
  USD: (n) => `US$${n}`,
  '%': (n) => `${n}%`,
  bp: (n) => `${n} basis points`,
  pts: (n) => `${n} points`,
  count: (n) => `${n}`,
  x: (n) => `${n}x`,
};

/**
 * A quote that says exactly the varied figure (`validate` checks every figure against its
 * quote): its digits, its qualifier's word and "down" for a negative value.
 */
export function syntheticQuote(value, decimals, unit, qualifier, kind) {
  const word = QUALIFIER_WORDS[qualifier] ?? (kind === 'lower-bound' ? 'at least ' : '');
  const number = UNIT_WORDS[unit](Math.abs(value).toFixed(decimals));
  return `${value < 0 ? 'down ' : ''}${word}${number}`;
}

function shiftDate(iso, days) {
  return new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * DAY)
    .toISOString()
    .slice(0, 10);
}

/** The sample's YAML text turned into week `index` (1 = the week after the sample). */
export function syntheticWeekText(sampleText, index) {
  const doc = parseDocument(sampleText);
  const next = random(index * 7919);
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (!isScalar(pair.key) || pair.key.value !== 'value') return;
      if (!isScalar(pair.value) || typeof pair.value.value !== 'number') return;
      const figure = ancestors.at(-1);
      const unit = figure?.get?.('unit');
      vary(pair.value, unit, next);
      const quote = [pair.value.value, decimalsOf(pair.value), unit, figure.get('qualifier')];
      figure.set('quote', syntheticQuote(...quote, figure.get('kind')));
    },
  });
  const days = 7 * index;
  const periodEnd = shiftDate(doc.getIn(['meta', 'periodEnd']), days);
  const issuedAt = doc.getIn(['meta', 'issuedAt']);
  doc.setIn(['meta', 'periodEnd'], periodEnd);
  doc.setIn(['meta', 'week'], isoWeekOf(periodEnd));
  doc.setIn(['meta', 'issuedAt'], `${shiftDate(issuedAt, days)}${issuedAt.slice(10)}`);
  doc.setIn(['fundFlows', 'weekEnding'], shiftDate(doc.getIn(['fundFlows', 'weekEnding']), days));
  for (const source of doc.get('sources').items) {
    source.set('date', shiftDate(source.get('date'), days));
  }
  return { week: isoWeekOf(periodEnd), text: doc.toString() };
}

/**
 * Writes `count` synthetic weeks into `dir` and validates each with the real validator (a week
 * that fails would make the batch measure error handling instead of printing).
 */
export async function writeSyntheticWeeks(sampleFile, dir, count) {
  const sample = await readFile(sampleFile, 'utf8');
  await mkdir(dir, { recursive: true });
  const files = [];
  for (let i = 1; i <= count; i++) {
    const { week, text } = syntheticWeekText(sample, i);
    const file = path.join(dir, `${week}.yaml`);
    await writeFile(file, text);
    validateWeek(await parseWeek(await readWeekFile(file)));
    files.push(file);
  }
  return files;
}
