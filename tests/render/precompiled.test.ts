import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/build.js';
import { openCache } from '../../src/cache/index.js';
import { InvalidInputError } from '../../src/errors.js';
import { precompiledTemplate } from '../../src/render/precompiled.js';
import { SAMPLE, tempOut } from '../helpers/sample.js';

const OPTIONS = { strict: true, noEscape: false, preventIndent: true };
const SOURCE = '<p>{{#each rows}}{{name}}: {{value}}; {{/each}}</p>';
const VIEW = {
  rows: [
    { name: 'a & b', value: 1 },
    { name: 'c', value: 2 },
  ],
};

function run(spec: Parameters<typeof Handlebars.template>[0], view: object): string {
  return Handlebars.create().template(spec)(view);
}

describe('precompiled templates', () => {
  test('render exactly like Handlebars.compile, from the compiler and from the cache', async () => {
    const expected = Handlebars.compile(SOURCE, { ...OPTIONS })(VIEW);
    const dir = await mkdtemp(path.join(tmpdir(), 'templates-cache-'));
    const cache = openCache(dir);
    expect(run(await precompiledTemplate(SOURCE, OPTIONS, cache), VIEW)).toBe(expected);
    expect(cache.stats('templates')).toMatchObject({ writes: 1, hits: 0 });
    expect(run(await precompiledTemplate(SOURCE, OPTIONS, cache), VIEW)).toBe(expected);
    expect(cache.stats('templates')).toMatchObject({ writes: 1, hits: 1 });
    await cache.settle();
    const later = openCache(dir); // as a new process
    expect(run(await precompiledTemplate(SOURCE, OPTIONS, later), VIEW)).toBe(expected);
    expect(later.stats('templates')).toMatchObject({ writes: 0, hits: 1 });
  });

  test('another source or other options is another entry', async () => {
    const cache = openCache(await mkdtemp(path.join(tmpdir(), 'templates-cache-')));
    await precompiledTemplate(SOURCE, OPTIONS, cache);
    const edited = SOURCE.replace('; ', ', ');
    expect(run(await precompiledTemplate(edited, OPTIONS, cache), VIEW)).toBe(
      '<p>a &amp; b: 1, c: 2, </p>',
    );
    const loose = { ...OPTIONS, noEscape: true };
    expect(run(await precompiledTemplate(SOURCE, loose, cache), VIEW)).toBe(
      '<p>a & b: 1; c: 2; </p>',
    );
    expect(cache.stats('templates').writes).toBe(3);
  });

  test('a damaged cache file is compiled again, never run', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'templates-cache-'));
    const first = openCache(dir);
    await precompiledTemplate(SOURCE, OPTIONS, first);
    await first.settle();
    const [file] = await readdir(path.join(dir, 'templates'));
    const target = path.join(dir, 'templates', file as string);
    const code = await readFile(target, 'utf8');
    for (const damaged of [code.slice(0, code.length / 2), '{"not": "a template"}']) {
      await writeFile(target, damaged);
      const cache = openCache(dir);
      expect(run(await precompiledTemplate(SOURCE, OPTIONS, cache), VIEW)).toBe(
        '<p>a &amp; b: 1; c: 2; </p>',
      );
      expect(cache.stats('templates')).toMatchObject({ writes: 1, hits: 0 });
      await cache.settle();
      expect(await readFile(target, 'utf8')).toBe(code);
    }
  });

  test('a template that does not parse fails the build naming its file and line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'templates-'));
    await cp('templates', dir, { recursive: true });
    const file = path.join(dir, 'partials', 'market.hbs');
    const source = await readFile(file, 'utf8');
    const lines = source.split('\n');
    const broken = lines.findIndex((l) => l.includes('{{label}}'));
    lines[broken] = (lines[broken] as string).replace('{{label}}', '{{label}');
    await writeFile(file, lines.join('\n'));
    const error = await buildReport({
      dataFile: SAMPLE,
      outDir: tempOut(),
      htmlOnly: true,
      templatesDir: dir,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems[0]).toMatchObject({ file, line: broken + 1 });
    expect((error as Error).message).toContain(`market.hbs:${broken + 1}`);
  });
});
