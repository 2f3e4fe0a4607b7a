/** A config file is refused, located, for every kind of mistake; a password never passes. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONFIG_FILE_NAME, loadConfig } from '../../src/config/index.js';
import { EXIT_CODES, formatProblem, InvalidInputError, type Problem } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('capex-config-load-');

/** A folder holding `capex-report.config.yaml` with `text`, plus any other files. */
function project(text: string, files: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, CONFIG_FILE_NAME), text);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The InvalidInputError loading the folder's config throws. */
async function refusal(cwd: string, env: Record<string, string> = {}): Promise<InvalidInputError> {
  const error = await loadConfig({ cwd, env }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

const problemAt = (error: InvalidInputError, dataPath: string): Problem => {
  const problem = error.problems.find((p) => p.path === dataPath);
  expect(problem, `a problem at ${dataPath} in ${error.message}`).toBeDefined();
  return problem as Problem;
};

describe('a bad config file', () => {
  test('is invalid input (exit 1) naming file, line, column, data path, expected and found', async () => {
    const cwd = project(['report:', '  paper: A5', 'smtp:', '  port: 70000', ''].join('\n'));
    const error = await refusal(cwd);
    expect(error.exitCode).toBe(EXIT_CODES.invalidInput);
    expect(error.message).toContain(msg.config.invalidFile(CONFIG_FILE_NAME, 2));
    expect(problemAt(error, 'report.paper')).toEqual({
      file: CONFIG_FILE_NAME,
      path: 'report.paper',
      line: 2,
      column: 10,
      expected: msg.schema.oneOf(['A4', 'Letter']),
      found: '"A5"',
    });
    const port = problemAt(error, 'smtp.port');
    expect(port).toMatchObject({
      line: 4,
      expected: msg.schema.atMost(65535, true),
      found: '70000',
    });
    expect(error.message).toContain(formatProblem(port));
  });

  test('every problem is reported at once, in the order of the file', async () => {
    const cwd = project(
      [
        'firm:',
        '  colors: { primary: blue, accent: "#123456" }',
        'sender:',
        '  replyTo: not-an-address',
        'report:',
        '  languages: [en, en]',
      ].join('\n'),
    );
    const error = await refusal(cwd);
    expect(error.problems.map((p) => [p.path, p.line])).toEqual([
      ['firm.colors.primary', 2],
      ['sender.replyTo', 4],
      ['report.languages', 6],
    ]);
    expect(problemAt(error, 'firm.colors.primary').expected).toBe(msg.config.colour);
    expect(problemAt(error, 'sender.replyTo').expected).toBe(msg.config.emailAddress);
    expect(problemAt(error, 'report.languages').expected).toBe(msg.config.eachLanguageOnce);
  });

  test('an unknown field is located, with a "did you mean"', async () => {
    const cwd = project('smtp:\n  hots: mail.example.com\n');
    const problem = problemAt(await refusal(cwd), 'smtp.hots');
    expect(problem).toMatchObject({ line: 2, ...msg.schema.unknownField('hots', 'host') });
  });

  test('YAML that does not parse is located', async () => {
    const cwd = project('report:\n  paper: [A4\n');
    const error = await refusal(cwd);
    expect(error.message).toContain(msg.input.couldNotParse('config', CONFIG_FILE_NAME));
    expect(error.problems[0]?.line).toBeGreaterThan(0);
  });

  test('a config file named by --config that does not exist is invalid input', async () => {
    const error = await loadConfig({ cwd: tempDir(), configFile: 'nope.yaml', env: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems[0]).toMatchObject({
      file: 'nope.yaml',
      ...msg.input.unreadable('YAML', 'no such file'),
    });
  });
});

describe('passwords', () => {
  test.each([
    ['smtp:\n  host: mail.example.com\n  password: hunter2-secret-value\n', 'smtp.password', 3],
    ['smtp:\n  Pass: hunter2-secret-value\n', 'smtp.Pass', 2],
    [
      'sender:\n  from:\n    address: a@example.com\n    SECRET: hunter2-secret-value\n',
      'sender.from.SECRET',
      4,
    ],
    ['smtpPassword: hunter2-secret-value\n', 'smtpPassword', 1],
  ])('%j is refused, saying where passwords go', async (text, dataPath, line) => {
    const error = await refusal(project(text));
    const key = dataPath.split('.').at(-1) as string;
    expect(problemAt(error, dataPath)).toEqual({
      file: CONFIG_FILE_NAME,
      path: dataPath,
      line,
      column: expect.any(Number),
      ...msg.config.passwordInConfig(key, 'CAPEX_REPORT_SMTP_PASSWORD'),
    });
    expect(error.problems).toHaveLength(1); // not a second time as an unknown field
    expect(error.message).not.toContain('hunter2');
  });

  test('the hint names the variable smtp.passwordEnv names', async () => {
    const text = 'smtp:\n  passwordEnv: DESK_SMTP_PASSWORD\n  password: hunter2\n';
    const problem = problemAt(await refusal(project(text)), 'smtp.password');
    expect(problem.hint).toBe(msg.config.passwordInConfig('password', 'DESK_SMTP_PASSWORD').hint);
    expect(problem.hint).toContain('DESK_SMTP_PASSWORD');
  });

  test('a password written as smtp.passwordEnv is refused without being shown', async () => {
    const error = await refusal(project('smtp:\n  passwordEnv: "hunter2 is my pw!"\n'));
    expect(problemAt(error, 'smtp.passwordEnv')).toMatchObject(msg.config.notAnEnvName);
    expect(error.message).not.toContain('hunter2');
  });
});

describe('header-bound strings', () => {
  test.each([
    [
      'sender:\n  from:\n    name: "Desk\\r\\nBcc: victim@example.com"\n    address: a@example.com\n',
      'sender.from.name',
    ],
    [
      'sender:\n  from:\n    name: { zh-TW: "研究部\\n", en: "Desk\\u0007" }\n    address: a@example.com\n',
      'sender.from.name.en',
    ],
    ['smtp:\n  user: "reports@example.com\\r\\nX-Injected: 1"\n', 'smtp.user'],
    ['firm:\n  contact: { zh-TW: ["a\\rb"], en: [ok] }\n', 'firm.contact.zh-TW[0]'],
  ])('a CR, LF or control character is refused (%#)', async (text, dataPath) => {
    const problem = problemAt(await refusal(project(text)), dataPath);
    expect(problem.expected).toBe(msg.config.oneLineText);
    expect(problem.line).toBeGreaterThan(0);
  });

  test('a trailing newline of a folded YAML text is trimmed, not refused', async () => {
    const cwd = project(
      'firm:\n  licence:\n    zh-TW: >\n      許可證\n    en: >\n      Licence\n',
    );
    const { config } = await loadConfig({ cwd, env: {} });
    expect(config.firm.licence).toEqual({ 'zh-TW': '許可證', en: 'Licence' });
  });

  test('List-Unsubscribe must be a mailto: address or an https:// URL', async () => {
    for (const bad of ['http://example.com/u', 'mailto:nobody', 'javascript:alert(1)']) {
      const error = await refusal(project(`sender:\n  listUnsubscribe: "${bad}"\n`));
      expect(problemAt(error, 'sender.listUnsubscribe').expected).toBe(msg.config.unsubscribeUrl);
    }
  });
});

describe('files the config names', () => {
  test('a missing logo is located, with the path it was looked for at', async () => {
    const cwd = project('firm:\n  logo: assets/logo.svg\n');
    const problem = problemAt(await refusal(cwd), 'firm.logo');
    const resolved = path.join(cwd, 'assets/logo.svg');
    expect(problem).toMatchObject({
      line: 2,
      ...msg.config.missingFile(msg.config.logoFile, resolved, 'no such file'),
    });
  });

  test('a logo must be .svg or .png, and be one', async () => {
    const gif = await refusal(project('firm:\n  logo: logo.gif\n', { 'logo.gif': 'GIF89a' }));
    expect(problemAt(gif, 'firm.logo').expected).toBe(msg.config.imageFile);
    const fake = await refusal(project('firm:\n  logo: logo.png\n', { 'logo.png': '<svg/>' }));
    expect(problemAt(fake, 'firm.logo')).toMatchObject(msg.config.notAnImage('.png'));
  });

  test('a missing DKIM key file is located', async () => {
    const text =
      'smtp:\n  dkim:\n    domain: example.com\n    selector: s1\n    keyFile: dkim.pem\n';
    const problem = problemAt(await refusal(project(text)), 'smtp.dkim.keyFile');
    expect(problem.line).toBe(5);
    expect(problem.found).toBe('no such file');
  });
});
