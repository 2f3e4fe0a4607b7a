/**
 * `--json` on every command, through the real CLI on a temporary project: stdout is ONE JSON
 * document (JSON.parse of all of it succeeds) holding the fields the README lists (src/cli/json.ts
 * defines them); messages go to stderr; a failure is an ErrorJson with its exit code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type {
  BuildJson,
  ErrorJson,
  NewWeekJson,
  PreviewJson,
  ValidateJson,
} from '../../src/cli/json.js';
import { runCli } from '../helpers/cli.js';
import { copyProject } from '../helpers/project.js';
import { startPreviewProcess } from '../preview/child.js';

const project = copyProject('capex-report-json-');
const archive = path.join(project.dir, 'archive');
const cli = (args: string[]) =>
  runCli([...args, '--json'], { CAPEX_REPORT_ARCHIVE: archive }, project.dir);

/** The command's stdout as its one document, with its exit code checked. */
async function json<T>(args: string[], code = 0): Promise<T> {
  const run = await cli(args);
  expect(run.code, run.stderr).toBe(code);
  return JSON.parse(run.stdout) as T;
}

function keysOf(value: object): string[] {
  return Object.keys(value).sort();
}

describe('--json', () => {
  test('config, validate (valid and invalid) and a usage error', async () => {
    const config = await json<{ file: string; settings: { key: string; origin: string }[] }>([
      'config',
    ]);
    expect(config.file).toBe(path.join(project.dir, 'capex-report.config.yaml'));
    expect(config.settings.find((s) => s.key === 'paths.archive')?.origin).toBe(
      'env CAPEX_REPORT_ARCHIVE',
    );

    const valid = await json<ValidateJson>(['validate', 'data/2026-W06.yaml']);
    expect(keysOf(valid)).toEqual(
      ['companies', 'edition', 'figures', 'file', 'marks', 'sources', 'valid', 'week'].sort(),
    );
    expect(valid).toMatchObject({ valid: true, week: '2026-W06', companies: 4, marks: [] });

    const bad = path.join(project.dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(project.weekFile, 'utf8').replace('edition: 1', 'edition: 0'));
    const invalid = await json<ErrorJson>(['validate', 'bad.yaml'], 1);
    expect(invalid.error.exitCode).toBe(1);
    expect(invalid.error.name).toBe('InvalidInputError');
    expect(invalid.error.problems[0]).toMatchObject({ file: 'bad.yaml', path: 'meta.edition' });
    expect(invalid.error.problems[0]?.line).toBeGreaterThan(1);

    const usage = await json<ErrorJson>(['build', '--paper', 'A3'], 2);
    expect(usage.error).toMatchObject({ exitCode: 2, name: 'UsageError' });
  });

  test('build --archive, then every archive command', async () => {
    const built = await json<BuildJson>(['build', '--archive']);
    expect(keysOf(built)).toEqual(
      [
        'archived',
        'dir',
        'draft',
        'durationMs',
        'edition',
        'files',
        'marks',
        'pdfs',
        'week',
      ].sort(),
    );
    expect(built.pdfs.en).toBe(path.join(project.dir, 'output/2026-W06/report.en.pdf'));
    expect(built.archived).toEqual({ version: 1, created: true });

    const stored = await json<{ week: string; version: number; created: boolean }>([
      'archive',
      'store',
    ]);
    expect(stored).toMatchObject({ week: '2026-W06', version: 1, created: false });
    const list = await json<{ week: string; version: number }[]>(['archive', 'list']);
    expect(list.map((v) => [v.week, v.version])).toEqual([['2026-W06', 1]]);
    const shown = await json<{ record: object; files: object[]; manifest: object }>([
      'archive',
      'show',
      '2026-W06',
    ]);
    expect(keysOf(shown)).toEqual(['files', 'manifest', 'record']);
    const diff = await json<{ figures: object[]; files: object[] }>([
      'archive',
      'diff',
      '2026-W06',
      'v1',
      'v1',
    ]);
    expect(diff.figures).toEqual([]);
    const verified = await json<{ versions: number; problems: object[] }>(['archive', 'verify']);
    expect(verified).toMatchObject({ versions: 1, problems: [] });
    const out = path.join(project.dir, 'exported');
    const exported = await json<{ dir: string; files: string[] }>([
      'archive',
      'export',
      '2026-W06',
      'v1',
      '--out',
      out,
    ]);
    expect(exported.files).toContain('report.en.pdf');
    const rebuilt = await json<{ identical: boolean; pdfs: object[] }>([
      'archive',
      'rebuild',
      '2026-W06',
    ]);
    expect(rebuilt.identical).toBe(true);
  }, 180_000);

  test('new-week and preview', async () => {
    const started = await json<NewWeekJson>(['new-week']);
    expect(started).toMatchObject({
      file: path.join(project.dir, 'data/2026-W07.yaml'),
      week: '2026-W07',
      periodEnd: '2026-02-13',
      from: { file: path.join(project.dir, 'data/2026-W06.yaml'), week: '2026-W06' },
    });
    expect(started.figures).toContain('companies[0].capex.2026');
    expect(started.texts).toContain('text.headline');

    const marked = await json<ValidateJson>(['validate', 'data/2026-W07.yaml']);
    expect(marked.marks.length).toBe(started.figures.length + started.texts.length);
    expect(marked.marks[0]).toMatchObject({ kind: 'figure', carriedFrom: '2026-W06' });
    const refused = await json<ErrorJson>(['build', '--html-only'], 1);
    expect(refused.error.problems.length).toBe(marked.marks.length);

    const preview = await startPreviewProcess(project, ['--week', '2026-W06']);
    const answer: PreviewJson = preview.json;
    expect(answer).toMatchObject({ week: '2026-W06', dataFile: project.weekFile });
    expect(answer.url).toBe(`http://127.0.0.1:${answer.port}/`);
    expect(await preview.stop('SIGINT')).toBe(0);
  }, 120_000);
});
