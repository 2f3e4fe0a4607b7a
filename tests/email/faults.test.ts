/**
 * Faults on a real SMTP server: a recipient refused for good (5xx) or for now (4xx), the
 * connection dropped mid-batch, dropped after the message data (the answer lost), the server down.
 * Each time: what the log says, what a rerun does, and that nothing arrives twice.
 */
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { openArchive } from '../../src/archive/index.js';
import { type DeliveryRecord, selectDeliveries } from '../../src/email/log.js';
import { isIncomplete } from '../../src/email/results.js';
import { sendWeek } from '../../src/email/send.js';
import { tempDirs } from '../helpers/temp.js';
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
import { type Faults, startSmtpServer, type TestServer } from './smtp-server.js';

const newDir = tempDirs('capex-report-email-faults-');
let template: string;
let servers: TestServer[] = [];

beforeAll(async () => {
  template = (await archiveSample(newDir())).root;
});

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(faults: Faults = {}) {
  const server = await startSmtpServer({ faults });
  servers.push(server);
  return server;
}

async function rowsOf(project: Project): Promise<Map<string, DeliveryRecord>> {
  const archive = await openArchive(project.archive, { create: false });
  try {
    return new Map(selectDeliveries(archive.db, WEEK, 1).map((r) => [r.clientId, r]));
  } finally {
    archive.close();
  }
}

const send = async (project: Project, server: TestServer, extra = {}) =>
  sendWeek({
    config: await configFor(envFor(project, { port: server.port })),
    week: WEEK,
    retry: QUICK_RETRY,
    ...extra,
  });

/** Message-IDs that arrived more than once. */
async function duplicates(server: TestServer): Promise<string[]> {
  const ids = await Promise.all(
    server.arrivals.map(async (a) => (await simpleParser(a.raw)).messageId),
  );
  return ids.filter((id, i) => ids.indexOf(id) !== i) as string[];
}

