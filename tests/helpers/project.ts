/**
 * A temporary copy of the project to run the real CLI in: the compiled code, its bin, the
 * templates, locales, data, assets and config, with node_modules linked (read only by us). Tests
 * that change inputs (the preview's, new-week's) change this copy, never the repository's files.
 */
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './cli.js';

const COPIED = [
  'dist',
  'bin',
  'package.json',
  'templates',
  'locales',
  'data',
  'assets',
  'capex-report.config.yaml',
];

export interface TempProject {
  dir: string;
  cli: string;
  weekFile: string;
}

export function copyProject(prefix = 'capex-report-project-'): TempProject {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const name of COPIED) {
    cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return {
    dir,
    cli: path.join(dir, 'bin/capex-report.js'),
    weekFile: path.join(dir, 'data/2026-W06.yaml'),
  };
}
