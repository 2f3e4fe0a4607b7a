/**
 * The config file as a user meets it through the command: refused when bad (file, line, data
 * path), never holding a password, optional, and `capex-report config` showing every setting's
 * origin. The config module's own tests are in tests/config/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempOut } from '../helpers/sample.js';

const SAMPLE = path.join(ROOT, 'data/2026-W06.yaml');

function configIn(dir: string, text: string): string {
  const file = path.join(dir, 'capex-report.config.yaml');
  writeFileSync(file, text);
  return file;
}

describe('a bad config file', () => {
  test('is refused with exit 1 naming the file, line and data path; nothing is built', async () => {
    const dir = tempOut();
    configIn(dir, 'report:\n  paper: A3\n');
    const out = path.join(dir, 'out');
    const result = await runCli(['build', '--html-only', '--data', SAMPLE, '--out', out], {}, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('capex-report.config.yaml:2:10 at report.paper: expected');
    expect(result.stderr).toContain('found "A3"');
    expect(result.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  test('holding a password is refused, saying where passwords go, never showing it', async () => {
    const dir = tempOut();
    configIn(dir, 'smtp:\n  host: mail.example.com\n  password: hunter2-secret\n');
    const result = await runCli(['config'], {}, dir);
    expect(result.code).toBe(1);
    const problem = formatProblem({
      file: '',
      path: 'smtp.password',
      ...msg.config.passwordInConfig('password', 'CAPEX_REPORT_SMTP_PASSWORD'),
    });
    expect(result.stderr).toMatch(/capex-report\.config\.yaml:3:\d+ at smtp\.password/);
    expect(result.stderr).toContain(problem);
    expect(result.stdout + result.stderr).not.toContain('hunter2-secret');
  });
});

describe('no config file', () => {
  test('builds as before, every setting at its default', async () => {
    const dir = tempOut();
    const out = path.join(dir, 'out');
    const built = await runCli(['build', '--data', SAMPLE, '--out', out, '--quiet'], {}, dir);
    expect(built.code).toBe(0);
    expect(
      built.stdout
        .trim()
        .split('\n')
        .map((l) => path.basename(l)),
    ).toEqual(['report.zh-TW.pdf', 'report.en.pdf']);
    const shown = await runCli(['config'], {}, dir);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('default\treport.paper=A4');
    expect(shown.stdout).toContain('default\treport.languages=["zh-TW","en"]');
    expect(shown.stdout).not.toContain('file ');
  });
});

describe('capex-report config', () => {
  test("shows each setting's origin: default, file, environment, flag", async () => {
    const dir = tempOut();
    configIn(dir, 'report:\n  paper: Letter\npaths:\n  output: reports\n');
    const shown = await runCli(['config', '--json'], { CAPEX_REPORT_ARCHIVE: '/tmp/arch' }, dir);
    expect(shown.code).toBe(0);
    const { file, settings } = JSON.parse(shown.stdout) as {
      file: string;
      settings: { key: string; value: unknown; origin: string }[];
    };
    expect(file).toBe(path.join(dir, 'capex-report.config.yaml'));
    const origin = (key: string) => settings.find((s) => s.key === key)?.origin;
    expect(origin('report.paper')).toBe('file capex-report.config.yaml:2');
    expect(origin('paths.output')).toBe('file capex-report.config.yaml:4');
    expect(origin('paths.archive')).toBe('env CAPEX_REPORT_ARCHIVE');
    expect(origin('report.languages')).toBe('default');
    const text = await runCli(['config'], { CAPEX_REPORT_SMTP_PASSWORD: 'pw-9f3k' }, dir);
    expect(text.stdout).toContain(
      `smtp.passwordEnv=${msg.config.passwordState('CAPEX_REPORT_SMTP_PASSWORD', true)}`,
    );
    expect(text.stdout).not.toContain('pw-9f3k');
    expect(readFileSync(path.join(dir, 'capex-report.config.yaml'), 'utf8')).not.toContain('pw');
  });
});
