/** The request guards, on their own: which Host and which targets the preview answers. */
import { expect, test } from 'vitest';
import { allowedHost, safePath } from '../../src/preview/server.js';
import { pageMargins, withSheet } from '../../src/preview/sheet.js';

test('only the loopback names of its own port are hosts of the preview', () => {
  expect(allowedHost('127.0.0.1:4173', 4173)).toBe(true);
  expect(allowedHost('localhost:4173', 4173)).toBe(true);
  for (const host of [
    undefined,
    '',
    '127.0.0.1',
    'localhost',
    '127.0.0.1:4174',
    'evil.example:4173',
    'LOCALHOST:4173',
    '[::1]:4173',
    '127.0.0.1:4173.evil.example',
  ]) {
    expect(allowedHost(host, 4173), String(host)).toBe(false);
  }
});

test('a target with a dot segment, an encoded dot, slash or backslash, or an absolute form is refused', () => {
  expect(safePath('/')).toBe('/');
  expect(safePath('/report/report.en.html?v=3')).toBe('/report/report.en.html');
  expect(safePath('/report/charts/x.en.svg')).toBe('/report/charts/x.en.svg');
  for (const target of [
    '/../package.json',
    '/report/../x',
    '/./x',
    '/%2e%2e/x',
    '/%2E./x',
    '/report/..%2Fx',
    '/report%5c..%5cx',
    '/a\\b',
    '//etc/passwd',
    'http://127.0.0.1:4173/',
    '*',
    '/x%00',
  ]) {
    expect(safePath(target), target).toBeUndefined();
  }
});

test("the preview's sheet style follows the report's @page margins and applies on screen only", () => {
  const html =
    '<html><head><style>@page { size: A4; margin: 20mm 15mm 22mm 14mm; }</style></head><body></body></html>';
  expect(pageMargins(html)).toEqual(['20mm', '15mm', '22mm', '14mm']);
  expect(pageMargins('<html></html>')).toEqual(['18mm', '18mm', '18mm', '18mm']);
  const served = withSheet(html, 'Letter');
  expect(served).toContain('@media screen');
  expect(served).toContain('--sheet-w: 8.5in');
  expect(served.indexOf('capex-preview-sheet')).toBeLessThan(served.indexOf('</head>'));
});
