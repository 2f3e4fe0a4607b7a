/**
 * Stage 1, load: read a week's YAML file into a plain value, keeping the parsed document so that
 * later stages can point at the line and column of any data path.
 */
import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../errors.js';
import { parseYamlFile } from '../io/yaml.js';
import { readParsedWeek, writeParsedWeek } from './week-cache.js';

/** How the weeks were loaded since the process started (tests check which path ran). */
const stats = { parsed: 0, fromCache: 0 };
export function loadStats(): { parsed: number; fromCache: number } {
  return { ...stats };
}

export interface LoadedWeek {
  file: string;
  /** The parsed value, not yet validated. */
  data: unknown;
  /** Line and column (1-based) of a data path, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
  /**
   * Decimals a number was written with where YAML would lose them (`2.10` parses as 2.1), by
   * data path (`fundFlows.byCategory[3].figure.value` → 2): the report prints what was written.
   */
  writtenDecimals: ReadonlyMap<string, number>;
}

export interface LoadOptions {
  /** Keep the parsed week here, and take it from here when the text is unchanged. */
  cacheDir?: string | undefined;
}

export async function loadWeek(file: string, options: LoadOptions = {}): Promise<LoadedWeek> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const found =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : String(code);
    throw new InvalidInputError(
      `Could not read week data (${file})`,
      [{ file, path: '', expected: 'a readable YAML file', found }],
      { cause },
    );
  }
  const { cacheDir } = options;
  const cached = cacheDir ? await readParsedWeek(cacheDir, text) : undefined;
  if (cached) {
    stats.fromCache += 1;
    // Positions only matter for a week that fails validation: it is parsed again for them.
    let parsed: LoadedWeek | undefined;
    const locate: LoadedWeek['locate'] = (path) => {
      parsed ??= parseWeekText(text, file);
      return parsed.locate(path);
    };
    return { file, ...cached, locate };
  }
  const loaded = parseWeekText(text, file);
  if (cacheDir) await writeParsedWeek(cacheDir, text, loaded);
  return loaded;
}

/** The week file's role in messages. */
export const WEEK_YAML = { what: 'week data', example: 'meta:, sources:, companies:, ...' };

export function parseWeekText(text: string, file: string): LoadedWeek {
  stats.parsed += 1;
  const { data, locate, writtenDecimals } = parseYamlFile(text, file, WEEK_YAML);
  return { file, data, locate, writtenDecimals };
}
