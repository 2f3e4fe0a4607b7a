import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/build.js';
import { InvalidInputError } from '../../src/errors.js';
import { SAMPLE, tempOut } from '../helpers/sample.js';

/** A copy of templates/ with one partial changed. */
async function templatesWith(partial: string, edit: (source: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'templates-'));
  await cp('templates', dir, { recursive: true });
  const file = path.join(dir, 'partials', `${partial}.hbs`);
  await writeFile(file, edit(await readFile(file, 'utf8')));
  return dir;
}

describe('strict templates', () => {
  test('a value missing from the view fails with the template, line and data path', async () => {
    const dir = await templatesWith('market', (s) => s.replace('{{label}}', '{{labell}}'));
    const error = await buildReport({
      dataFile: SAMPLE,
      outDir: tempOut(),
      htmlOnly: true,
      templatesDir: dir,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const source = await readFile(path.join(dir, 'partials', 'market.hbs'), 'utf8');
    const line = source.split('\n').findIndex((l) => l.includes('{{labell}}')) + 1;
    const problem = (error as InvalidInputError).problems[0];
    expect(problem).toMatchObject({
      file: path.join(dir, 'partials', 'market.hbs'),
      path: 'view.markets.rows[0].labell',
      line,
    });
    expect((error as Error).message).toContain(`market.hbs:${line}:`);
  });

  test('a missing helper argument or partial is reported with its template', async () => {
    const dir = await templatesWith('sources', (s) =>
      s.replace('{{citation}}', '{{> no-such-partial}}'),
    );
    await expect(
      buildReport({ dataFile: SAMPLE, outDir: tempOut(), htmlOnly: true, templatesDir: dir }),
    ).rejects.toThrow(/sources\.hbs/);
  });

  test('a failed build leaves the previous output untouched', async () => {
    const out = tempOut();
    const good = await buildReport({ dataFile: SAMPLE, outDir: out, htmlOnly: true });
    const before = await readFile(good.files['report.en.html'] as string, 'utf8');
    const dir = await templatesWith('front', (s) => s.replace('{{title}}', '{{titel}}'));
    await expect(
      buildReport({ dataFile: SAMPLE, outDir: out, htmlOnly: true, templatesDir: dir }),
    ).rejects.toThrow();
    expect(await readFile(good.files['report.en.html'] as string, 'utf8')).toBe(before);
  });
});
