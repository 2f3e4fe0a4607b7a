/**
 * Test hooks for the fault tests: with `CAPEX_REPORT_TEST_PAUSE_<POINT>=<file>` set, a process
 * reaching that point writes the file (its pid) and waits until the test removes it, so the test
 * can SIGKILL it at the worst moment. Unset (always, outside the tests) it costs one lookup. Each
 * point pauses once per process.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The points: before the archive's index commit; after the SMTP server accepted a message; the
 * writer's staging folder complete; the previous output set aside and the new one not in place;
 * weekly after its build step and after its archive step.
 */
export type PausePoint =
  | 'BEFORE_INDEX'
  | 'AFTER_ACCEPT'
  | 'WRITE_STAGING'
  | 'WRITE_ASIDE'
  | 'AFTER_BUILD'
  | 'AFTER_ARCHIVE';

const paused = new Set<PausePoint>();

export async function pauseForTest(point: PausePoint): Promise<void> {
  const file = process.env[`CAPEX_REPORT_TEST_PAUSE_${point}`];
  if (!file || paused.has(point)) return;
  paused.add(point);
  await writeFile(file, String(process.pid));
  while (existsSync(file)) await sleep(20);
}
