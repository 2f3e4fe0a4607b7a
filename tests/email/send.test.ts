/**
 * A real send of the archived sample week to six clients over a real SMTP server on loopback:
 * what arrives, parsed with mailparser, against the archive and the delivery log.
 */
import { createHash } from 'node:crypto';
import { type ParsedMail, simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { openArchive } from '../../src/archive/index.js';
import { runDeliveries } from '../../src/cli/deliveries.js';
import { runSend } from '../../src/cli/send.js';
import { buildContent } from '../../src/email/content.js';
import { CSV_COLUMNS, listDeliveries } from '../../src/email/deliveries.js';
import { type Edition, readEdition } from '../../src/email/edition.js';
import { selectDeliveries } from '../../src/email/log.js';
import { sendWeek } from '../../src/email/send.js';
import { DeliveryError } from '../../src/errors.js';
import { projectTranslator } from '../../src/i18n/index.js';
import { msg } from '../../src/messages/index.js';
import { pdftotext, pdftotextRaw } from '../helpers/poppler.js';
import { tempDirs } from '../helpers/temp.js';
import {
  ACTIVE_IDS,
  archiveSample,
  configFor,
  envFor,
  newProject,
  QUICK_RETRY,
  WEEK,
} from './fixture.js';
import { startSmtpServer, type TestServer } from './smtp-server.js';

const newDir = tempDirs('capex-report-email-send-');
let template: string;
let pdfs: Record<'zh-TW' | 'en', Buffer>;
let servers: TestServer[] = [];

beforeAll(async () => {
  const { root, v1 } = await archiveSample(newDir());
  template = root;
  const pdf = (name: string) =>
    Buffer.from(v1.artifacts.find((a) => a.name === name)?.bytes ?? new Uint8Array());
  pdfs = { 'zh-TW': pdf('report.zh-TW.pdf'), en: pdf('report.en.pdf') };
});

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function setup() {
  const server = await startSmtpServer();
  servers.push(server);
  const project = newProject(newDir(), template);
  const config = await configFor(envFor(project, { port: server.port }));
  return { server, project, config };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const byRecipient = async (server: TestServer) => {
  const parsed = new Map<string, ParsedMail>();
  for (const a of server.arrivals) parsed.set(a.to[0] ?? '', await simpleParser(a.raw));
  return parsed;
};

describe('sending v1 to six clients', () => {
  test('each active client gets one message in its language, with the PDFs byte for byte', async () => {
    const { server, config } = await setup();
    const summary = await sendWeek({ config, week: WEEK, retry: QUICK_RETRY });
    expect(summary.counts).toEqual({ sent: 6, failed: 0, unknown: 0, skipped: 0, written: 0 });
    expect(server.arrivals).toHaveLength(6);
    const mails = await byRecipient(server);
    expect([...mails.keys()].sort()).toEqual(ACTIVE_IDS.map((id) => `${id}@example.com`).sort());

    const zh = mails.get('zh-one@example.com') as ParsedMail;
    expect(zh.subject).toBe('AI 資本支出與回報週報｜2026 年第 6 週');
    expect(zh.text).toContain('本週重點');
    expect(zh.text).not.toContain('Key points');
    expect(zh.html).toContain('本週重點');
    expect(zh.attachments.map((a) => a.filename)).toEqual(['AI資本支出週報-2026-W06.pdf']);
    expect(sha(zh.attachments[0]?.content ?? Buffer.alloc(0))).toBe(sha(pdfs['zh-TW']));

    const en = mails.get('en-one@example.com') as ParsedMail;
    expect(en.subject).toBe('AI Capex vs Returns Weekly · Week 6, 2026');
    expect(en.text).toContain('Key points');
    expect(en.text).not.toMatch(/\p{Script=Han}{3}/u);
    expect(en.attachments.map((a) => a.filename)).toEqual(['AI-capex-weekly-2026-W06.pdf']);
    expect(sha(en.attachments[0]?.content ?? Buffer.alloc(0))).toBe(sha(pdfs.en));

    const both = mails.get('both-one@example.com') as ParsedMail;
    expect(both.subject).toBe(`${zh.subject} / ${en.subject}`);
    expect(both.text).toContain('本週重點');
    expect(both.text).toContain('Key points');
    expect(both.attachments.map((a) => [a.filename, sha(a.content)])).toEqual([
      ['AI資本支出週報-2026-W06.pdf', sha(pdfs['zh-TW'])],
      ['AI-capex-weekly-2026-W06.pdf', sha(pdfs.en)],
    ]);
  });

  test('headers: From and Reply-To from the config, Date, List-Unsubscribe, a stable Message-ID', async () => {
    const { server, config } = await setup();
    const before = Date.now();
    await sendWeek({ config, week: WEEK, retry: QUICK_RETRY });
    const mails = await byRecipient(server);
    const zh = mails.get('zh-two@example.com') as ParsedMail;
    expect(zh.from?.value).toEqual([
      { address: 'research@example.com', name: '範例峰投顧研究部（範例）' },
    ]);
    expect(mails.get('en-one@example.com')?.from?.value[0]?.name).toBe(
      'Example Peak Research (sample)',
    );
    expect(zh.replyTo?.value[0]?.address).toBe('desk@example.com');
    expect(zh.to && !Array.isArray(zh.to) ? zh.to.value : []).toEqual([
      { address: 'zh-two@example.com', name: '台北二號證券（測試）' },
    ]);
    expect(zh.cc && !Array.isArray(zh.cc) ? zh.cc.value.map((v) => v.address) : []).toEqual([
      'zh-two.cc@example.com',
    ]);
    // The cc gets the same message: one arrival, two envelope recipients.
    expect(server.arrivals.find((a) => a.to[0] === 'zh-two@example.com')?.to).toEqual([
      'zh-two@example.com',
      'zh-two.cc@example.com',
    ]);
    expect(zh.date?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const line = (mail: ParsedMail, key: string) =>
      mail.headerLines.find((h) => h.key === key)?.line;
    expect(line(zh, 'list-unsubscribe')).toBe('List-Unsubscribe: <mailto:unsubscribe@example.com>');
    expect(line(zh, 'list-unsubscribe-post')).toBeUndefined(); // one-click is for https only
    expect(zh.messageId).toMatch(/^<2026-W06\.v1\.zh-two\.[0-9a-f]{12}@example\.com>$/);
    expect(zh.headers.get('x-capex-report-version')).toMatch(/^2026-W06 v1 [0-9a-f]{12}$/);
    // The log holds the same Message-ID, the server's reply and the time.
    const archive = await openArchive(config.paths.archive, { create: false });
    const rows = selectDeliveries(archive.db, WEEK, 1);
    archive.close();
    const row = rows.find((r) => r.clientId === 'zh-two');
    expect(row).toMatchObject({
      state: 'sent',
      attempts: 1,
      messageId: zh.messageId,
      address: 'zh-two@example.com',
      language: 'zh-TW',
      lastReplyCode: 250,
    });
    expect(row?.sentAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rows.map((r) => r.clientId).sort()).toEqual([...ACTIVE_IDS].sort());
  });

  test('an https unsubscribe page adds List-Unsubscribe-Post (one click, RFC 8058)', async () => {
    const { server, config } = await setup();
    const url = 'https://example.com/unsubscribe';
    const withPage = { ...config, sender: { ...config.sender, listUnsubscribe: url } };
    await sendWeek({ config: withPage, week: WEEK, only: ['en-one'], retry: QUICK_RETRY });
    const [mail] = await Promise.all(server.arrivals.map((a) => simpleParser(a.raw)));
    const lines = mail?.headerLines.map((h) => h.line) ?? [];
    expect(lines).toContain(`List-Unsubscribe: <${url}>`);
    expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  test('a rerun sends nothing twice', async () => {
    const { server, config } = await setup();
    await sendWeek({ config, week: WEEK, retry: QUICK_RETRY });
    const again = await sendWeek({ config, week: WEEK, retry: QUICK_RETRY });
    expect(again.counts).toMatchObject({ sent: 0, skipped: 6 });
    expect(again.results.every((r) => r.reason === 'already-sent')).toBe(true);
    expect(server.arrivals).toHaveLength(6);
  });

  test('--only and --tag narrow the clients; an unknown id is refused', async () => {
    const { server, config } = await setup();
    const tagged = await sendWeek({ config, week: WEEK, tag: ['vip'], retry: QUICK_RETRY });
    expect(tagged.results.map((r) => r.client)).toEqual(['zh-two', 'en-two']);
    const only = await sendWeek({ config, week: WEEK, only: ['both-one'], retry: QUICK_RETRY });
    expect(only.results.map((r) => [r.client, r.outcome])).toEqual([['both-one', 'sent']]);
    expect(server.arrivals).toHaveLength(3);
    await expect(sendWeek({ config, week: WEEK, only: ['nobody'] })).rejects.toThrow(
      /No client with the id "nobody"/,
    );
  });
});

describe('what the message says', () => {
  async function edition(): Promise<Edition> {
    const archive = await openArchive(template, { create: false });
    try {
      return await readEdition(archive, WEEK);
    } finally {
      archive.close();
    }
  }

  test('the capex table prints the PDF’s own numbers, in both languages', async () => {
    const read = await edition();
    const { config } = await setup();
    for (const locale of ['zh-TW', 'en'] as const) {
      const content = buildContent({
        edition: read,
        firm: config.firm,
        locale,
        t: await projectTranslator(locale),
      });
      const pdf = pdftotext(pdfs[locale]).replace(/\s+/g, '');
      const cells = content.capex.rows.flatMap((r) => r.cells);
      expect(cells.length).toBe(8);
      for (const cell of cells) {
        expect(pdf, `${locale} ${cell}`).toContain(cell.replace(/\s+/g, ''));
      }
      expect(content.capex.rows.map((r) => r.ticker)).toEqual(['AMZN', 'META', 'GOOGL', 'MSFT']);
    }
  });

  test('the headline, view and key points read as page 1 of the PDF prints them', async () => {
    const read = await edition();
    const { config } = await setup();
    for (const locale of ['zh-TW', 'en'] as const) {
      const content = buildContent({
        edition: read,
        firm: config.firm,
        locale,
        t: await projectTranslator(locale),
      });
      const page1 = pdftotextRaw(pdfs[locale], 1).replace(/\s+/g, '');
      const texts = [content.headline, content.view?.text ?? '', ...content.keyPoints.items];
      expect(texts.filter(Boolean)).toHaveLength(2 + read.week.text.keyPoints.length);
      for (const text of texts)
        expect(page1, `${locale}: ${text}`).toContain(text.replace(/\s+/g, ''));
    }
  });

  test('the desk’s view when the week has one; the firm’s disclaimer over the week’s', async () => {
    const read = await edition();
    const view = {
      'zh-TW': '研究部認為 [[derived.amazon.capex-to-ocf]] 仍偏高。',
      en: 'We think [[derived.amazon.capex-to-ocf]] is still high.',
    };
    const withView = { ...read, week: { ...read.week, text: { ...read.week.text, view } } };
    const firm = {
      disclaimer: { 'zh-TW': ['公司免責聲明。'], en: ['The firm’s own disclaimer.'] },
    };
    const en = buildContent({
      edition: withView,
      firm,
      locale: 'en',
      t: await projectTranslator('en'),
    });
    expect(en.view).toEqual({
      heading: "The desk's view",
      text: 'We think about 1.4× is still high.',
    });
    expect(en.disclaimer.paragraphs).toEqual(['The firm’s own disclaimer.']);
    expect(en.firm.name).toBeNull(); // no firm name configured: none invented
    const zh = buildContent({
      edition: withView,
      firm,
      locale: 'zh-TW',
      t: await projectTranslator('zh-TW'),
    });
    expect(zh.view?.text).toBe('研究部認為約 1.4 倍仍偏高。');
    const { view: _view, ...withoutView } = read.week.text;
    const plain = buildContent({
      edition: { ...read, week: { ...read.week, text: withoutView } },
      firm: {},
      locale: 'en',
      t: await projectTranslator('en'),
    });
    expect(plain.view).toBeNull();
    expect(plain.disclaimer.paragraphs[0]).toContain('for information only');
  });
});

describe('the commands (in process)', () => {
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    const io = {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
    };
    return { out, io };
  };

  test('send: progress on stderr, the summary on stdout; --json is one document', async () => {
    const server = await startSmtpServer({
      faults: {
        rcpt: (a) => (a === 'en-two@example.com' ? { code: 550, text: 'no such user' } : undefined),
      },
    });
    servers.push(server);
    const project = newProject(newDir(), template);
    const env = envFor(project, { port: server.port });
    const text = capture();
    const error = await runSend(
      { week: WEEK, only: ['zh-one', 'en-two'], verbose: true },
      { ...text.io, env },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).exitCode).toBe(1);
    expect((error as Error).message).toBe(
      msg.email.notAllDelivered(WEEK, 1, { failed: 1, unknown: 0 }),
    );
    expect([1, 2].map((n) => msg.email.progress(n, 2, 'sent', 'zh-one'))).toContain(
      text.out.stderr.split('\n').find((line) => line.endsWith('sent zh-one')),
    );
    expect(text.out.stdout.split('\n')[0]).toBe(
      msg.email.sendTitle(
        WEEK,
        1,
        1,
        msg.email.counts({ sent: 1, failed: 1, unknown: 0, skipped: 0 }),
      ),
    );
    expect(text.out.stdout).toMatch(
      /failed +en-two +en-two@example\.com +en +550 no such user \(refused by the server\)/,
    );

    const json = capture();
    await runSend({ week: WEEK, json: true, all: false, only: ['zh-one'] }, { ...json.io, env });
    const doc = JSON.parse(json.out.stdout);
    expect(doc).toMatchObject({ week: WEEK, version: 1, edition: 1, mode: 'send' });
    expect(doc.counts).toEqual({ sent: 0, failed: 0, unknown: 0, skipped: 1, written: 0 });
    expect(doc.results[0]).toMatchObject({
      client: 'zh-one',
      outcome: 'skipped',
      reason: 'already-sent',
      state: 'sent',
    });
  });

  test('deliveries: who received which version when, as text, CSV and JSON', async () => {
    const { config, project } = await setup();
    await sendWeek({ config, week: WEEK, retry: QUICK_RETRY });
    const rows = await listDeliveries(project.archive, WEEK);
    expect(rows.map((r) => [r.clientId, r.version, r.state])).toEqual(
      [...ACTIVE_IDS].sort().map((id) => [id, 1, 'sent']),
    );
    const env = envFor(project);
    const csv = capture();
    await runDeliveries({ week: WEEK, csv: true }, { ...csv.io, env });
    const lines = csv.out.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^2026-W06,1,both-one,both-one@example\.com,both,sent,1,\d{4}-/);
    const json = capture();
    await runDeliveries({ week: WEEK, json: true }, { ...json.io, env });
    expect(JSON.parse(json.out.stdout)).toHaveLength(6);
    const text = capture();
    await runDeliveries({ week: WEEK }, { ...text.io, env });
    expect(text.out.stdout.split('\n')[0]).toBe(msg.email.deliveriesTitle(WEEK, 6));
    await expect(runDeliveries({ week: '2026-W07' }, { ...text.io, env })).rejects.toThrow(
      msg.archive.weekNotArchived('2026-W07', project.archive),
    );
  });
});
