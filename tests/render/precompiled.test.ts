import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/build.js';
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
  test('render exactly like Handlebars.compile, for each source and options', async () => {
    expect(run(await precompiledTemplate(SOURCE, OPTIONS), VIEW)).toBe(
      Handlebars.compile(SOURCE, { ...OPTIONS })(VIEW),
    );
    expect(run(await precompiledTemplate(SOURCE.replace('; ', ', '), OPTIONS), VIEW)).toBe(
      '<p>a &amp; b: 1, c: 2, </p>',
    );
    expect(run(await precompiledTemplate(SOURCE, { ...OPTIONS, noEscape: true }), VIEW)).toBe(
      '<p>a & b: 1; c: 2; </p>',
    );
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
