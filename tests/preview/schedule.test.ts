/** The rebuild schedule: bursts join into one rebuild; changes during a rebuild give exactly one more. */
import { expect, test } from 'vitest';
import { scheduleRebuilds } from '../../src/preview/schedule.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function counted(ms: number) {
  const runs: { start: number; end: number }[] = [];
  let concurrent = 0;
  let most = 0;
  const run = async () => {
    concurrent += 1;
    most = Math.max(most, concurrent);
    const start = performance.now();
    await sleep(ms);
    runs.push({ start, end: performance.now() });
    concurrent -= 1;
  };
  return { run, runs, most: () => most };
}

test('a burst of changes starts one rebuild, after the last change', async () => {
  const build = counted(10);
  const scheduler = scheduleRebuilds(build.run, 30);
  for (let i = 0; i < 10; i++) {
    scheduler.changed();
    await sleep(5);
  }
  await scheduler.idle();
  expect(build.runs.length).toBe(1);
  await scheduler.close();
});

test('changes during a rebuild are followed by exactly one more, never two at once', async () => {
  const build = counted(120);
  const scheduler = scheduleRebuilds(build.run, 5);
  scheduler.changed();
  await sleep(30); // the first rebuild runs now
  for (let i = 0; i < 8; i++) {
    scheduler.changed();
    await sleep(8);
  }
  await scheduler.idle();
  expect(build.runs.length).toBe(2);
  expect(build.most()).toBe(1);
  expect(build.runs[1]?.start).toBeGreaterThanOrEqual(
    build.runs[0]?.end ?? Number.POSITIVE_INFINITY,
  );
  await scheduler.close();
});

test('a failing rebuild does not stop the schedule; close() waits for the running one', async () => {
  let calls = 0;
  const scheduler = scheduleRebuilds(async () => {
    calls += 1;
    await sleep(40);
    if (calls === 1) throw new Error('invalid week');
  }, 5);
  scheduler.changed();
  await scheduler.idle();
  scheduler.changed();
  await sleep(15);
  const closing = scheduler.close();
  scheduler.changed(); // after close: ignored
  await closing;
  await sleep(30);
  expect(calls).toBe(2);
});
