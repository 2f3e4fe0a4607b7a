/** Progress on stderr: plain lines off a terminal, a bar for counts, --quiet and --verbose. */
import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { bar, createProgress } from '../../src/cli/progress.js';
import { msg } from '../../src/messages/index.js';
import { runCli } from '../helpers/cli.js';
import { SAMPLE, tempOut } from '../helpers/sample.js';

function capture(isTTY: boolean) {
  const stream = new PassThrough() as PassThrough & Record<string, unknown>;
  stream.isTTY = isTTY;
  // What ora asks of a terminal, written as escape codes a real one would act on.
  stream.columns = 100;
  stream.cursorTo = (x: number) => stream.write(`\u001b[${x + 1}G`);
  stream.moveCursor = () => true;
  stream.clearLine = () => stream.write('\u001b[2K');
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

test('a bar of ten cells', () => {
  expect(bar(0, 40)).toBe('▱▱▱▱▱▱▱▱▱▱');
  expect(bar(12, 40)).toBe('▰▰▰▱▱▱▱▱▱▱');
  expect(bar(40, 40)).toBe('▰▰▰▰▰▰▰▰▰▰');
  expect(bar(3, 5, 5)).toBe('▰▰▰▱▱');
});

test('off a terminal: one plain line per step, a count line per tenth, no escape codes', async () => {
  const out = capture(false);
  const progress = await createProgress({
    verbosity: 'normal',
    label: 'Sending',
    stream: out.stream,
  });
  progress.step('load', 'data/x.yaml');
  for (let i = 1; i <= 40; i++) progress.count('Sending', i, 40);
  progress.info('done');
  progress.done();
  const lines = out.text().trimEnd().split('\n');
  expect(lines[0]).toBe('  load data/x.yaml');
  expect(lines).toContain(msg.progress.counted('Sending', bar(12, 40), 12, 40));
  expect(lines).toContain(msg.progress.counted('Sending', bar(40, 40), 40, 40));
  // The first count, then one per tenth.
  expect(lines.filter((l) => l.startsWith('Sending')).length).toBe(11);
  expect(out.text()).not.toContain('\u001b[');
});

test('--verbose times every step; --quiet prints nothing', async () => {
  const out = capture(false);
  const verbose = await createProgress({ verbosity: 'verbose', label: 'x', stream: out.stream });
  verbose.step('load');
  verbose.step('validate');
  verbose.done();
  expect(out.text()).toMatch(/^ {2}load \d+ ms\n {2}validate \d+ ms\n$/);
  const silent = capture(false);
  const quiet = await createProgress({ verbosity: 'quiet', label: 'x', stream: silent.stream });
  quiet.step('load');
  quiet.info('line');
  quiet.warn('warning');
  quiet.done();
  expect(silent.text()).toBe('');
});

test('on a terminal: a spinner (ora) with the step, lines printed above it', async () => {
  const out = capture(true);
  const progress = await createProgress({
    verbosity: 'normal',
    label: 'Building 2026-W06',
    stream: out.stream,
    interactive: true,
  });
  progress.step('render');
  progress.info('a line');
  progress.done();
  expect(out.text()).toContain(msg.progress.step('Building 2026-W06', 'render'));
  expect(out.text()).toContain('a line\n');
});

test('build --verbose prints every stage with its time; --quiet prints nothing on stderr', async () => {
  const verbose = await runCli([
    '--verbose',
    'build',
    '--data',
    SAMPLE,
    '--out',
    tempOut(),
    '--html-only',
  ]);
  expect(verbose.code, verbose.stderr).toBe(0);
  for (const stage of ['load', 'validate', 'derive', 'localize', 'chart', 'render', 'assemble']) {
    expect(verbose.stderr).toMatch(new RegExp(`^ {2}${stage} \\d+ ms$`, 'm'));
  }
  const quiet = await runCli([
    'build',
    '--quiet',
    '--data',
    SAMPLE,
    '--out',
    tempOut(),
    '--html-only',
  ]);
  expect(quiet.code).toBe(0);
  expect(quiet.stderr).toBe('');
  expect(quiet.stdout.trim().split('\n').length).toBe(2);
  expect((await runCli(['--quiet', '--verbose', 'config'])).code).toBe(2);
});
