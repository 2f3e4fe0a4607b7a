/** The sample week built once per test file, through the real pipeline. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { type BuildOptions, type BuildResult, buildReport } from '../../src/build.js';
import type { Locale } from '../../src/data/schema.js';
import { formatFigure } from '../../src/format/index.js';
import type { ResolvedFigure } from '../../src/metrics/types.js';
import { borrowBrowser } from '../../src/pdf/lease.js';

export const SAMPLE = 'data/2026-W06.yaml';
export const LOCALES: readonly Locale[] = ['zh-TW', 'en'];

export function tempOut(prefix = 'capex-report-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export type SampleOptions = Omit<Partial<BuildOptions>, 'browser'> & { browser?: Browser };

/** The sample built into a fresh folder; a test's own browser is lent to the build. */
export function buildSample(options: SampleOptions = {}): Promise<BuildResult> {
  const { browser, ...rest } = options;
  return buildReport({
    dataFile: SAMPLE,
    outDir: tempOut(),
    ...rest,
    ...(browser ? { browser: borrowBrowser(browser) } : {}),
  });
}

export function allFigures(result: BuildResult): ResolvedFigure[] {
  return [...result.metrics.figures.values()];
}

/**
 * The forms a figure may be printed in: tables use compact, commentary prose; flows and changes
 * are signed; a sentence whose verb says the direction prints the size alone (`[[id|abs]]`: "fell
 * more than 10%"), and so does a table row that says it in words ("down over 10%").
 */
export function printedForms(figure: ResolvedFigure, locale: Locale): string[] {
  const forms = new Set<string>();
  for (const style of ['compact', 'prose'] as const) {
    for (const signed of [false, true]) forms.add(formatFigure(figure, locale, { style, signed }));
    if (figure.value < 0) forms.add(formatFigure(figure, locale, { style, magnitude: true }));
  }
  return [...forms];
}

/** Whitespace folded; in Chinese, line breaks between characters removed (PDF text wraps anywhere). */
export function normalizeText(text: string, locale: Locale): string {
  const joined =
    locale === 'zh-TW' ? text.replace(/(?<=[^\p{ASCII}])\n|\n(?=[^\p{ASCII}])/gu, '') : text;
  return joined.replace(/\s+/g, ' ');
}

export function missingFigures(result: BuildResult, text: string, locale: Locale): string[] {
  const normalized = normalizeText(text, locale);
  return allFigures(result)
    .filter(
      (f) =>
        !printedForms(f, locale).some((form) => normalized.includes(normalizeText(form, locale))),
    )
    .map((f) => `${f.id}: ${printedForms(f, locale).join(' | ')}`);
}
