/**
 * The other ways a send runs: --dry-run (.eml files, nothing sent), --test (one message per
 * language, nothing recorded), a correction (v2 to who had v1, or --all), no SMTP server
 * configured, a week whose title would inject a header, DKIM signing.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { archiveWeek, openArchive } from '../../src/archive/index.js';
import type { BuiltWeek } from '../../src/archive/types.js';
import { selectDeliveries } from '../../src/email/log.js';
import { sendWeek } from '../../src/email/send.js';
import { EnvironmentError, InvalidInputError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { CORRECTION, varyBuiltWeek } from '../helpers/built-week.js';
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
import { startSmtpServer, type TestServer } from './smtp-server.js';

const newDir = tempDirs('capex-report-email-modes-');
let template: string;
let v1: BuiltWeek;
let servers: TestServer[] = [];

beforeAll(async () => {
  ({ root: template, v1 } = await archiveSample(newDir()));
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

async function rowsOf(project: Project, version = 1) {
  const archive = await openArchive(project.archive, { create: false });
  try {
    return selectDeliveries(archive.db, WEEK, version);
  } finally {
    archive.close();
  }
}

const outboxOf = (project: Project) => path.join(project.output, WEEK, 'outbox');
const NOW = new Date('2026-02-06T10:30:00Z');

describe('--dry-run', () => {
  test('writes one .eml per client under <output>/<week>/outbox/, sends and records nothing', async () => {
    const project = newProject(newDir(), template);
    const server = await serve();
    const config = await configFor(envFor(project, { port: server.port }));
    const summary = await sendWeek({ config, week: WEEK, dryRun: true });
    expect(summary.mode).toBe('dry-run');
    expect(summary.counts).toMatchObject({ written: 6, sent: 0 });
    const files = readdirSync(outboxOf(project)).sort();
    expect(files).toEqual(ACTIVE_IDS.map((id) => `${WEEK}.v1.${id}.eml`).sort());
    expect(server.arrivals).toEqual([]);
    expect(await rowsOf(project)).toEqual([]);
    const mail = await simpleParser(
      readFileSync(path.join(outboxOf(project), `${WEEK}.v1.zh-one.eml`)),
    );
    expect(mail.subject).toBe('AI 資本支出與回報週報｜2026 年第 6 週');
    expect(mail.attachments[0]?.filename).toBe('AI資本支出週報-2026-W06.pdf');
  });

  test('needs no SMTP server, and its .eml holds the very bytes a real send then delivers', async () => {
    const project = newProject(newDir(), template);
    const offline = await configFor(envFor(project));
    expect(offline.smtp.host).toBeUndefined();
    await sendWeek({
      config: offline,
      week: WEEK,
      dryRun: true,
      only: ['both-one'],
      now: () => NOW,
    });
    const eml = readFileSync(path.join(outboxOf(project), `${WEEK}.v1.both-one.eml`));

    const server = await serve();
    const config = await configFor(envFor(project, { port: server.port }));
    await sendWeek({ config, week: WEEK, only: ['both-one'], now: () => NOW, retry: QUICK_RETRY });
    expect(server.arrivals).toHaveLength(1);
    expect(server.arrivals[0]?.raw.equals(eml)).toBe(true);
  });
});

describe('--test ADDRESS', () => {
  test('one message per language to that address, marked as a test, new Message-IDs, nothing recorded', async () => {
    const project = newProject(newDir(), template);
    const server = await serve();
    const config = await configFor(envFor(project, { port: server.port }));
    const summary = await sendWeek({ config, week: WEEK, test: 'analyst@example.com' });
    expect(summary.mode).toBe('test');
    expect(summary.results.map((r) => [r.language, r.outcome])).toEqual([
      ['zh-TW', 'sent'],
      ['en', 'sent'],
      ['both', 'sent'],
    ]);
    expect(server.arrivals.map((a) => a.to)).toEqual([
      ['analyst@example.com'],
      ['analyst@example.com'],
      ['analyst@example.com'],
    ]);
    const mails = await Promise.all(server.arrivals.map((a) => simpleParser(a.raw)));
    expect(mails.map((m) => m.subject)).toEqual([
      '【測試】AI 資本支出與回報週報｜2026 年第 6 週',
      '[Test] AI Capex vs Returns Weekly · Week 6, 2026',
      '【測試】AI 資本支出與回報週報｜2026 年第 6 週 / [Test] AI Capex vs Returns Weekly · Week 6, 2026',
    ]);
    expect(mails.every((m) => /^<2026-W06\.v1\.test-/.test(m.messageId ?? ''))).toBe(true);
    expect(await rowsOf(project)).toEqual([]);
    // The real send afterwards is not affected (no row, other Message-IDs).
    const real = await sendWeek({ config, week: WEEK, only: ['en-one'], retry: QUICK_RETRY });
    expect(real.counts.sent).toBe(1);
    expect(real.results[0]?.messageId).not.toBe(mails[1]?.messageId);
  });

  test('an address that is not one is a usage error', async () => {
    const project = newProject(newDir(), template);
    const config = await configFor(envFor(project, { port: 25 }));
    await expect(sendWeek({ config, week: WEEK, test: 'not an address' })).rejects.toThrow(
      msg.email.badTestAddress('not an address'),
    );
  });
});

describe('a correction (v2)', () => {
  test('goes to the clients who received v1, saying what was corrected; --all to the rest', async () => {
    const project = newProject(newDir(), template);
    const server = await serve();
    const config = await configFor(envFor(project, { port: server.port }));
    const first = ['zh-one', 'en-one', 'both-one'];
    await sendWeek({ config, week: WEEK, only: first, retry: QUICK_RETRY });
    const v2 = varyBuiltWeek(v1, { tag: 'corrected', edition: 2, correction: CORRECTION });
    expect(await archiveWeek(v2, { root: project.archive })).toMatchObject({ version: 2 });

    const summary = await sendWeek({ config, week: WEEK, retry: QUICK_RETRY });
    expect(summary).toMatchObject({ version: 2, edition: 2 });
    expect(summary.results.filter((r) => r.outcome === 'sent').map((r) => r.client)).toEqual(first);
    expect(
      summary.results.filter((r) => r.outcome === 'skipped').map((r) => [r.client, r.reason]),
    ).toEqual(['zh-two', 'en-two', 'both-two'].map((id) => [id, 'not-an-earlier-recipient']));
    const arrived = server.arrivals.slice(3);
    const mails = new Map(
      await Promise.all(arrived.map(async (a) => [a.to[0], await simpleParser(a.raw)] as const)),
    );
    const en = mails.get('en-one@example.com');
    expect(en?.subject).toBe(
      `Correction, edition 2: AI Capex vs Returns Weekly · Week 6, 2026: ${CORRECTION.en}`,
    );
    expect(en?.text?.split('\n')[0]).toBe(`Correction (edition 2): ${CORRECTION.en}`);
    expect(en?.attachments[0]?.filename).toBe('AI-capex-weekly-2026-W06-edition-2.pdf');
    expect(en?.messageId).toMatch(/^<2026-W06\.v2\.en-one\./);
    const zh = mails.get('zh-one@example.com');
    expect(zh?.subject).toBe(
      `【更正・第 2 版】AI 資本支出與回報週報｜2026 年第 6 週：${CORRECTION['zh-TW']}`,
    );
    expect(zh?.text?.split('\n')[0]).toBe(`更正（第 2 版）：${CORRECTION['zh-TW']}`);
    expect(zh?.attachments[0]?.filename).toBe('AI資本支出週報-2026-W06-第2版.pdf');
    const both = mails.get('both-one@example.com');
    expect(both?.text?.split('\n').slice(0, 4)).toEqual([
      `更正（第 2 版）：${CORRECTION['zh-TW']}`,
      '本版取代先前寄出的版本，請以附件報告為準。',
      '',
      `Correction (edition 2): ${CORRECTION.en}`,
    ]);

    const all = await sendWeek({ config, week: WEEK, all: true, retry: QUICK_RETRY });
    expect(all.results.filter((r) => r.outcome === 'sent').map((r) => r.client)).toEqual([
      'zh-two',
      'en-two',
      'both-two',
    ]);
    expect(server.arrivals).toHaveLength(3 + 3 + 3);
    expect((await rowsOf(project, 2)).every((r) => r.state === 'sent')).toBe(true);
  });
});

describe('refusals before anything is sent', () => {
  test('no SMTP server configured: exit 3, saying which settings and variables configure one', async () => {
    const project = newProject(newDir(), template);
    const config = await configFor(envFor(project));
    const error = await sendWeek({ config, week: WEEK }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).exitCode).toBe(3);
    expect((error as Error).message).toBe(msg.email.noSmtp('CAPEX_REPORT_SMTP_PASSWORD'));
    for (const key of [
      'smtp:',
      'host:',
      'CAPEX_REPORT_SMTP_HOST',
      'CAPEX_REPORT_SMTP_PASSWORD',
      '--dry-run',
    ]) {
      expect((error as Error).message).toContain(key);
    }
  });

  test('a week not archived is refused, saying to archive it', async () => {
    const project = newProject(newDir(), template);
    const config = await configFor(envFor(project, { port: 25 }));
    await expect(sendWeek({ config, week: '2026-W07' })).rejects.toThrow(
      msg.archive.weekNotArchived('2026-W07', project.archive),
    );
    const error = await sendWeek({ config, week: '2026-W07' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems[0]?.hint).toContain('capex-report archive');
  });

  test('a title with CR/LF (a subject that would inject a header) is refused, located', async () => {
    const dir = newDir();
    const edited = withWeekText(v1, (text) =>
      text.replace(
        'en: "AI Capex vs Returns Weekly"',
        'en: "AI Capex vs Returns Weekly\\r\\nBcc: victim@example.net"',
      ),
    );
    const root = path.join(dir, 'archive');
    await archiveWeek(edited, { root });
    const server = await serve();
    const project = {
      dir,
      archive: root,
      output: path.join(dir, 'out'),
      clients: path.join(dir, 'c.yaml'),
    };
    writeFileSync(
      project.clients,
      'clients:\n  - id: a\n    name: A\n    email: a@example.com\n    language: en\n',
    );
    const config = await configFor(envFor(project, { port: server.port }));
    const error = await sendWeek({ config, week: WEEK }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems).toEqual([
      expect.objectContaining({
        file: `${WEEK} v1 data/${WEEK}.yaml`,
        path: 'meta.title.en',
        line: 12,
      }),
    ]);
    expect(server.arrivals).toEqual([]);
    expect(existsSync(path.join(project.output, WEEK, 'outbox'))).toBe(false);
  });
});

describe('DKIM', () => {
  test('a configured key signs every message; the body hash verifies', async () => {
    const project = newProject(newDir(), template);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const keyFile = path.join(project.dir, 'dkim.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const server = await serve();
    const base = await configFor(envFor(project, { port: server.port }));
    const config = {
      ...base,
      smtp: { ...base.smtp, dkim: { domain: 'example.com', selector: 'reports', keyFile } },
    };
    await sendWeek({ config, week: WEEK, only: ['en-one'], retry: QUICK_RETRY });
    const raw = server.arrivals[0]?.raw.toString('latin1') ?? '';
    const signature = /^DKIM-Signature: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
    expect(signature).toMatch(/d=example\.com;/);
    expect(signature).toMatch(/s=reports;/);
    const bh = /bh=([^;]+);/.exec(signature.replace(/\s+/g, ''))?.[1];
    expect(bh).toBe(relaxedBodyHash(raw.slice(raw.indexOf('\r\n\r\n') + 4)));
  });
});

/** RFC 6376 §3.4.4 relaxed body canonicalization, SHA-256, base64. */
function relaxedBodyHash(body: string): string {
  const lines = body.split('\r\n').map((line) => line.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const canonical = lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
  return createHash('sha256').update(canonical, 'latin1').digest('base64');
}

function withWeekText(built: BuiltWeek, edit: (text: string) => string): BuiltWeek {
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const inputs = built.inputs.map((f) => {
    if (!f.name.startsWith('data/')) return f;
    const bytes = new TextEncoder().encode(edit(new TextDecoder().decode(f.bytes)));
    return { name: f.name, bytes, sha256: sha(bytes) };
  });
  return {
    ...built,
    inputs,
    inputsHash: sha(new TextEncoder().encode(inputs.map((f) => f.sha256).join())),
  };
}
