/**
 * The e-mail tests' world: the sample week built for real and archived once per test file, then
 * copied into a fresh project folder per test (archive, client list, output), with the repository's
 * sample config (the fictional firm) pointed at it and at a loopback SMTP server through the
 * environment, as a deployment would.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { archiveWeek } from '../../src/archive/index.js';
import type { BuiltWeek } from '../../src/archive/types.js';
import { type Config, loadConfig } from '../../src/config/index.js';
import { buildWeekFolder, readBuiltWeek, SAMPLE_FILE } from '../helpers/built-week.js';
import { ROOT } from '../helpers/cli.js';

export const WEEK = '2026-W06';
export const PASSWORD_ENV = 'CAPEX_REPORT_SMTP_PASSWORD';

/** Six active clients across the three languages (one with a cc), and one inactive. */
export const CLIENTS_YAML = `clients:
  - id: zh-one
    name: 台北一號投資（測試）
    email: zh-one@example.com
    language: zh-TW
  - id: zh-two
    name: 台北二號證券（測試）
    email: zh-two@example.com
    language: zh-TW
    cc: [zh-two.cc@example.com]
    tags: [vip]
  - id: en-one
    name: London One Capital (test)
    email: en-one@example.com
    language: en
  - id: en-two
    name: London Two Partners (test)
    email: en-two@example.com
    language: en
    tags: [vip]
  - id: both-one
    name: Harbour One 港灣一號 (test)
    email: both-one@example.com
    language: both
  - id: both-two
    name: Harbour Two (test)
    email: both-two@example.com
    language: both
  - id: gone
    name: Gone Ltd (test)
    email: gone@example.com
    language: en
    active: false
`;
export const ACTIVE_IDS = ['zh-one', 'zh-two', 'en-one', 'en-two', 'both-one', 'both-two'];

/** Builds the sample week and archives it as v1 under `dir/archive`. */
export async function archiveSample(dir: string): Promise<{ root: string; v1: BuiltWeek }> {
  const v1 = readBuiltWeek(
    await buildWeekFolder(SAMPLE_FILE, path.join(dir, 'build')),
    SAMPLE_FILE,
  );
  const root = path.join(dir, 'archive');
  await archiveWeek(v1, { root });
  return { root, v1 };
}

export interface Project {
  dir: string;
  archive: string;
  output: string;
  clients: string;
}

/** A fresh project: a copy of the archive, the client list, an output folder. */
export function newProject(dir: string, archive: string, clients = CLIENTS_YAML): Project {
  const project = {
    dir,
    archive: path.join(dir, 'archive'),
    output: path.join(dir, 'output'),
    clients: path.join(dir, 'clients.yaml'),
  };
  cpSync(archive, project.archive, { recursive: true });
  mkdirSync(project.output, { recursive: true });
  writeFileSync(project.clients, clients);
  return project;
}

export interface SmtpEnv {
  port?: number;
  user?: string;
  password?: string;
}

/** The environment that points the sample config at the project (and a server, if given). */
export function envFor(project: Project, smtp: SmtpEnv = {}): Record<string, string> {
  const env: Record<string, string> = {
    CAPEX_REPORT_ARCHIVE: project.archive,
    CAPEX_REPORT_OUTPUT: project.output,
    CAPEX_REPORT_CLIENTS: project.clients,
  };
  if (smtp.port !== undefined) {
    Object.assign(env, {
      CAPEX_REPORT_SMTP_HOST: '127.0.0.1',
      CAPEX_REPORT_SMTP_PORT: String(smtp.port),
      CAPEX_REPORT_SMTP_SECURITY: 'none',
    });
  }
  if (smtp.user) env.CAPEX_REPORT_SMTP_USER = smtp.user;
  if (smtp.password) env[PASSWORD_ENV] = smtp.password;
  return env;
}

/** The sample config (from the repository's folder) with the environment's settings. */
export async function configFor(env: Record<string, string>): Promise<Config> {
  return (await loadConfig({ cwd: ROOT, env })).config;
}

/** Fast retries for tests: a 4xx is tried again after 20 ms, then 40 ms. */
export const QUICK_RETRY = { attempts: 3, baseDelayMs: 20 };
