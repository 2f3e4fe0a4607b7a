/**
 * The command line builds with the config's firm and archives that very build: the firm's
 * identity and logo are inputs the manifest lists, and `archive` finds them unchanged.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { FIRM_INPUT } from '../../src/inputs/load.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('capex-report-firm-cli-');

test('build uses the config firm, and archive stores that build', async () => {
  const project = tempDir();
  cpSync(
    path.join(ROOT, 'capex-report.config.yaml'),
    path.join(project, 'capex-report.config.yaml'),
  );
  mkdirSync(path.join(project, 'assets'));
  cpSync(path.join(ROOT, 'assets/logo.svg'), path.join(project, 'assets/logo.svg'));
  mkdirSync(path.join(project, 'data'));
  cpSync(path.join(ROOT, 'data/2026-W06.yaml'), path.join(project, 'data/2026-W06.yaml'));

  const built = await runCli(['build', '--html-only', '--quiet'], {}, project);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  const out = path.join(project, 'output/2026-W06');
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  expect(Object.keys(manifest.inputs)).toEqual(
    expect.arrayContaining([FIRM_INPUT, 'config/logo.svg']),
  );
  const html = readFileSync(path.join(out, 'report.en.html'), 'utf8');
  expect(html).toContain('Example Peak Securities Investment Consulting Co., Ltd. (sample)');

  const archived = await runCli(['archive', '--json'], {}, project);
  expect(archived.stderr).toBe('');
  expect(archived.code).toBe(0);
  expect(JSON.parse(archived.stdout)).toMatchObject({ week: '2026-W06', version: 1 });
});
