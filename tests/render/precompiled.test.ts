import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { beforeEach, describe, expect, test } from 'vitest';
import { buildReport } from '../../src/build.js';
import { InvalidInputError } from '../../src/errors.js';
import {
  clearPrecompiled,
  precompiledTemplate,
  precompileStats,
} from '../../src/render/precompiled.js';
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

async function cacheFiles(cacheDir: string): Promise<string[]> {
  return (await readdir(path.join(cacheDir, 'templates')).catch(() => [])).map(String);
}

/** Waits until the cache file written after a compile is there (the write is not awaited). */
async function settled(cacheDir: string, count: number): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const files = await cacheFiles(cacheDir);
    if (files.filter((f) => f.endsWith('.js')).length >= count) return files;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`fewer than ${count} cache files in ${cacheDir}`);
}

describe('precompiled templates', () => {
  beforeEach(() => clearPrecompiled());

  test('render exactly like Handlebars.compile, from the compiler, the disk and memory', async () => {
    const expected = Handlebars.compile(SOURCE, { ...OPTIONS })(VIEW);
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'templates-cache-'));
    expect(run(await precompiledTemplate(SOURCE, OPTIONS, cacheDir), VIEW)).toBe(expected);
    expect(precompileStats()).toMatchObject({ compiled: 1, fromDisk: 0 });
    expect(run(await precompiledTemplate(SOURCE, OPTIONS, cacheDir), VIEW)).toBe(expected);
    expect(precompileStats()).toMatchObject({ compiled: 1, fromMemory: 1 });
    await settled(cacheDir, 1);
    clearPrecompiled(); // as a new process
    expect(run(await precompiledTemplate(SOURCE, OPTIONS, cacheDir), VIEW)).toBe(expected);
    expect(precompileStats()).toMatchObject({ compiled: 0, fromDisk: 1 });
  });

  test('another source or other options is another entry', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'templates-cache-'));
    await precompiledTemplate(SOURCE, OPTIONS, cacheDir);
    const edited = SOURCE.replace('; ', ', ');
    expect(run(await precompiledTemplate(edited, OPTIONS, cacheDir), VIEW)).toBe(
      '<p>a &amp; b: 1, c: 2, </p>',
    );
    const loose = { ...OPTIONS, noEscape: true };
    expect(run(await precompiledTemplate(SOURCE, loose, cacheDir), VIEW)).toBe(
      '<p>a & b: 1; c: 2; </p>',
    );
    expect(precompileStats().compiled).toBe(3);
    expect(await settled(cacheDir, 3)).toHaveLength(3);
  });

  test('a damaged cache file is compiled again, never run', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'templates-cache-'));
    await precompiledTemplate(SOURCE, OPTIONS, cacheDir);
    const [file] = await settled(cacheDir, 1);
    const target = path.join(cacheDir, 'templates', file as string);
    const code = await readFile(target, 'utf8');
    for (const damaged of [code.slice(0, code.length / 2), '{"not": "a template"}']) {
      await writeFile(target, damaged);
      clearPrecompiled();
      expect(run(await precompiledTemplate(SOURCE, OPTIONS, cacheDir), VIEW)).toBe(
        '<p>a &amp; b: 1; c: 2; </p>',
      );
      expect(precompileStats()).toMatchObject({ compiled: 1, fromDisk: 0 });
      // The compile writes the file again; wait for it before damaging it the next way.
      for (let i = 0; i < 100 && (await readFile(target, 'utf8')) !== code; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
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
      cacheDir: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems[0]).toMatchObject({ file, line: broken + 1 });
    expect((error as Error).message).toContain(`market.hbs:${broken + 1}`);
  });
});
