/**
 * Fixed strings of the report through i18next, one instance per locale, with no fallback from one
 * language to the other: a missing key is an error, never the other language's text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { LOCALES, type Locale } from '../data/schema.js';
import { InvalidInputError } from '../errors.js';
import { type InputFile, inputFile, shownName, textOf } from '../inputs/files.js';
import { msg } from '../messages/index.js';
import { LOCALES_DIR } from '../project.js';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type Resources = Record<string, unknown>;

/** The strings of a locale file; a file that is not a JSON object is invalid input. */
export function parseLocaleFile(file: InputFile): Resources {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textOf(file));
  } catch (cause) {
    throw localeProblem(file, String((cause as Error).message), cause);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw localeProblem(file, Array.isArray(parsed) ? 'a list' : String(parsed));
  }
  return parsed as Resources;
}

function localeProblem(file: InputFile, found: string, cause?: unknown): InvalidInputError {
  const name = shownName(file);
  return new InvalidInputError(
    msg.locales.invalid(name, 1),
    [{ file: name, path: '', ...msg.locales.notJson(found) }],
    { cause },
  );
}

/** Both locale files of a folder, read now (tests and tools; a build takes them from loadInputs). */
export function readLocaleFiles(dir: string = LOCALES_DIR): Record<Locale, InputFile> {
  const read = (locale: Locale) => {
    const file = path.join(dir, `${locale}.json`);
    return inputFile(`locales/${locale}.json`, readFileSync(file), file);
  };
  return Object.fromEntries(LOCALES.map((l) => [l, read(l)])) as Record<Locale, InputFile>;
}

const shared = new Map<Locale, Promise<Translate>>();

/** The project's own strings for a locale, made once per process (charts rendered outside a build). */
export function projectTranslator(locale: Locale): Promise<Translate> {
  let t = shared.get(locale);
  if (!t) {
    t = createTranslator(locale, parseLocaleFile(readLocaleFiles()[locale]));
    shared.set(locale, t);
  }
  return t;
}

/** An i18next `t` for one locale; a missing key throws instead of falling back. */
export async function createTranslator(locale: Locale, resources: Resources): Promise<Translate> {
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
  // (Its answers were remembered by key and values until a same-run A/B of warm rebuilds showed
  // no gain beyond the noise: bench/README.md, "Speed mechanisms".)
  return (key, options) => {
    if (!instance.exists(key, options)) {
      throw new InvalidInputError(msg.locales.missingString(key, locale), [
        { file: `${locale}.json`, path: key, ...msg.locales.missingKey(key) },
      ]);
    }
    return String(t(key, options as never));
  };
}
