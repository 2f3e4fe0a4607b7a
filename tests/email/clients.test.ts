/** The client list: the sample validates; every kind of bad entry is refused, located. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadClients, parseClients } from '../../src/email/clients.js';
import { InvalidInputError, type Problem } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { ROOT } from '../helpers/cli.js';
import { CLIENTS_YAML } from './fixture.js';

function problemsOf(text: string): readonly Problem[] {
  try {
    parseClients(text, 'clients.yaml');
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems;
    throw error;
  }
  throw new Error('the list was accepted');
}

const one = (fields: string) => `clients:\n  - id: acme\n${fields}`;
const base = '    name: Acme\n    email: acme@example.com\n    language: en\n';

describe('the sample client list', () => {
  test('validates: fictional clients on example.com across the languages, one inactive', async () => {
    const list = await loadClients(path.join(ROOT, 'data', 'clients.yaml'));
    expect(list.clients.length).toBeGreaterThanOrEqual(6);
    expect(list.clients.every((c) => c.email.endsWith('@example.com'))).toBe(true);
    expect(new Set(list.clients.map((c) => c.language))).toEqual(new Set(['zh-TW', 'en', 'both']));
    expect(list.clients.filter((c) => !c.active)).toHaveLength(1);
    expect(list.clients.some((c) => c.tags.length > 0)).toBe(true);
  });

  test('the tests’ list parses with defaults (active, no tags)', () => {
    const { clients } = parseClients(CLIENTS_YAML, 'x.yaml');
    expect(clients.find((c) => c.id === 'zh-one')).toEqual({
      id: 'zh-one',
      name: '台北一號投資（測試）',
      email: 'zh-one@example.com',
      language: 'zh-TW',
      active: true,
      tags: [],
    });
  });
});

describe('a bad client list is refused with file, line, path, expected and found', () => {
  test('a CR/LF in a name (header injection) and a control character in a tag', () => {
    const problems = problemsOf(
      one(
        '    name: "Acme\\r\\nBcc: victim@example.net"\n    email: acme@example.com\n    language: en\n    tags: ["vip\\u0007"]\n',
      ),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'clients.yaml',
        path: 'clients[0].name',
        line: 3,
        expected: msg.config.oneLineText,
      }),
    );
    expect(problems.map((p) => p.path)).toContain('clients[0].tags[0]');
  });

  test('a line break in an address or a cc', () => {
    const problems = problemsOf(
      one(
        '    name: Acme\n    email: "acme@example.com\\nBcc: x@example.net"\n    language: en\n    cc: ["b@example.com\\r"]\n',
      ),
    );
    expect(problems.map((p) => p.path).sort()).toEqual(['clients[0].cc[0]', 'clients[0].email']);
  });

  test('an invalid address and an unknown language', () => {
    const problems = problemsOf(
      one('    name: Acme\n    email: not-an-address\n    language: fr\n'),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'clients[0].email', line: 4, found: '"not-an-address"' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'clients[0].language',
        line: 5,
        expected: msg.schema.oneOf(['zh-TW', 'en', 'both']),
        found: '"fr"',
      }),
    );
  });

  test('duplicate ids and duplicate addresses, compared without case', () => {
    const text = `clients:
  - id: acme
${base}  - id: acme
    name: Acme Two
    email: two@example.com
    language: en
  - id: other
    name: Other
    email: ACME@Example.com
    language: zh-TW
  - id: third
    name: Third
    email: third@example.com
    language: both
    cc: [Third@example.com]
`;
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'clients[1].id',
        line: 6,
        ...msg.clients.duplicateId('clients[0].id (line 2)'),
      }),
      expect.objectContaining({
        path: 'clients[2].email',
        line: 12,
        ...msg.clients.duplicateAddress('clients[0].email (line 4)'),
      }),
      expect.objectContaining({
        path: 'clients[3].cc[0]',
        line: 18,
        ...msg.clients.ccRepeatsAddress('clients[3].email (line 16)'),
      }),
    ]);
  });

  test('an id that cannot go into a Message-ID, an unknown field with a suggestion, no clients', () => {
    const problems = problemsOf(
      'clients:\n  - id: "Acme Capital"\n    name: Acme\n    emial: a@example.com\n    language: en\n',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'clients[0].id', expected: msg.clients.clientId }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'clients[0].emial',
        ...msg.schema.unknownField('emial', 'email'),
      }),
    );
    expect(problemsOf('clients: []\n')).toEqual([
      expect.objectContaining({ path: 'clients', expected: msg.schema.atLeastItems(1) }),
    ]);
  });

  test('a missing file names the file', async () => {
    await expect(loadClients('/nonexistent/clients.yaml')).rejects.toThrow(
      msg.input.couldNotRead(msg.clients.what, '/nonexistent/clients.yaml'),
    );
  });

  test('the sample file is on example.com only (no real address slipped in)', () => {
    const text = readFileSync(path.join(ROOT, 'data', 'clients.yaml'), 'utf8');
    const addresses = text.match(/[\w.+-]+@[\w.-]+/g) ?? [];
    expect(addresses.length).toBeGreaterThan(6);
    expect(addresses.every((a) => a.endsWith('@example.com'))).toBe(true);
  });
});
