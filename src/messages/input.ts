/** Reading any input file: the week, the config, the client list. */
import type { ProblemText } from '../errors.js';

export const couldNotRead = (what: string, file: string) => `Could not read ${what} (${file})`;
export const couldNotLoad = (what: string, file: string) => `Could not load ${what} (${file})`;
export const couldNotParse = (what: string, file: string) => `Could not parse ${what} (${file})`;

/** What a read error's code means, in words. */
export const readFailure = (code: string): string =>
  ({
    ENOENT: 'no such file',
    EISDIR: 'a directory',
    EACCES: 'no permission to read it',
    EPERM: 'no permission to read it',
    EMFILE: 'too many open files',
  })[code] ?? code;

export const unreadable = (kind: string, found: string): ProblemText => ({
  expected: `a readable ${kind} file`,
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

export const incompleteSet = (count: number) =>
  `Could not use these inputs: ${count} file(s) missing`;
export const missingInputs = (names: readonly string[]): ProblemText => ({
  expected: 'every input a build reads',
  found: `no ${names.join(', ')}`,
});
