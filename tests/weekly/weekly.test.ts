/**
 * `capex-report weekly` on a temporary project (the sample week, a client list, the repository's
 * sample config pointed at the project and at a real SMTP server on loopback): a full run, a rerun
 * that does nothing, and a run killed with SIGKILL after the build, after the archive and in the
 * middle of sending, then run again: one version, every client's address got its message once.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listVersions } from '../../src/archive/index.js';
import { EXIT_CODES } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { ACTIVE_IDS, CLIENTS_YAML } from '../email/fixture.js';
import { startSmtpServer, type TestServer } from '../email/smtp-server.js';
import { CLI, ROOT, runCli } from '../helpers/cli.js';
import { waitForPause } from '../helpers/pause.js';
import { tempDirs } from '../helpers/temp.js';

const temp = tempDirs('capex-report-weekly-');
const WEEK = '2026-W06';
let server: TestServer;

beforeAll(async () => {
  server = await startSmtpServer();
});
afterAll(async () => {
  await server?.close();
});

interface Project {
  dir: string;
  archive: string;
  env: Record<string, string>;
}

/** A project folder: its week file and client list; the sample config, paths into the project. */
function newProject(): Project {
  const dir = temp();
  mkdirSync(path.join(dir, 'data'));
  writeFileSync(
    path.join(dir, 'data', `${WEEK}.yaml`),
    readFileSync(path.join(ROOT, 'data', `${WEEK}.yaml`)),
  );
  writeFileSync(path.join(dir, 'clients.yaml'), CLIENTS_YAML);
  const archive = path.join(dir, 'archive');
  // The sample config, one message in flight at a time: a kill mid-send then catches exactly the
  // one the server accepted (several in flight: tests/email/processes.test.ts).
  const config = readFileSync(path.join(ROOT, 'capex-report.config.yaml'), 'utf8');
  const oneAtATime = config.replace(/concurrency: \d+/, 'concurrency: 1');
  expect(oneAtATime).not.toBe(config);
  writeFileSync(path.join(dir, 'capex-report.config.yaml'), oneAtATime);
  cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  const env = {
    CAPEX_REPORT_CONFIG: path.join(dir, 'capex-report.config.yaml'),
    CAPEX_REPORT_DATA: path.join(dir, 'data'),
    CAPEX_REPORT_OUTPUT: path.join(dir, 'output'),
    CAPEX_REPORT_ARCHIVE: archive,
    CAPEX_REPORT_CACHE: path.join(dir, 'cache'),
    CAPEX_REPORT_CLIENTS: path.join(dir, 'clients.yaml'),
    CAPEX_REPORT_SMTP_HOST: '127.0.0.1',
    CAPEX_REPORT_SMTP_PORT: String(server.port),
    CAPEX_REPORT_SMTP_SECURITY: 'none',
  };
  return { dir, archive, env };
}

/** How many messages each client's address received, over the whole test server's life. */
function arrivalsTo(address: string, since: number): number {
  return server.arrivals.slice(since).filter((a) => a.to.includes(address)).length;
}

const addresses = ACTIVE_IDS.map((id) => `${id}@example.com`);

function spawnWeekly(project: Project, pause: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [CLI, 'weekly', '--week', WEEK], {
    cwd: project.dir,
    env: { ...process.env, ...project.env, ...pause },
    stdio: 'ignore',
  });
}

function processesUsing(dir: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.includes(dir) && !line.includes('ps -eo'));
}

describe('capex-report weekly', () => {
  test('a full run validates, builds, archives and sends; a rerun does nothing and says so', async () => {
    const project = newProject();
    const before = server.arrivals.length;
    const first = await runCli(['weekly', '--week', WEEK, '--json'], project.env, project.dir);
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({ week: WEEK, version: 1, nothingToDo: false });
    expect(result.send.counts).toMatchObject({ sent: ACTIVE_IDS.length, failed: 0, unknown: 0 });
    for (const address of addresses) expect(arrivalsTo(address, before)).toBe(1);
    const again = await runCli(['weekly', '--week', WEEK], project.env, project.dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe(msg.weekly.nothingToDo(WEEK, 1));
    for (const address of addresses) expect(arrivalsTo(address, before)).toBe(1);
    expect(await listVersions(project.archive, WEEK)).toHaveLength(1);
  });

  test.each(['AFTER_BUILD', 'AFTER_ARCHIVE', 'AFTER_ACCEPT'])(
    'killed (SIGKILL) at %s and run again: one version, every client got it once',
    async (point) => {
      const project = newProject();
      const before = server.arrivals.length;
      const file = path.join(project.dir, `paused-${point}`);
      const child = spawnWeekly(project, { [`CAPEX_REPORT_TEST_PAUSE_${point}`]: file });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await waitForPause(file, child);
      child.kill('SIGKILL');
      await exited;
      rmSync(file, { force: true });
      const rerun = await runCli(['weekly', '--week', WEEK, '--json'], project.env, project.dir);
      const result = JSON.parse(rerun.stdout || '{}');
      expect(await listVersions(project.archive, WEEK)).toHaveLength(1);
      for (const address of addresses) expect(arrivalsTo(address, before), address).toBe(1);
      if (point === 'AFTER_ACCEPT') {
        // The killed run's accepted message has no answer on record: `unknown`, not resent.
        expect(rerun.code).toBe(EXIT_CODES.weeklySend);
        expect(result.send.counts).toMatchObject({ unknown: 1, failed: 0 });
        expect(result.send.counts.sent + result.send.counts.skipped).toBe(ACTIVE_IDS.length - 1);
      } else {
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(result.send.counts.sent).toBe(ACTIVE_IDS.length);
      }
      expect(processesUsing(project.dir)).toEqual([]);
    },
  );

  test('two runs at once: the second refuses (exit 75) and does nothing', async () => {
    const project = newProject();
    const file = path.join(project.dir, 'paused');
    const child = spawnWeekly(project, { CAPEX_REPORT_TEST_PAUSE_AFTER_BUILD: file });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitForPause(file, child);
    const second = await runCli(['weekly', '--week', WEEK], project.env, project.dir);
    expect(second.code).toBe(EXIT_CODES.busy);
    expect(second.stderr).toContain(`Another weekly run of ${WEEK} is going on`);
    rmSync(file);
    await exited;
    expect(child.exitCode).toBe(0);
    expect(await listVersions(project.archive, WEEK)).toHaveLength(1);
  });

  test('a week file that does not validate: exit 11, nothing archived or sent', async () => {
    const project = newProject();
    const file = path.join(project.dir, 'data', `${WEEK}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('edition: 1', 'edition: 0'));
    const before = server.arrivals.length;
    const result = await runCli(['weekly', '--week', WEEK], project.env, project.dir);
    expect(result.code).toBe(EXIT_CODES.weeklyValidate);
    expect(result.stderr).toContain('at meta.edition');
    expect(existsSync(project.archive)).toBe(false);
    expect(server.arrivals.length).toBe(before);
  });
});
