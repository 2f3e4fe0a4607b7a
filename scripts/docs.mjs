// `npm run docs`: writes the command reference into README.md from the CLI's own definitions
// (src/cli/reference.ts, compiled in dist/). tests/cli/reference.test.ts fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { withReference } from '../dist/cli/reference.js';

const readme = new URL('../README.md', import.meta.url);
const before = readFileSync(readme, 'utf8');
const after = withReference(before);
if (after !== before) writeFileSync(readme, after);
process.stdout.write(after === before ? 'README.md: reference up to date\n' : 'README.md: reference written\n');
