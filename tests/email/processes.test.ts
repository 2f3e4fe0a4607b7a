/**
 * `send` as real processes (the compiled dist/: run `npm run build` first): killed with SIGKILL at
 * its worst moment (the server accepted a message, its row not yet updated), two at once, and the
 * exit code and message without an SMTP server.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { openArchive } from '../../src/archive/index.js';
import { selectDeliveries } from '../../src/email/log.js';
import { sendWeek } from '../../src/email/send.js';
import { msg } from '../../src/messages/index.js';
import { tempDirs } from '../helpers/temp.js';
import { assertDistCurrent, startSendChild, waitForFile } from './child.js';
import {
  ACTIVE_IDS,
  archiveSample,
  configFor,
  envFor,
  newProject,
  type Project,
  QUICK_RETRY,
  WEEK,
} from './fixture.js';
import { startSmtpServer, type TestServer } from './smtp-server.js';

// Real processes, several per test, on a machine that may be busy.
vi.setConfig({ testTimeout: 300_000 });

const newDir = tempDirs('capex-report-email-processes-');
let template: string;
let servers: TestServer[] = [];

beforeAll(async () => {
  assertDistCurrent();
  template = (await archiveSample(newDir())).root;
});

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve() {
  const server = await startSmtpServer();
  servers.push(server);
  return server;
}

async function statesOf(project: Project) {
  const archive = await openArchive(project.archive, { create: false });
  try {
    return Object.fromEntries(
      selectDeliveries(archive.db, WEEK, 1).map((r) => [r.clientId, r.state]),
    );
  } finally {
    archive.close();
  }
}

async function messageIds(server: TestServer) {
  return Promise.all(server.arrivals.map(async (a) => (await simpleParser(a.raw)).messageId));
}

const PAUSE_ENV = 'CAPEX_REPORT_TEST_PAUSE_AFTER_ACCEPT';

/** One message at a time, so the kill catches exactly one message between the server and the log. */
function oneAtATime(project: Project): Record<string, string> {
  const file = path.join(project.dir, 'one-at-a-time.config.yaml');
  writeFileSync(
    file,
    [
      'sender:',
      '  from: { name: Test Desk, address: desk@example.com }',
      'smtp:',
      '  pool: { maxConnections: 1, concurrency: 1, rateLimit: 1000 }',
      '',
    ].join('\n'),
  );
  return { CAPEX_REPORT_CONFIG: file };
}

describe('a send killed after the server accepted a message, before its row was updated', () => {
  test('the rerun sends nothing twice: that client is unknown, the others get theirs once', async () => {
    const project = newProject(newDir(), template);
    const server = await serve();
    const env = { ...envFor(project, { port: server.port }), ...oneAtATime(project) };
    const pause = path.join(newDir(), 'pause');
    const child = startSendChild({ week: WEEK }, { ...env, [PAUSE_ENV]: pause });
    await waitForFile(pause, child);
    // The worst moment: the message is at the server, the log still says `sending`.
    expect(server.arrivals).toHaveLength(1);
    const states = await statesOf(project);
    expect(Object.values(states).filter((s) => s === 'sending')).toHaveLength(1);
    const killed = Object.entries(states).find(([, s]) => s === 'sending')?.[0] as string;
    expect(server.arrivals[0]?.to[0]).toBe(`${killed}@example.com`);
    child.process.kill('SIGKILL');
    expect((await child.done).signal).toBe('SIGKILL');

    // The rerun at once (the dead process's lease is not waited for).
    const rerun = await startSendChild({ week: WEEK, json: true }, env).done;
    expect(rerun.code).toBe(1); // one client is unknown
    expect(rerun.stderr).toContain(
      msg.cli.failed(msg.email.notAllDelivered(WEEK, 1, { failed: 0, unknown: 1 })),
    );
    const summary = JSON.parse(rerun.stdout);
    expect(summary.counts).toMatchObject({ sent: 5, unknown: 1, failed: 0 });
    expect(summary.results.find((r: { client: string }) => r.client === killed)).toMatchObject({
      outcome: 'unknown',
      reason: 'earlier-run',
      state: 'unknown',
    });
    const ids = await messageIds(server);
    expect(new Set(ids).size).toBe(ids.length); // nothing arrived twice
    expect(server.arrivals.map((a) => a.to[0]).sort()).toEqual(
      ACTIVE_IDS.map((id) => `${id}@example.com`).sort(),
    );
    expect((await statesOf(project))[killed]).toBe('unknown');
  });

  test('with messages in flight on several connections, each of them is unknown, never resent', async () => {
    const project = newProject(newDir(), template);
    const server = await serve();
    const env = envFor(project, { port: server.port }); // the sample's pool: 5 at once
    const pause = path.join(newDir(), 'pause');
    const child = startSendChild({ week: WEEK }, { ...env, [PAUSE_ENV]: pause });
    await waitForFile(pause, child);
    const inFlight = Object.entries(await statesOf(project))
      .filter(([, s]) => s === 'sending')
      .map(([id]) => id);
    child.process.kill('SIGKILL');
    await child.done;
    const arrivedAtKill = new Set(server.arrivals.map((a) => a.to[0]));

    const rerun = JSON.parse((await startSendChild({ week: WEEK, json: true }, env).done).stdout);
    for (const id of inFlight) {
      expect(rerun.results.find((r: { client: string }) => r.client === id)?.outcome).toBe(
        'unknown',
      );
    }
    const ids = await messageIds(server);
    expect(new Set(ids).size).toBe(ids.length);
    // Everyone not in flight at the kill got theirs (once); the in-flight ones only if they had arrived.
    for (const id of ACTIVE_IDS) {
      const count = server.arrivals.filter((a) => a.to[0] === `${id}@example.com`).length;
      expect(count).toBe(inFlight.includes(id) && !arrivedAtKill.has(`${id}@example.com`) ? 0 : 1);
    }
  });
});

