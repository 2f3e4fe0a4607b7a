import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI, ROOT, runCli } from '../helpers/cli.js';
import { pdfinfo } from '../helpers/poppler.js';
import { tempOut } from '../helpers/sample.js';

describe('capex-report --help', () => {
  test('lists the commands and the exit codes', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/validate \[options\] <file>/);
    expect(stdout).toMatch(/build \[options\]/);
    for (const exit of [
      '0  success',
      '1  invalid input',
      '2  usage error',
      '3  environment problem',
      '130  interrupted',
    ]) {
      expect(stdout).toContain(exit);
    }
  });

  test.each([
    [
      'build',
      [
        '--data <file>',
        '--out <dir>',
        '--html-only',
        '--locale <locale...>',
        '--paper <size>',
        '--browser <path>',
        '--no-cache',
      ],
    ],
    ['validate', ['<file>']],
  ])('%s --help documents every option', async (command, options) => {
    const { code, stdout } = await runCli([command, '--help']);
    expect(code).toBe(0);
    for (const option of options) expect(stdout).toContain(option);
    expect(stdout).toContain('Exit codes:');
  });

  test('an unknown command or option is a usage error (exit 2)', async () => {
    expect((await runCli(['publish'])).code).toBe(2);
    const bad = await runCli(['build', '--paper', 'A3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are A4, Letter');
  });
});

describe('capex-report build', () => {
  test('--html-only writes both HTML files and the charts without a browser', async () => {
    const out = tempOut();
    const { code, stdout } = await runCli(['build', '--html-only', '--out', out, '--quiet'], {
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome',
    });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      path.relative(ROOT, path.join(out, '2026-W06/report.zh-TW.html')),
      path.relative(ROOT, path.join(out, '2026-W06/report.en.html')),
    ]);
    expect(readdirSync(path.join(out, '2026-W06/charts')).length).toBeGreaterThanOrEqual(8);
  });

  test('--locale en --paper Letter builds only the English report, on US Letter', async () => {
    const out = tempOut();
    const { code, stdout } = await runCli([
      'build',
      '--locale',
      'en',
      '--paper',
      'Letter',
      '--out',
      out,
      '--quiet',
    ]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(path.relative(ROOT, path.join(out, '2026-W06/report.en.pdf')));
    const files = readdirSync(path.join(out, '2026-W06'));
    expect(files.filter((f) => f.includes('zh-TW'))).toEqual([]);
    expect(pdfinfo(readFileSync(path.join(out, '2026-W06/report.en.pdf')))['Page size']).toBe(
      '612 x 792 pts (letter)',
    );
  });

  test('no browser: exit 3 and a message that says how to get one; nothing written', async () => {
    const out = tempOut();
    const { code, stderr } = await runCli(['build', '--out', out], {
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome',
    });
    expect(code).toBe(3);
    expect(stderr).toContain('/nonexistent/chrome');
    expect(stderr).toContain('apt-get install -y chromium');
    expect(stderr).toContain('npx puppeteer browsers install chrome');
    expect(readdirSync(out)).toEqual([]);
  });

  test('invalid data: exit 1, nothing written', async () => {
    const out = tempOut();
    const { code, stderr } = await runCli([
      'build',
      '--data',
      'tests/fixtures/invalid/negative-capex.yaml',
      '--out',
      out,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('expected capex of 0 or more');
    expect(readdirSync(out)).toEqual([]);
  });

  test('Ctrl-C while printing: exit 130, browser closed, no staging files left', async () => {
    const out = tempOut();
    const tmp = mkdtempSync(path.join(tmpdir(), 'capex-sigint-'));
    const child = spawn(process.execPath, [CLI, 'build', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: tmp },
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)),
    );
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('  print')) resolve();
      });
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted');
    // The browser ran with a profile under our TMPDIR: no process may still use it.
    await new Promise((r) => setTimeout(r, 500));
    const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    expect(ps.split('\n').filter((line) => line.includes(tmp))).toEqual([]);
    expect(existsSync(path.join(out, '2026-W06'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});
