/**
 * A long-lived holder of a lease (the preview) keeps printing after its browser died: the lease
 * launches a fresh one on the next use, and closing it leaves no browser behind.
 */
import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { openBrowserLease } from '../../src/pdf/lease.js';
import { pdftotext, readFixture } from '../helpers/poppler.js';

const job = {
  html: readFixture('en.html'),
  locale: 'en' as const,
  title: 'relaunch',
  format: 'A4' as const,
};

function exited(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

test('a killed browser is replaced on the next print; close() ends the new one', async () => {
  const lease = openBrowserLease({ handleSignals: false });
  try {
    const first = await lease.browser();
    const firstPid = first.process()?.pid ?? 0;
    expect(pdftotext((await lease.print(job)).pdf)).toContain('capex');
    const gone = new Promise((resolve) => first.once('disconnected', resolve));
    first.process()?.kill('SIGKILL');
    await gone;
    const printed = await lease.print(job);
    expect(pdftotext(printed.pdf)).toContain('capex');
    const second = await lease.browser();
    expect(second).not.toBe(first);
    expect(second.connected).toBe(true);
    expect(exited(firstPid)).toBe(true);
    const profile = second.process()?.spawnargs.find((a) => a.startsWith('--user-data-dir='));
    await lease.close();
    expect(exited(second.process()?.pid ?? 0)).toBe(true);
    expect(existsSync(profile?.slice('--user-data-dir='.length) ?? '/nonexistent')).toBe(false);
  } finally {
    await lease.close();
  }
});

test('a closed lease relaunches nothing', async () => {
  const lease = openBrowserLease({ handleSignals: false });
  const browser = await lease.browser();
  await lease.close();
  expect(browser.connected).toBe(false);
  expect(await lease.browser()).toBe(browser);
  await expect(lease.print(job)).rejects.toThrow();
});
