/** Stage 4, localize: each language's translator, from locale files whose keys match. */
import type { Locale } from '../data/schema.js';
import type { InputFile } from '../inputs/files.js';
import { createTranslator, parseLocaleFile, type Translate } from './index.js';
import { assertLocaleParity } from './parity.js';

/** Checks both files' keys, then makes a translator for each wanted language. */
export async function createTranslators(
  files: Readonly<Record<Locale, InputFile>>,
  locales: readonly Locale[],
): Promise<(locale: Locale) => Translate> {
  assertLocaleParity(files);
  const made = new Map<Locale, Translate>();
  for (const locale of locales) {
    made.set(locale, await createTranslator(locale, parseLocaleFile(files[locale])));
  }
  return (locale) => {
    const t = made.get(locale);
    if (!t) throw new Error(`No translator for ${locale}`);
    return t;
  };
}
