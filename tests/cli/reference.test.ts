/** The README's command reference is the one the program's definitions give (`npm run docs`). */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { cliReference, REFERENCE_END, REFERENCE_START } from '../../src/cli/reference.js';

test('the README lists every command, option and exit code as the CLI defines them', () => {
  const readme = readFileSync('README.md', 'utf8');
  const block = readme.slice(
    readme.indexOf(REFERENCE_START),
    readme.indexOf(REFERENCE_END) + REFERENCE_END.length,
  );
  expect(block, 'run `npm run docs`').toBe(cliReference());
});