describe('a recipient refused', () => {
  test('for good (550): that client failed with the reply, the rest sent; a rerun retries only it', async () => {
    const project = newProject(newDir(), template);
    let refuse = true;
    const server = await serve({
      rcpt: (address) =>
        refuse && address === 'en-two@example.com'
          ? { code: 550, text: '5.1.1 <en-two@example.com>: no such user' }
          : undefined,
    });
    const summary = await send(project, server);
    expect(summary.counts).toMatchObject({ sent: 5, failed: 1, unknown: 0 });
    expect(isIncomplete(summary)).toBe(true);
    const failed = summary.results.find((r) => r.client === 'en-two');
    expect(failed).toMatchObject({ outcome: 'failed', reason: 'refused', replyCode: 550 });
    expect(failed?.reply).toContain('no such user');
    expect((await rowsOf(project)).get('en-two')).toMatchObject({
      state: 'failed',
      attempts: 1, // a 5xx is not retried
      lastReplyCode: 550,
    });

    refuse = false;
    const rerun = await send(project, server);
    expect(rerun.counts).toMatchObject({ sent: 1, skipped: 5, failed: 0 });
    expect(
      server.arrivals.map((a) => a.to[0]).filter((to) => to === 'en-two@example.com'),
    ).toHaveLength(1);
    expect(server.arrivals).toHaveLength(6);
    expect((await rowsOf(project)).get('en-two')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  test('for now (451), then accepted on the retry', async () => {
    const project = newProject(newDir(), template);
    const server = await serve({
      rcpt: (address, seen) =>
        address === 'both-one@example.com' && seen === 0
          ? { code: 451, text: '4.7.1 greylisted, try again later' }
          : undefined,
    });
    const summary = await send(project, server);
    expect(summary.counts).toMatchObject({ sent: 6, failed: 0 });
    expect(summary.results.find((r) => r.client === 'both-one')).toMatchObject({
      outcome: 'sent',
      attempts: 2,
      replyCode: 250,
    });
    expect(server.arrivals).toHaveLength(6);
    expect(await duplicates(server)).toEqual([]);
  });

  test('for now on every try: failed once the tries run out', async () => {
    const project = newProject(newDir(), template);
    const server = await serve({
      rcpt: (address) =>
        address === 'zh-one@example.com' ? { code: 452, text: '4.2.2 mailbox full' } : undefined,
    });
    const summary = await send(project, server);
    expect(summary.results.find((r) => r.client === 'zh-one')).toMatchObject({
      outcome: 'failed',
      reason: 'retries-exhausted',
      attempts: QUICK_RETRY.attempts,
      replyCode: 452,
    });
  });
});

describe('the connection dropped', () => {
  test('mid-batch (at a MAIL FROM): every client gets its message once', async () => {
    const project = newProject(newDir(), template);
    const server = await serve({ dropAtMailFrom: (n) => n === 3 || n === 5 });
    const summary = await send(project, server);
    expect(summary.counts).toMatchObject({ sent: 6, failed: 0, unknown: 0 });
    expect(server.arrivals.map((a) => a.to[0]).sort()).toEqual(
      ACTIVE_IDS.map((id) => `${id}@example.com`).sort(),
    );
    expect(await duplicates(server)).toEqual([]);
  });

  test('after the data: unknown; a rerun does not resend; --resend-unknown does, same Message-ID', async () => {
    const project = newProject(newDir(), template);
    let drop = true;
    const server = await serve({
      afterData: (arrival) => (drop && arrival.to[0] === 'en-one@example.com' ? 'drop' : undefined),
    });
    const summary = await send(project, server);
    expect(summary.counts).toMatchObject({ sent: 5, unknown: 1, failed: 0 });
    expect(summary.results.find((r) => r.client === 'en-one')).toMatchObject({
      outcome: 'unknown',
      reason: 'answer-lost',
      replyCode: null,
    });
    expect((await rowsOf(project)).get('en-one')?.state).toBe('unknown');
    expect(server.arrivals).toHaveLength(6); // it did arrive: the answer was what got lost

    drop = false;
    const rerun = await send(project, server);
    expect(rerun.counts).toMatchObject({ sent: 0, unknown: 1, skipped: 5 });
    expect(rerun.results.find((r) => r.client === 'en-one')?.reason).toBe('earlier-run');
    expect(server.arrivals).toHaveLength(6);
    expect(isIncomplete(rerun)).toBe(true);

    const resend = await send(project, server, { resendUnknown: true });
    expect(resend.counts).toMatchObject({ sent: 1, skipped: 5, unknown: 0 });
    const enOne = server.arrivals.filter((a) => a.to[0] === 'en-one@example.com');
    expect(enOne).toHaveLength(2);
    const [first, second] = await Promise.all(enOne.map((a) => simpleParser(a.raw)));
    expect(second?.messageId).toBe(first?.messageId);
    expect((await rowsOf(project)).get('en-one')).toMatchObject({ state: 'sent', attempts: 2 });
  });
});

describe('the server down', () => {
  test('nothing sent, nothing marked sent; the next run with the server up sends to all', async () => {
    const project = newProject(newDir(), template);
    const gone = await startSmtpServer();
    const port = gone.port;
    await gone.close(); // nothing listens on this port now
    const down = await sendWeek({
      config: await configFor(envFor(project, { port })),
      week: WEEK,
      retry: QUICK_RETRY,
    });
    expect(down.counts).toMatchObject({ sent: 0, unknown: 0, failed: 6 });
    expect(down.results.some((r) => r.reason === 'server-unreachable')).toBe(true);
    expect(
      down.results.every((r) => r.reason === 'server-unreachable' || r.reason === 'not-attempted'),
    ).toBe(true);
    expect(down.results.find((r) => r.reason === 'server-unreachable')?.reply).toMatch(
      /ECONNREFUSED|connect/i,
    );
    const rows = await rowsOf(project);
    expect([...rows.values()].every((r) => r.state === 'pending' || r.state === 'failed')).toBe(
      true,
    );

    const server = await serve();
    const up = await send(project, server);
    expect(up.counts).toMatchObject({ sent: 6, failed: 0 });
    expect(server.arrivals).toHaveLength(6);
  });
});
