/**
 * The week file's YAML, parsed: a plain value plus where each data path sits in the file, so that
 * validation can point at the line and column of any problem.
 */
import { type InputFile, shownName, textOf } from '../inputs/files.js';
import { type Position, parseYamlFile } from '../io/yaml.js';

export interface LoadedWeek {
  /** The file as messages name it. */
  file: string;
  /** The parsed value, not yet validated. */
  data: Record<string, unknown>;
  /** Line and column (1-based) of a data path, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[]): Position | undefined;
  /**
   * Decimals a number was written with where YAML would lose them (`2.10` parses as 2.1), by
   * data path (`fundFlows.byCategory[3].figure.value` → 2): the report prints what was written.
   */
  writtenDecimals: ReadonlyMap<string, number>;
}

/** The week file's role in messages. */
export const WEEK_YAML = { what: 'week data', example: 'meta:, sources:, companies:, ...' };

/** Parses the week file. */
export async function parseWeek(input: InputFile): Promise<LoadedWeek> {
  return parseWeekText(textOf(input), shownName(input));
}

export function parseWeekText(text: string, file: string): LoadedWeek {
  const { data, locate, writtenDecimals } = parseYamlFile(text, file, WEEK_YAML);
  return { file, data, locate, writtenDecimals };
}
