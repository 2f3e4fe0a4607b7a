/** The zh-TW locale strings in Traditional Chinese as written in Taiwan (src/data/traditional.ts). */
import { readFileSync } from 'node:fs';
import { checkTraditional } from '../data/traditional.js';
import type { Problem } from '../errors.js';
import { locateProblems, parseYamlFile } from '../io/yaml.js';

/** Problems of the zh-TW file `file`, whose flattened keys are `strings`; located by line. */
export function checkLocaleTraditional(
  file: string,
  strings: ReadonlyMap<string, unknown>,
): Problem[] {
  const texts = [...strings].flatMap(([path, text]) =>
    typeof text === 'string' ? [{ path, text }] : [],
  );
  const issues = checkTraditional(texts);
  if (issues.length === 0) return [];
  // JSON is YAML: its reader gives the line of each key, read only when something is wrong.
  const yaml = parseYamlFile(readFileSync(file, 'utf8'), file, { what: 'locale', example: '{}' });
  return locateProblems(yaml, issues);
}
