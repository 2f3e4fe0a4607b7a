/** One merge, lowest first: defaults < config file < environment < flags, each with its origin. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CONFIG_FILE_NAME,
  formatOrigin,
  type LoadedConfig,
  loadConfig,
} from '../../src/config/index.js';
import { InvalidInputError, UsageError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('capex-config-resolve-');

const originOf = (loaded: LoadedConfig, key: string) => {
  const origin = loaded.origins.get(key);
  expect(origin, `an origin for ${key}`).toBeDefined();
  return formatOrigin(origin ?? { kind: 'default' });
};

function writeConfig(dir: string, text: string, name = CONFIG_FILE_NAME): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('without a config file', () => {
  test('every setting is its default, with origin "default"', async () => {
    const cwd = tempDir();
    const loaded = await loadConfig({ cwd, env: {} });
    expect(loaded.file).toBeUndefined();
    expect(loaded.config).toEqual({
      firm: {},
      report: { paper: 'A4', languages: ['zh-TW', 'en'] },
      paths: {
        data: path.join(cwd, 'data'),
        output: path.join(cwd, 'output'),
        archive: path.join(cwd, 'archive'),
        cache: path.join(cwd, 'node_modules/.cache/capex-report'),
        clients: path.join(cwd, 'data/clients.yaml'),
      },
      browser: {},
      smtp: {
        port: 587,
        security: 'starttls',
        passwordEnv: 'CAPEX_REPORT_SMTP_PASSWORD',
        pool: { maxConnections: 5, rateLimit: 10, concurrency: 5 },
      },
      sender: {},
    });
    expect(loaded.origins.size).toBe(13);
    for (const origin of loaded.origins.values()) expect(origin).toEqual({ kind: 'default' });
  });

  test('a config file with every line commented out (or empty) sets nothing', async () => {
    for (const text of ['', '# report:\n#   paper: Letter\n\n']) {
      const cwd = tempDir();
      writeConfig(cwd, text);
      const loaded = await loadConfig({ cwd, env: {} });
      expect(loaded.file).toBe(path.join(cwd, CONFIG_FILE_NAME));
      expect(loaded.config.report.paper).toBe('A4');
      expect(originOf(loaded, 'report.paper')).toBe('default');
    }
  });

  test('the port follows the security mode unless one is given', async () => {
    const cwd = tempDir();
    const tls = await loadConfig({ cwd, env: { CAPEX_REPORT_SMTP_SECURITY: 'tls' } });
    expect(tls.config.smtp.port).toBe(465);
    expect(originOf(tls, 'smtp.port')).toBe('default');
    expect(originOf(tls, 'smtp.security')).toBe('env CAPEX_REPORT_SMTP_SECURITY');
  });
});

describe('the layers', () => {
  const fileText = [
    'report:',
    '  paper: Letter',
    '  languages: [en]',
    'paths:',
    '  output: out-from-file',
    '  archive: archive-from-file',
    '  cache: cache-from-file',
    'smtp:',
    '  host: file.example.com',
    '  port: 2525',
    '',
  ].join('\n');

  test('each layer overrides the one below, and says so', async () => {
    const cwd = tempDir();
    writeConfig(cwd, fileText);
    const env = {
      CAPEX_REPORT_ARCHIVE: 'archive-from-env',
      CAPEX_REPORT_CACHE: 'cache-from-env',
      CAPEX_REPORT_SMTP_HOST: 'env.example.com',
    };
    const loaded = await loadConfig({ cwd, env, flags: { cache: 'cache-from-flag' } });
    const { config } = loaded;
    expect(loaded.file).toBe(path.join(cwd, CONFIG_FILE_NAME));
    // default < file
    expect(config.paths.data).toBe(path.join(cwd, 'data'));
    expect(originOf(loaded, 'paths.data')).toBe('default');
    expect(config.paths.output).toBe(path.join(cwd, 'out-from-file'));
    expect(originOf(loaded, 'paths.output')).toBe(`file ${CONFIG_FILE_NAME}:5`);
    // file < env
    expect(config.paths.archive).toBe(path.join(cwd, 'archive-from-env'));
    expect(originOf(loaded, 'paths.archive')).toBe('env CAPEX_REPORT_ARCHIVE');
    expect(config.smtp.host).toBe('env.example.com');
    expect(originOf(loaded, 'smtp.host')).toBe('env CAPEX_REPORT_SMTP_HOST');
    expect(config.smtp.port).toBe(2525);
    expect(originOf(loaded, 'smtp.port')).toBe(`file ${CONFIG_FILE_NAME}:10`);
    // env < flag
    expect(config.paths.cache).toBe(path.join(cwd, 'cache-from-flag'));
    expect(originOf(loaded, 'paths.cache')).toBe('flag --cache-dir');
  });

  test('a flag overrides the file (paper, languages, output)', async () => {
    const cwd = tempDir();
    writeConfig(cwd, fileText);
    const flags = { paper: 'A4', languages: ['zh-TW', 'en'], output: 'out-flag' } as const;
    const loaded = await loadConfig({ cwd, env: {}, flags });
    expect(loaded.config.report).toEqual({ paper: 'A4', languages: ['zh-TW', 'en'] });
    expect(originOf(loaded, 'report.paper')).toBe('flag --paper');
    expect(originOf(loaded, 'report.languages')).toBe('flag --locale');
    expect(originOf(loaded, 'paths.output')).toBe('flag --out');
    expect(loaded.config.paths.output).toBe(path.join(cwd, 'out-flag'));
  });

  test('an empty environment variable counts as unset', async () => {
    const cwd = tempDir();
    writeConfig(cwd, fileText);
    const loaded = await loadConfig({ cwd, env: { CAPEX_REPORT_SMTP_HOST: '' } });
    expect(loaded.config.smtp.host).toBe('file.example.com');
    expect(originOf(loaded, 'smtp.host')).toBe(`file ${CONFIG_FILE_NAME}:9`);
  });
});

describe('paths', () => {
  test("a relative path in the file is read from the file's folder, not the working folder", async () => {
    const cwd = tempDir();
    const file = writeConfig(
      path.join(cwd, 'conf'),
      'paths:\n  archive: ../shared/archive\n',
      'desk.yaml',
    );
    const loaded = await loadConfig({ cwd, configFile: 'conf/desk.yaml', env: {} });
    expect(loaded.file).toBe(file);
    expect(loaded.config.paths.archive).toBe(path.join(cwd, 'shared/archive'));
    expect(originOf(loaded, 'paths.archive')).toBe(`file ${path.join('conf', 'desk.yaml')}:2`);
    // Paths from the environment, the flags and the defaults are the working folder's.
    const env = { CAPEX_REPORT_OUTPUT: 'o', PUPPETEER_EXECUTABLE_PATH: 'bin/chrome' };
    const withEnv = await loadConfig({
      cwd,
      configFile: 'conf/desk.yaml',
      env,
      flags: { clients: 'c.yaml' },
    });
    expect(withEnv.config.paths.output).toBe(path.join(cwd, 'o'));
    expect(withEnv.config.browser.executablePath).toBe(path.join(cwd, 'bin/chrome'));
    expect(withEnv.config.paths.clients).toBe(path.join(cwd, 'c.yaml'));
    expect(withEnv.config.paths.data).toBe(path.join(cwd, 'data'));
  });

  test('CAPEX_REPORT_CONFIG names the file; --config wins over it', async () => {
    const cwd = tempDir();
    writeConfig(cwd, 'report:\n  paper: Letter\n', 'env.yaml');
    writeConfig(cwd, 'report:\n  paper: A4\n', 'flag.yaml');
    writeConfig(cwd, 'report:\n  paper: [not, read]\n'); // the working folder's, bypassed
    const byEnv = await loadConfig({ cwd, env: { CAPEX_REPORT_CONFIG: 'env.yaml' } });
    expect(byEnv.config.report.paper).toBe('Letter');
    expect(originOf(byEnv, 'report.paper')).toBe('file env.yaml:2');
    const byFlag = await loadConfig({
      cwd,
      configFile: 'flag.yaml',
      env: { CAPEX_REPORT_CONFIG: 'env.yaml' },
    });
    expect(originOf(byFlag, 'report.paper')).toBe('file flag.yaml:2');
  });

  test('a config file outside the working folder is shown by its absolute path', async () => {
    const elsewhere = writeConfig(tempDir(), 'report:\n  paper: Letter\n');
    const loaded = await loadConfig({ cwd: tempDir(), configFile: elsewhere, env: {} });
    expect(originOf(loaded, 'report.paper')).toBe(`file ${elsewhere}:2`);
  });
});

describe('bad values outside the file', () => {
  test('a bad environment variable is invalid input naming the variable', async () => {
    const env = { CAPEX_REPORT_SMTP_PORT: '25x', CAPEX_REPORT_SMTP_SECURITY: 'ssl' };
    const error = await loadConfig({ cwd: tempDir(), env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const problems = (error as InvalidInputError).problems;
    expect(problems.map((p) => [p.file, p.path])).toEqual([
      [msg.config.environmentVariable('CAPEX_REPORT_SMTP_PORT'), 'smtp.port'],
      [msg.config.environmentVariable('CAPEX_REPORT_SMTP_SECURITY'), 'smtp.security'],
    ]);
    expect(problems[0]?.found).toBe('"25x"');
    expect((error as Error).message).toContain(msg.config.invalidEnvironment(2));
  });

  test('a bad flag value is a usage error (exit 2) naming the option', async () => {
    const flags = { languages: ['zh-TW', 'fr'] } as unknown as { languages: ['en'] };
    const error = await loadConfig({ cwd: tempDir(), env: {}, flags }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as Error).message).toContain(msg.config.invalidFlags(1));
    expect((error as Error).message).toContain(
      `${msg.config.flag('--locale')} at report.languages[1]`,
    );
  });

  test('a language given twice on the command line counts once', async () => {
    const loaded = await loadConfig({
      cwd: tempDir(),
      env: {},
      flags: { languages: ['en', 'en'] },
    });
    expect(loaded.config.report.languages).toEqual(['en']);
  });
});
