/**
 * Parsed week files kept in the cache (kind `weeks`): what parseWeekText makes of a text (the
 * value and the decimals numbers were written with), by a hash of that exact text and of the code
 * and parser that made it. A rebuild of an unchanged week skips loading yaml and parsing; the
 * value is validated every time. Line and column positions are not kept: a week that fails
 * validation is parsed again to find them (see parseWeek).
 *
 * The value is kept in V8's serialization format, which carries what JSON would lose (NaN, ±0,
 * ±Infinity from `.nan`, `-0`, `.inf`); the key holds V8's version for that reason.
 */
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { type Cache, cacheKey, codeKey } from '../cache/index.js';

export interface ParsedWeek {
  data: Record<string, unknown>;
  writtenDecimals: ReadonlyMap<string, number>;
}

const require = createRequire(import.meta.url);

/**
 * The code that turns a text into a ParsedWeek (this folder and io/, where the YAML reader is),
 * yaml's version and V8's; worked out on first use (`validate` and `--no-cache` never need it).
 */
let weekCodeKey: string | undefined;

function keyOf(text: string): string {
  weekCodeKey ??= cacheKey(
    codeKey([new URL('./', import.meta.url), new URL('../io/', import.meta.url)]),
    (require('yaml/package.json') as { version: string }).version,
    process.versions.v8,
  );
  return cacheKey(weekCodeKey, text);
}

/** The parsed week of this exact text, if the cache holds one; undefined otherwise. */
export async function readParsedWeek(cache: Cache, text: string): Promise<ParsedWeek | undefined> {
  const whole = await cache.read('weeks', keyOf(text));
  if (!whole) return undefined;
  try {
    // V8's format keeps the Map as a Map; only its shape is checked here.
    const stored = v8.deserialize(whole) as { data?: unknown; writtenDecimals?: unknown };
    const decimals = stored.writtenDecimals;
    const valid =
      stored.data !== null &&
      typeof stored.data === 'object' &&
      !Array.isArray(stored.data) &&
      decimals instanceof Map &&
      [...decimals].every(([k, v]) => typeof k === 'string' && Number.isInteger(v));
    return valid ? (stored as ParsedWeek) : undefined;
  } catch {
    return undefined; // damaged: the text is parsed again
  }
}

/** Keeps a week parsed from `text`. */
export function writeParsedWeek(cache: Cache, text: string, week: ParsedWeek): void {
  let bytes: Uint8Array;
  try {
    bytes = v8.serialize({ data: week.data, writtenDecimals: week.writtenDecimals });
  } catch {
    return; // a value V8 cannot serialize is simply not kept
  }
  cache.write('weeks', keyOf(text), bytes);
}
