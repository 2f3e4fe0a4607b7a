/**
 * Traditional Chinese as written in Taiwan. A text is converted with OpenCC as if it were
 * Simplified (s2tw: Simplified → Traditional, Taiwan standard): a character that changes is one
 * Taiwan does not write, unless it is a variant standard in Taiwan (TAIWAN_VARIANTS).
 *
 * OpenCC's phrase tables are keyed in Simplified, so a Traditional word it does not list as such
 * is converted character by character: 干預 would become 幹預, 游資 遊資. A character is refused
 * only if converting the text's Simplified reading (tw2s, then s2tw) changes it too; that second
 * conversion goes through the phrase tables and keeps 干預. A Simplified character changes both ways.
 *
 * Building the s2tw converter from its whole phrase table takes ~350 ms, so each call builds it
 * from the entries that can match in the texts at hand (every neighbouring pair of characters of
 * the phrase occurs in them), which gives the same conversion.
 */
import { ConverterBuilder, ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import CJK_COMPATIBILITY from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import ST_CHARACTERS from 'opencc-js/dict/STCharacters';
import ST_PHRASES from 'opencc-js/dict/STPhrases';
import ST_REGIONAL_PHRASES from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TS_PHRASES from 'opencc-js/dict/TSPhrases';
import TW_VARIANTS from 'opencc-js/dict/TWVariants';
import TW_VARIANTS_PHRASES from 'opencc-js/dict/TWVariantsPhrases';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';
import TW_VARIANTS_REV_PHRASES from 'opencc-js/dict/TWVariantsRevPhrases';
import type { Problem } from '../errors.js';
import { msg } from '../messages/index.js';
import type { Bilingual } from './schema.js';

/**
 * Characters OpenCC changes that Taiwan writes as they are (the Ministry of Education's standard
 * forms, or the form in everyday use), and why each is accepted.
 */
export const TAIWAN_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['台', '台灣, 平台, 台積電: the everyday form in Taiwan; 臺 is the formal one, both standard'],
  ['占', '占比, 占有: the standard form in Taiwan; OpenCC gives the variant 佔'],
  ['布', '公布, 宣布, 分布: the standard form in Taiwan; OpenCC gives the variant 佈'],
]);

export interface NonTaiwanCharacter {
  char: string;
  /** What OpenCC makes of it. */
  becomes: string;
  /** Its offset in code points. */
  at: number;
  /** A few characters either side, for messages. */
  context: string;
}

type Pair = [string, string];
/** A dictionary's entries ("key value value2") by the first character of their key. */
type Index = ReadonlyMap<string, readonly string[]>;

function indexByFirst(dict: string): Index {
  const index = new Map<string, string[]>();
  for (const entry of dict.split('|')) {
    const first = String.fromCodePoint(entry.codePointAt(0) ?? 32);
    const list = index.get(first);
    if (list) list.push(entry);
    else index.set(first, [entry]);
  }
  return index;
}

let dictionaries: { phrases: Index; regional: Index; characters: Index } | undefined;
let toSimplified: ConverterFunction | undefined;
let compatibility: ConverterFunction | undefined;

/** CJK compatibility ideographs to their unified forms, as OpenCC does before converting. */
function normalize(text: string): string {
  compatibility ??= ConverterFactory([CJK_COMPATIBILITY]);
  return compatibility(text);
}

function tw2s(): ConverterFunction {
  toSimplified ??= ConverterBuilder({
    from: { tw: [] },
    to: { cn: [] },
    configs: {
      tw2s: {
        segmentation: TS_PHRASES,
        conversionChain: [
          [TW_VARIANTS_REV_PHRASES, TW_VARIANTS_REV],
          [TS_PHRASES, TS_CHARACTERS],
        ],
      },
    },
  })({ from: 'tw', to: 'cn' });
  return toSimplified;
}

/** Whether every neighbouring pair of the key's characters occurs in the texts. */
function fitsIn(key: string, bigrams: ReadonlySet<string>): boolean {
  let previous: string | undefined;
  for (const c of key) {
    if (previous !== undefined && !bigrams.has(previous + c)) return false;
    previous = c;
  }
  return true;
}

