/** Next week's text: only the marked places change; a correction goes; quoting is kept. */
import { expect, test } from 'vitest';
import { startNextWeek } from '../../src/data/new-week.js';
import { fridayOf, weekAfter } from '../../src/data/week-dates.js';

const WEEK = `# Week 2026-W52, ending 2026-12-25.
meta:
  week: 2026-W52
  periodEnd: '2026-12-25'
  edition: 2
  issuedAt: "2026-12-25T09:30:00-05:00"
  correction:
    zh-TW: "更正"
    en: "Corrected"
  title: { zh-TW: "週報", en: "Weekly" }
fundFlows:
  weekEnding: "2026-12-23"
  byCategory:
    - id: mmf
      label: { zh-TW: "貨幣", en: "Money" }
      figure: { value: 14.0, unit: USD bn, kind: flow, source: s, quote: "140 億美元" } # kept
text:
  headline: { zh-TW: "標題", en: "Headline" }
  keyPoints:
    - zh-TW: "一"
      en: "One"
  disclaimer:
    zh-TW: "免責"
    en: "Disclaimer"
`;

test('the ISO weeks: the Friday of a week, the week after, week 53', () => {
  expect(fridayOf('2026-W07')).toBe('2026-02-13');
  expect(fridayOf('2026-W53')).toBe('2027-01-01');
  expect(fridayOf('2027-W53')).toBeUndefined();
  expect(fridayOf('2026-W00')).toBeUndefined();
  expect(weekAfter('2026-12-25')).toBe('2026-W53');
  expect(weekAfter('2026-12-31')).toBe('2027-W01');
});

test('across a year end: meta, the flows week and the marks, nothing else', () => {
  const next = startNextWeek(WEEK, 'data/2026-W52.yaml');
  expect(next).toMatchObject({ week: '2026-W53', periodEnd: '2027-01-01', from: '2026-W52' });
  expect(next.issuedAt).toBe('2027-01-01T09:30:00-05:00');
  expect(next.figures).toEqual(['fundFlows.byCategory[0].figure']);
  expect(next.texts).toEqual(['text.headline', 'text.keyPoints[0]']);
  expect(next.text).toBe(`# Week 2026-W53, ending 2027-01-01.
meta:
  week: 2026-W53
  periodEnd: '2027-01-01'
  edition: 1
  issuedAt: "2027-01-01T09:30:00-05:00"
  title: { zh-TW: "週報", en: "Weekly" }
fundFlows:
  weekEnding: "2026-12-30"
  byCategory:
    - id: mmf
      label: { zh-TW: "貨幣", en: "Money" }
      figure: { review: { carriedFrom: "2026-W52", value: 14.0 }, value: 14.0, unit: USD bn, kind: flow, source: s, quote: "140 億美元" } # kept
text:
  headline: { draft: true, zh-TW: "標題", en: "Headline" }
  keyPoints:
    - draft: true
      zh-TW: "一"
      en: "One"
  disclaimer:
    zh-TW: "免責"
    en: "Disclaimer"
`);
});

test('a named week is taken; a week that does not exist is refused', () => {
  expect(startNextWeek(WEEK, 'w.yaml', '2027-W02').periodEnd).toBe('2027-01-15');
  expect(() => startNextWeek(WEEK, 'w.yaml', '2027-W53')).toThrow(/Not an ISO week/);
});