describe('a send interrupted (Ctrl-C) with a message in flight', () => {
  test('exits 130 once that message is recorded; the rest stay pending and the rerun sends them', async () => {
    const project = newProject(newDir(), template);
    const server = await serve();
    const env = { ...envFor(project, { port: server.port }), ...oneAtATime(project) };
    const pause = path.join(newDir(), 'pause');
    const child = startSendChild({ week: WEEK }, { ...env, [PAUSE_ENV]: pause });
    await waitForFile(pause, child);
    child.process.kill('SIGINT');
    await sleep(200); // the signal is handled while the message waits for its row
    unlinkSync(pause);
    const { code, stderr } = await child.done;
    expect(code).toBe(130);
    expect(stderr).toContain(msg.cli.failed(msg.email.interrupted(WEEK)));
    const states = Object.values(await statesOf(project));
    expect(states.filter((s) => s === 'sent')).toHaveLength(1);
    expect(states.filter((s) => s === 'pending')).toHaveLength(5);
    const rerun = await sendWeek({ config: await configFor(env), week: WEEK, retry: QUICK_RETRY });
    expect(rerun.counts).toMatchObject({ sent: 5, skipped: 1 });
    const ids = await messageIds(server);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });
});

describe('two sends at once', () => {
  test('while one holds the week, the other is refused and sends nothing', async () => {
    const project = newProject(newDir(), template);
    const server = await serve();
    const env = envFor(project, { port: server.port });
    const pause = path.join(newDir(), 'pause');
    const first = startSendChild({ week: WEEK }, { ...env, [PAUSE_ENV]: pause });
    await waitForFile(pause, first);
    const second = await startSendChild({ week: WEEK }, env).done;
    expect(second.code).toBe(4);
    expect(second.stderr).toContain('Another send of 2026-W06 is running');
    unlinkSync(pause);
    expect((await first.done).code).toBe(0);
    const ids = await messageIds(server);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  test('started together: every client gets its message once', async () => {
    const project = newProject(newDir(), template);
    const server = await serve();
    const env = envFor(project, { port: server.port });
    const results = await Promise.all(
      [0, 1, 2].map(() => startSendChild({ week: WEEK, json: true }, env).done),
    );
    // Each run either sent (or skipped what was sent), or was refused while another held the week.
    for (const r of results) {
      expect(r.code === 0 || (r.code === 4 && r.stderr.includes('Another send'))).toBe(true);
    }
    expect(results.some((r) => r.code === 0)).toBe(true);
    const ids = await messageIds(server);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    const again = await sendWeek({
      config: await configFor(env),
      week: WEEK,
      retry: QUICK_RETRY,
    });
    expect(again.counts).toMatchObject({ sent: 0, skipped: 6 });
  });
});

describe('the command without an SMTP server', () => {
  test('exits 3 and says how to configure one; --dry-run works', async () => {
    const project = newProject(newDir(), template);
    const env = envFor(project);
    const { code, stderr } = await startSendChild({ week: WEEK }, env).done;
    expect(code).toBe(3);
    expect(stderr).toContain(
      msg.cli.failed(msg.email.noSmtp('CAPEX_REPORT_SMTP_PASSWORD').split('\n')[0] ?? ''),
    );
    expect(stderr).toContain('CAPEX_REPORT_SMTP_HOST');
    const dry = await startSendChild({ week: WEEK, dryRun: true }, env).done;
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      msg.email.dryRunTitle(WEEK, 1, 6, path.join(project.output, WEEK, 'outbox')),
    );
  });
});