/** The entries whose key can occur in texts with these characters and neighbouring pairs. */
function canMatch(index: Index, chars: ReadonlySet<string>, bigrams: ReadonlySet<string>): Pair[] {
  const out: Pair[] = [];
  for (const first of chars) {
    for (const entry of index.get(first) ?? []) {
      const space = entry.indexOf(' ');
      const key = entry.slice(0, space);
      if (fitsIn(key, bigrams)) {
        const next = entry.indexOf(' ', space + 1);
        out.push([key, entry.slice(space + 1, next < 0 ? undefined : next)]);
      }
    }
  }
  return out;
}

/** OpenCC's s2tw, built from the entries that can match in `texts`. */
function s2twFor(texts: readonly string[]): ConverterFunction {
  dictionaries ??= {
    phrases: indexByFirst(ST_PHRASES),
    regional: indexByFirst(ST_REGIONAL_PHRASES),
    characters: indexByFirst(ST_CHARACTERS),
  };
  const chars = new Set<string>();
  const bigrams = new Set<string>();
  for (const text of texts) {
    let previous: string | undefined;
    for (const c of text) {
      chars.add(c);
      if (previous !== undefined) bigrams.add(previous + c);
      previous = c;
    }
  }
  const phrases = canMatch(dictionaries.phrases, chars, bigrams);
  const regional = canMatch(dictionaries.regional, chars, bigrams);
  const characters = canMatch(dictionaries.characters, chars, bigrams);
  return ConverterBuilder({
    from: { cn: [] },
    to: { tw: [] },
    configs: {
      s2tw: {
        segmentation: [...phrases, ...regional],
        conversionChain: [
          [phrases, regional, characters],
          [TW_VARIANTS_PHRASES, TW_VARIANTS],
        ],
      },
    },
  })({ from: 'cn', to: 'tw' });
}

/** Code-point offsets where `b` differs from `a` (a changed stretch when the lengths differ). */
function changed(a: readonly string[], b: readonly string[]): Set<number> {
  const out = new Set<number>();
  if (a.length === b.length) {
    for (const [i, c] of a.entries()) if (c !== b[i]) out.add(i);
    return out;
  }
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  for (let i = start; i < a.length - end; i++) out.add(i);
  return out;
}

/** For each text, the characters Taiwan does not write as they are (see the top of this file). */
export function findNonTaiwanCharacters(texts: readonly string[]): NonTaiwanCharacter[][] {
  // OpenCC first maps compatibility ideographs to their unified forms: they change too.
  const normalized = texts.map(normalize);
  const simplified = normalized.map((text) => tw2s()(text));
  const s2tw = s2twFor([...normalized, ...simplified]);
  return texts.map((text, t) => {
    const chars = [...text];
    const direct = [...s2tw(normalized[t] ?? '')];
    const back = changed(chars, [...s2tw(simplified[t] ?? '')]);
    return [...changed(chars, direct)]
      .filter((i) => back.has(i) && !TAIWAN_VARIANTS.has(chars[i] ?? ''))
      .map((i) => ({
        char: chars[i] ?? '',
        becomes: direct.length === chars.length ? (direct[i] ?? '') : s2tw(chars[i] ?? ''),
        at: i,
        context: chars.slice(Math.max(0, i - 4), i + 5).join(''),
      }));
  });
}

/** A located problem per zh-TW text with characters Taiwan does not write (path: the text's). */
export function checkTraditional(
  texts: readonly { path: string; text: string }[],
): Omit<Problem, 'file' | 'line' | 'column'>[] {
  const found = findNonTaiwanCharacters(texts.map((t) => t.text));
  return texts.flatMap(({ path }, i) => {
    const chars = found[i] ?? [];
    return chars.length === 0 ? [] : [{ path, ...msg.traditional.notTaiwanese(chars) }];
  });
}

/** The zh-TW side of the week's bilingual texts, at `<path>.zh-TW`. */
export function checkTraditionalTexts(
  texts: readonly { path: string; text: Bilingual }[],
): Omit<Problem, 'file' | 'line' | 'column'>[] {
  return checkTraditional(texts.map((t) => ({ path: `${t.path}.zh-TW`, text: t.text['zh-TW'] })));
}
