/**
 * Fixed strings of the report through i18next, one instance per locale, with no fallback from one
 * language to the other: a missing key is an error, never the other language's text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../data/schema.js';
import { InvalidInputError } from '../errors.js';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

export type Resources = Record<string, unknown>;

export function localeFile(locale: Locale, dir: string = LOCALES_DIR): string {
  return `${dir.replace(/\/?$/, '/')}${locale}.json`;
}

export function readLocaleResources(locale: Locale, dir: string = LOCALES_DIR): Resources {
  return JSON.parse(readFileSync(localeFile(locale, dir), 'utf8')) as Resources;
}

const shared = new Map<Locale, Promise<Translate>>();

/** The project's own strings for a locale, made once per process (charts rendered outside a build). */
export function projectTranslator(locale: Locale): Promise<Translate> {
  let t = shared.get(locale);
  if (!t) {
    t = createTranslator(locale);
    shared.set(locale, t);
  }
  return t;
}

/** An i18next `t` for one locale; a missing key throws instead of falling back. */
export async function createTranslator(
  locale: Locale,
  resources: Resources = readLocaleResources(locale),
): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: resources } },
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    initAsync: false,
  });
  const t: TFunction = instance.t.bind(instance);
  return (key, options) => {
    if (!instance.exists(key, options)) {
      throw new InvalidInputError(`Missing string "${key}" in locale ${locale}`, [
        { file: `${locale}.json`, path: key, expected: `the string "${key}"`, found: 'nothing' },
      ]);
    }
    return String(t(key, options as never));
  };
}
