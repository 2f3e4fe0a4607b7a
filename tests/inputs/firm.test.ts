/**
 * The firm's identity is an input like the week: read from the config into `config/firm.json`
 * and the logo, hashed, listed, restored from a stored set; its logo is checked before it is
 * embedded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/build.js';
import { loadConfig } from '../../src/config/index.js';
import type { Firm } from '../../src/config/schema.js';
import { InvalidInputError } from '../../src/errors.js';
import { inputFile } from '../../src/inputs/files.js';
import { readFirm } from '../../src/inputs/firm.js';
import { inputHashes } from '../../src/inputs/hash.js';
import { FIRM_INPUT, inputSetOf, listInputs, loadInputs } from '../../src/inputs/load.js';
import { logoDataUrl, MAX_LOGO_BYTES } from '../../src/inputs/logo.js';
import { msg } from '../../src/messages/index.js';
import { SAMPLE } from '../helpers/sample.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('capex-report-firm-');
const { firm } = (await loadConfig({ cwd: process.cwd(), env: {} })).config;

function withName(name: string): Firm {
  return { ...firm, name: { 'zh-TW': name, en: name } };
}

describe('the firm as an input', () => {
  test('is config/firm.json (keys sorted, the logo by its input name) and the logo file', async () => {
    const inputs = await loadInputs({ dataFile: SAMPLE, firm });
    const names = listInputs(inputs).map((f) => f.name);
    expect(names).toContain(FIRM_INPUT);
    expect(names).toContain('config/logo.svg');
    const json = JSON.parse(Buffer.from(inputs.firm?.bytes ?? []).toString('utf8'));
    expect(json.logo).toBe('config/logo.svg');
    expect(Object.keys(json)).toEqual([...Object.keys(json)].sort());
    expect(json.name).toEqual(firm.name);
    expect(inputHashes(inputs)[FIRM_INPUT]).toMatch(/^[0-9a-f]{64}$/);
  });

  test('changes the inputs hash when the identity changes, and only then', async () => {
    const a = inputHashes(await loadInputs({ dataFile: SAMPLE, firm }));
    const same = inputHashes(await loadInputs({ dataFile: SAMPLE, firm: { ...firm } }));
    const other = inputHashes(await loadInputs({ dataFile: SAMPLE, firm: withName('Other Co.') }));
    expect(same).toEqual(a);
    expect(other[FIRM_INPUT]).not.toBe(a[FIRM_INPUT]);
  });

  test('is absent without a firm: no file, nothing invented', async () => {
    const inputs = await loadInputs({ dataFile: SAMPLE, firm: {} });
    expect(inputs.firm).toBeUndefined();
    expect(inputs.logo).toBeUndefined();
    expect(readFirm(inputs)).toBeUndefined();
  });

  test('is restored from a stored set (as `archive rebuild` reads it) to the same report', async () => {
    const original = await buildReport({ dataFile: SAMPLE, firm, htmlOnly: true });
    const stored = listInputs(original.inputs).map((f) => inputFile(f.name, f.bytes));
    const restored = inputSetOf(stored);
    expect(restored.firm?.sha256).toBe(original.inputs.firm?.sha256);
    expect(restored.logo?.sha256).toBe(original.inputs.logo?.sha256);
    const rebuilt = await buildReport({ inputs: restored, htmlOnly: true });
    for (const locale of ['zh-TW', 'en']) {
      const name = `report.${locale}.html`;
      const html = (r: typeof original) => r.artifacts.find((a) => a.name === name)?.sha256;
      expect(html(rebuilt)).toBe(html(original));
    }
    expect(rebuilt.manifest.inputsHash).toBe(original.manifest.inputsHash);
  });

  test('a firm.json naming a logo the set lacks is refused, located', async () => {
    const inputs = await loadInputs({ dataFile: SAMPLE, firm });
    const { logo: _, ...withoutLogo } = inputs;
    expect(() => readFirm(withoutLogo)).toThrow(InvalidInputError);
    try {
      readFirm(withoutLogo);
    } catch (error) {
      expect((error as InvalidInputError).problems[0]).toMatchObject({
        file: FIRM_INPUT,
        path: 'logo',
        ...msg.firm.noLogoInput('config/logo.svg'),
      });
    }
  });
});

describe('the logo', () => {
  const svg = (body: string) =>
    inputFile(
      'config/logo.svg',
      Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">\n${body}\n</svg>`),
    );

  test("the sample's SVG is embedded as a data: URL", () => {
    const bytes = readFileSync('assets/logo.svg');
    const url = logoDataUrl(inputFile('config/logo.svg', bytes));
    expect(url).toBe(`data:image/svg+xml;base64,${bytes.toString('base64')}`);
  });

  test.each([
    ['<script>alert(1)</script>', 'a <script> element', 2, 1],
    ['<rect onload="alert(1)" width="1"/>', 'an event handler attribute (on…=)', 2, 7],
    ['<image href="https://example.com/x.png"/>', 'a reference to another file (href)', 2, 8],
    ['<use xlink:href="file:///etc/passwd#a"/>', 'a reference to another file (href)', 2, 6],
    ['<rect style="fill: url(https://x/y)"/>', 'a reference to another file (url(…))', 2, 20],
    ['<foreignObject><p>x</p></foreignObject>', 'a <foreignObject> (an embedded page)', 2, 1],
  ])('refuses %s, with its line and column', (body, what, line, column) => {
    try {
      logoDataUrl(svg(body));
      expect.unreachable('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).message).toContain(
        msg.firm.couldNotUseLogo('config/logo.svg'),
      );
      expect((error as InvalidInputError).problems[0]).toMatchObject({
        file: 'config/logo.svg',
        path: 'firm.logo',
        line,
        column,
        ...msg.firm.unsafeSvg(what),
      });
    }
  });

  test('keeps references inside the file (#id) and plain shapes', () => {
    const body = '<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/>';
    expect(logoDataUrl(svg(body))).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  test('a PNG must be one, and no logo may be huge', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(8),
    ]);
    expect(logoDataUrl(inputFile('config/logo.png', png))).toMatch(/^data:image\/png;base64,/);
    expect(() => logoDataUrl(inputFile('config/logo.png', Buffer.from('<svg/>')))).toThrow(
      InvalidInputError,
    );
    const huge = svg(`<!-- ${'x'.repeat(MAX_LOGO_BYTES)} -->`);
    expect(() => logoDataUrl(huge)).toThrow(/Could not use the logo/);
  });

  test('a build with an unsafe logo stops before anything is printed, naming the file', async () => {
    const logo = path.join(tempDir(), 'logo.svg');
    writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>');
    const build = buildReport({ dataFile: SAMPLE, firm: { ...firm, logo }, htmlOnly: true });
    await expect(build).rejects.toBeInstanceOf(InvalidInputError);
    await expect(build).rejects.toThrow(msg.firm.couldNotUseLogo(logo));
  });
});
