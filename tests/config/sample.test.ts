/** The sample config at the repository root validates, and says it is a sample everywhere. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONFIG_FILE_NAME, findConfigFile, loadConfig } from '../../src/config/index.js';

const root = process.cwd();

describe('the sample config', () => {
  test('is the one found in the working folder, and validates', async () => {
    expect(await findConfigFile(root)).toBe(path.join(root, CONFIG_FILE_NAME));
    const { config, origins } = await loadConfig({ cwd: root, env: {} });
    expect(config.firm.logo).toBe(path.join(root, 'assets/logo.svg'));
    expect(config.firm.analysts?.length).toBeGreaterThan(0);
    expect(config.sender.from?.address).toMatch(/@example\.com$/);
    expect(origins.get('firm.name.en')).toMatchObject({ kind: 'file', file: CONFIG_FILE_NAME });
  });

  test('is marked as a sample at the top and in the firm name', async () => {
    const text = readFileSync(path.join(root, CONFIG_FILE_NAME), 'utf8');
    expect(text.split('\n').slice(0, 3).join('\n')).toMatch(/SAMPLE CONFIG: a FICTIONAL firm/);
    const { config } = await loadConfig({ cwd: root, env: {} });
    expect(config.firm.name?.en).toMatch(/\(sample\)$/);
    expect(config.firm.name?.['zh-TW']).toMatch(/（範例）$/);
    expect(config.firm.licence?.en).toMatch(/not a real licence/);
  });

  test('uses only example.com addresses', () => {
    const text = readFileSync(path.join(root, CONFIG_FILE_NAME), 'utf8');
    const domains = [...text.matchAll(/[\w.+-]+@([\w.-]+)/g)].map((m) => m[1]);
    expect(domains.length).toBeGreaterThan(0);
    expect(new Set(domains)).toEqual(new Set(['example.com']));
  });

  test('comments every setting', () => {
    const lines = readFileSync(path.join(root, CONFIG_FILE_NAME), 'utf8').split('\n');
    // Keys that are parts of one setting's value (a language, an analyst's e-mail) share its comment.
    const part = /^\s*(zh-TW|en|name|email|phone|certification|address|primary|accent):/;
    const uncommented = lines.filter((line, i) => {
      if (!/^\s*[\w-]+:/.test(line) || part.test(line)) return false;
      const above = lines.slice(0, i).findLast((l) => l.trim() !== '') ?? '';
      return !above.trim().startsWith('#');
    });
    expect(uncommented).toEqual([]);
  });

  test('its logo is a small self-made SVG: shapes only, no text, images or scripts', () => {
    const svg = readFileSync(path.join(root, 'assets/logo.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox=/);
    expect(svg).not.toMatch(/<(text|image|script|foreignObject|use)\b|href=/);
    expect(svg.length).toBeLessThan(2048);
  });
});
