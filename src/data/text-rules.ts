/**
 * Rules for the week's texts: tokens name figures of the week (data or derived: they run after
 * the metrics are derived, against their ids) and appear only where they are rendered, and both
 * languages of a text carry the same numbers.
 */
import type { Problem } from '../errors.js';
import { msg } from '../messages/index.js';
import type { NotComputed } from '../metrics/types.js';
import { type Bilingual, LOCALES } from './schema.js';
import { isTokenVariant, TOKEN_PATTERN, TOKEN_VARIANTS } from './tokens.js';

type Issue = Omit<Problem, 'file' | 'line' | 'column'>;

/** Texts rendered as commentary, where `[[id]]` becomes a figure; elsewhere it would print raw. */
const RICH_PATH = /^(?:text\.|views\[\d+\]\.paraphrase$|companies\[\d+\]\.capexNote$)/;

export function checkTexts(
  texts: readonly { path: string; text: Bilingual }[],
  ids: ReadonlySet<string>,
  notComputed: ReadonlyMap<string, NotComputed> = new Map(),
): Issue[] {
  const out: Issue[] = [];
  const told = new Set<string>();
  // A derived figure the data cannot give: why, at the token and (once) at each of its inputs.
  const explain = (at: string, token: string, id: string, reason: NotComputed) => {
    out.push({ path: at, ...msg.faults.notComputedToken(token, reason.why) });
    for (const input of reason.inputs.filter((p) => !told.has(`${id} ${p}`))) {
      told.add(`${id} ${input}`);
      out.push({ path: input, ...msg.faults.notComputedInput(id, reason.why) });
    }
  };
  for (const { path, text } of texts) {
    const rich = RICH_PATH.test(path);
    for (const locale of LOCALES) {
      const at = `${path}.${locale}`;
      const value = text[locale];
      if (!rich) {
        if (/\[\[|\]\]/.test(value)) {
          out.push({ path: at, ...msg.week.tokenOutsideProse(value) });
        }
        continue;
      }
      for (const m of value.matchAll(TOKEN_PATTERN)) {
        const id = m[1] ?? '';
        const reason = notComputed.get(id);
        if (!ids.has(id) && reason) explain(at, m[0], id, reason);
        else if (!ids.has(id)) out.push({ path: at, ...msg.week.unknownToken(m[0]) });
        if (m[2] !== undefined && !isTokenVariant(m[2])) {
          out.push({ path: at, ...msg.week.unknownTokenVariant(m[0], TOKEN_VARIANTS) });
        }
      }
      const leftover = value.replace(TOKEN_PATTERN, '');
      const stray = /\[\[[^\]]*\]\]|\[\[|\]\]/.exec(leftover);
      if (stray) {
        out.push({ path: at, ...msg.week.malformedToken(stray[0]) });
      }
    }
    const zh = numbersOf(text['zh-TW']);
    const en = numbersOf(text.en);
    if (zh !== en) {
      out.push({ path, ...msg.week.numberParity(zh, en) });
    }
  }
  return out;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * English month names count as their numbers, so "October 2025" matches 「2025 年 10 月」. Other
 * number words stay words: "four companies" is 「四家公司」 in Chinese, not a figure.
 */
function spellOutMonths(text: string): string {
  return text.replace(
    /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g,
    (m) => ` ${MONTHS.indexOf(m.toLowerCase()) + 1} `,
  );
}

/** The numbers of a text outside its tokens, sorted, as one comparable string. */
function numbersOf(text: string): string {
  const plain = spellOutMonths(text.replace(TOKEN_PATTERN, ' '));
  return [...plain.matchAll(/\d+(?:[.,]\d+)*/g)]
    .map((m) => m[0].replace(/,/g, ''))
    .sort()
    .join(', ');
}
