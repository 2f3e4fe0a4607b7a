import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readLocaleFiles } from '../../src/i18n/index.js';
import { checkLocaleParity } from '../../src/i18n/parity.js';
import { msg } from '../../src/messages/index.js';
import { tempDirs } from '../helpers/temp.js';

const temp = tempDirs('capex-report-locales-');

describe('the zh-TW locale strings', () => {
  test('are Traditional Chinese as written in Taiwan', () => {
    expect(checkLocaleParity(readLocaleFiles())).toEqual([]);
  });

  test('a Simplified character is refused, located by file, key and line', () => {
    const dir = temp();
    cpSync('locales', dir, { recursive: true });
    const file = path.join(dir, 'zh-TW.json');
    const text = readFileSync(file, 'utf8').replace(
      '"kicker": "每週研究"',
      '"kicker": "每周研究报告"',
    );
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('"kicker"')) + 1;
    expect(checkLocaleParity(readLocaleFiles(dir))).toEqual([
      {
        file,
        path: 'cover.kicker',
        line,
        column: 15,
        ...msg.traditional.notTaiwanese([
          { char: '周', becomes: '週', at: 1, context: '每周研究报告' },
          { char: '报', becomes: '報', at: 4, context: '每周研究报告' },
        ]),
      },
    ]);
  });
});
