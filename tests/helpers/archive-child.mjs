// A separate process that archives the BuiltWeek in a folder (see writeBuiltWeekFolder in
// built-week.ts) through the compiled dist/, for the crash and concurrency tests. Prints the
// result, or the error's message and exit code, as one line of JSON.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const [dir, root] = process.argv.slice(2);
const { archiveWeek } = await import(
  new URL('../../dist/archive/archive.js', import.meta.url).href
);

const meta = JSON.parse(await readFile(path.join(dir, 'built.json'), 'utf8'));
const load = async ({ file, ...rest }) => ({
  ...rest,
  bytes: new Uint8Array(await readFile(path.join(dir, file))),
});
const built = {
  ...meta,
  inputs: await Promise.all(meta.inputs.map(load)),
  artifacts: await Promise.all(meta.artifacts.map(load)),
};
try {
  process.stdout.write(`${JSON.stringify(await archiveWeek(built, { root }))}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error.message, exitCode: error.exitCode })}\n`);
  process.exitCode = error.exitCode ?? 4;
}
