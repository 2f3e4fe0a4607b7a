import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createTranslator } from '../../src/i18n/index.js';

const RESOURCES = {
  greeting: 'Hello, {{name}}',
  count: 'Count: {{n}}',
  flag: 'Shown: {{on}}',
};

describe('translator', () => {
  test('the same key with other values gives other strings, every time', async () => {
    const t = await createTranslator('en', RESOURCES);
    for (let round = 0; round < 2; round++) {
      expect(t('greeting', { name: 'Ann' })).toBe('Hello, Ann');
      expect(t('greeting', { name: 'Bo' })).toBe('Hello, Bo');
      expect(t('count', { n: 1 })).toBe('Count: 1');
      expect(t('count', { n: '1' })).toBe('Count: 1');
      expect(t('count', { n: 2 })).toBe('Count: 2');
      expect(t('flag', { on: true })).toBe('Shown: true');
      expect(t('flag', { on: false })).toBe('Shown: false');
    }
  });

  test('values JSON cannot tell apart print as i18next prints them', async () => {
    const t = await createTranslator('en', RESOURCES);
    expect(t('count', { n: Number.NaN })).toBe('Count: NaN');
    expect(t('count', { n: Number.POSITIVE_INFINITY })).toBe('Count: Infinity');
    expect(t('count', { n: [1, 2] })).toBe('Count: 1,2');
    expect(t('count', { n: [3] })).toBe('Count: 3');
  });

  test('a missing key fails on every call', async () => {
    const t = await createTranslator('en', RESOURCES);
    for (let round = 0; round < 2; round++) {
      expect(() => t('nope')).toThrow(InvalidInputError);
      expect(() => t('nope', { name: 'Ann' })).toThrow(/Missing string "nope" in locale en/);
    }
  });

  test('two translators never share answers', async () => {
    const a = await createTranslator('en', RESOURCES);
    const b = await createTranslator('en', { ...RESOURCES, greeting: 'Hi, {{name}}' });
    expect(a('greeting', { name: 'Ann' })).toBe('Hello, Ann');
    expect(b('greeting', { name: 'Ann' })).toBe('Hi, Ann');
  });
});
