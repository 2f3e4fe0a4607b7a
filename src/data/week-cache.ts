/**
 * Parsed week files kept between processes: what parseWeekText makes of a text (the value and
 * the decimals numbers were written with), by a hash of that exact text and of the code and
 * parser that made it. A rebuild of an unchanged week (after a template change, or a preview
 * rebuilt) skips loading yaml and parsing (~150 ms of a cold build); validation still runs on
 * the value every time. The file's line and column positions are not kept: a week that fails
 * validation is parsed again to find them (see loadWeek).
 *
 * The value is kept in V8's serialization format, which carries what JSON would lose (NaN, ±0,
 * ±Infinity from `.nan`, `-0`, `.inf`); the key holds V8's version for that reason.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { readCheckedCacheFile, writeCheckedCacheFile } from '../io/cache-file.js';
import { codeKey } from '../io/code-key.js';

export interface ParsedWeek {
  data: unknown;
  writtenDecimals: ReadonlyMap<string, number>;
}

const require = createRequire(import.meta.url);

/**
 * The code that turns a text into a ParsedWeek (this folder: load, paths and this module, with
 * the schema and rules beside them, which only makes the key change more often), yaml's version
 * and V8's.
 */
let weekCodeKey: string | undefined;

/** Worked out on first use: `validate` and `--no-cache` builds never read the folder. */
function entryFile(cacheDir: string, text: string): string {
  weekCodeKey ??= [
    codeKey([new URL('./', import.meta.url)]),
    `yaml@${(require('yaml/package.json') as { version: string }).version}`,
    process.versions.v8,
  ].join('\u0000');
  const key = createHash('sha256').update(weekCodeKey).update('\u0000').update(text).digest('hex');
  return path.join(cacheDir, 'weeks', `${key}.v8`);
}

/** The parsed week of this exact text, if the cache holds one; undefined otherwise. */
export async function readParsedWeek(
  cacheDir: string,
  text: string,
): Promise<ParsedWeek | undefined> {
  try {
    const whole = await readCheckedCacheFile(entryFile(cacheDir, text));
    if (!whole) return undefined;
    // V8's format keeps the Map as a Map; only its shape is checked here.
    const stored = v8.deserialize(whole) as { data?: unknown; writtenDecimals?: unknown };
    const decimals = stored.writtenDecimals;
    const valid =
      stored.data !== null &&
      typeof stored.data === 'object' &&
      decimals instanceof Map &&
      [...decimals].every(([k, v]) => typeof k === 'string' && Number.isInteger(v));
    return valid ? (stored as ParsedWeek) : undefined;
  } catch {
    return undefined; // none yet, or damaged: the text is parsed again
  }
}

/** Keeps a week parsed from `text` (never throws: a cache that cannot be written costs time). */
export async function writeParsedWeek(
  cacheDir: string,
  text: string,
  week: ParsedWeek,
): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = v8.serialize({ data: week.data, writtenDecimals: week.writtenDecimals });
  } catch {
    return; // a value V8 cannot serialize is simply not kept
  }
  await writeCheckedCacheFile(entryFile(cacheDir, text), bytes);
}
