/**
 * The SMTP password, from its environment variable only, reaches the server and nothing else: no
 * line the command prints (text or JSON), no .eml, no error message, no row or byte of the archive
 * index, whether the login succeeds or fails. Runs the command as real processes (dist/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { openArchive } from '../../src/archive/index.js';
import { tempDirs } from '../helpers/temp.js';
import { assertDistCurrent, startSendChild } from './child.js';
import { archiveSample, envFor, newProject, WEEK } from './fixture.js';
import { startSmtpServer, type TestServer } from './smtp-server.js';

// Real processes, several per test, on a machine that may be busy.
vi.setConfig({ testTimeout: 300_000 });

const newDir = tempDirs('capex-report-email-secrets-');
const USER = 'reports@example.com';
const SECRET = 'Pw-7Hq!xZ9-kept-out';
const WRONG = 'Wr0ng-3vQ-also-kept-out';
let template: string;
let server: TestServer;

beforeAll(async () => {
  assertDistCurrent();
  template = (await archiveSample(newDir())).root;
  server = await startSmtpServer({ auth: { user: USER, password: SECRET } });
});
afterAll(() => server.close());

const forms = (password: string) => [
  password,
  Buffer.from(password).toString('base64'),
  Buffer.from(`\0${USER}\0${password}`).toString('base64'),
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the SMTP password', () => {
  test('appears in no output, .eml, error message, database row or file', async () => {
    const project = newProject(newDir(), template);
    const env = (password: string) => envFor(project, { port: server.port, user: USER, password });
    const runs = [
      await startSendChild({ week: WEEK, only: ['zh-one', 'en-one'] }, env(SECRET)).done,
      await startSendChild({ week: WEEK, only: ['both-one'], json: true }, env(SECRET)).done,
      await startSendChild({ week: WEEK, dryRun: true }, env(SECRET)).done,
      await startSendChild({ week: WEEK, test: 'analyst@example.com' }, env(SECRET)).done,
      await startSendChild({ week: WEEK }, env(WRONG)).done, // login refused
      await startSendChild({ week: WEEK, json: true }, env(WRONG)).done,
      await startSendChild({ week: WEEK, json: true }, env(SECRET)).done,
      await startSendChild({ week: WEEK, csv: true }, env(SECRET), 'deliveries').done,
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 1, 1, 0, 0]);
    // The password was really used: the server saw both, and the refused login says so.
    expect(server.logins).toContainEqual({ user: USER, password: SECRET });
    expect(server.logins).toContainEqual({ user: USER, password: WRONG });
    expect(runs[4]?.stdout).toContain('535');
    expect(server.arrivals.length).toBeGreaterThanOrEqual(6 + 3);

    const texts = runs.flatMap((r) => [r.stdout, r.stderr]);
    const files = filesUnder(project.dir).map((f) => readFileSync(f).toString('latin1'));
    expect(files.some((f) => f.includes('Content-Type: application/pdf'))).toBe(true); // the .eml
    const archive = await openArchive(project.archive, { create: false });
    const rows = ['deliveries', 'locks', 'versions', 'files'].map((table) =>
      JSON.stringify(archive.db.all(`SELECT * FROM ${table}`)),
    );
    archive.close();
    const refused = JSON.parse(runs[5]?.stdout ?? '{}').results.find(
      (r: { outcome: string }) => r.outcome === 'failed',
    );
    expect(refused).toMatchObject({
      outcome: 'failed',
      reason: 'server-unreachable',
      replyCode: 535,
    });
    for (const secret of [...forms(SECRET), ...forms(WRONG)]) {
      for (const text of [...texts, ...files, ...rows]) expect(text).not.toContain(secret);
    }
  });
});
