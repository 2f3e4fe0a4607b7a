/** The zh-TW locale strings in Traditional Chinese as written in Taiwan (src/data/traditional.ts). */
import { checkTraditional } from '../data/traditional.js';
import type { Problem } from '../errors.js';
import { type InputFile, shownName, textOf } from '../inputs/files.js';
import { locateProblems, parseYamlFile } from '../io/yaml.js';

/** Problems of the zh-TW file, whose flattened keys are `strings`; located by line. */
export function checkLocaleTraditional(
  file: InputFile,
  strings: ReadonlyMap<string, unknown>,
): Problem[] {
  const texts = [...strings].flatMap(([path, text]) =>
    typeof text === 'string' ? [{ path, text }] : [],
  );
  const issues = checkTraditional(texts);
  if (issues.length === 0) return [];
  // JSON is YAML: its reader gives the line of each key, read only when something is wrong.
  const yaml = parseYamlFile(textOf(file), shownName(file), { what: 'locale', example: '{}' });
  return locateProblems(yaml, issues);
}
