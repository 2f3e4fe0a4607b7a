/** Reading any input file: the week, the config, the client list. */
import type { ProblemText } from '../errors.js';

export const couldNotRead = (what: string, file: string) => `Could not read ${what} (${file})`;
export const couldNotLoad = (what: string, file: string) => `Could not load ${what} (${file})`;
export const couldNotParse = (what: string, file: string) => `Could not parse ${what} (${file})`;

export const unreadable = (found: string): ProblemText => ({
  expected: 'a readable YAML file',
  found,
});
export const emptyFile = (what: string): ProblemText => ({
  expected: `a YAML mapping with the ${what}`,
  found: 'an empty file',
});
export const yamlSyntax = (found: string): ProblemText => ({ expected: 'valid YAML', found });
export const tooManyAliases = (max: number): ProblemText => ({
  expected: `at most ${max} YAML aliases (*name) in the file`,
  found: 'more',
  hint: 'write the values out instead of repeating them through aliases',
});
export const notAMapping = (example: string, found: string): ProblemText => ({
  expected: `a YAML mapping (${example}) at the top level`,
  found,
});
