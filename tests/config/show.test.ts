/** `capex-report config`: every effective setting with its origin; the password never. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CONFIG_FILE_NAME,
  configJson,
  describeConfig,
  loadConfig,
  readSmtpPassword,
} from '../../src/config/index.js';
import { msg } from '../../src/messages/index.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('capex-config-show-');
const PASSWORD = 'pw-Zq8#hunter2-never-shown';

async function loaded(env: Record<string, string>) {
  const cwd = tempDir();
  const text =
    'smtp:\n  host: mail.example.com\n  user: desk@example.com\n  passwordEnv: DESK_PW\n';
  writeFileSync(path.join(cwd, CONFIG_FILE_NAME), text);
  return { cwd, loaded: await loadConfig({ cwd, env, flags: { paper: 'Letter' } }) };
}

describe('describeConfig', () => {
  test('one line per setting, origin then key=value, as git config --show-origin', async () => {
    const { cwd, loaded: config } = await loaded({ CAPEX_REPORT_SMTP_PORT: '2525' });
    const lines = describeConfig(config, {}).split('\n');
    expect(lines.at(-1)).toBe(''); // every line ends in a newline
    expect(lines).toContain(`file ${CONFIG_FILE_NAME}:2\tsmtp.host=mail.example.com`);
    expect(lines).toContain('default\treport.languages=["zh-TW","en"]');
    expect(lines).toContain('flag --paper\treport.paper=Letter');
    expect(lines).toContain('env CAPEX_REPORT_SMTP_PORT\tsmtp.port=2525');
    expect(lines).toContain(`default\tpaths.output=${path.join(cwd, 'output')}`);
    expect(lines).toHaveLength(config.origins.size + 1);
  });

  test('the password is never printed, only its variable and whether it is set', async () => {
    const env = { DESK_PW: PASSWORD };
    const { loaded: config } = await loaded(env);
    expect(readSmtpPassword(config.config, env)).toBe(PASSWORD);
    const text = describeConfig(config, env);
    const json = JSON.stringify(configJson(config, env));
    for (const shown of [text, json, JSON.stringify(config)]) {
      expect(shown).not.toContain(PASSWORD);
      expect(shown).not.toContain('hunter2');
    }
    expect(text).toContain(
      `file ${CONFIG_FILE_NAME}:4\tsmtp.passwordEnv=${msg.config.passwordState('DESK_PW', true)}\n`,
    );
    expect(describeConfig(config, {})).toContain(
      `smtp.passwordEnv=${msg.config.passwordState('DESK_PW', false)}\n`,
    );
  });

  test('an empty password variable counts as not set', async () => {
    const { loaded: config } = await loaded({});
    expect(readSmtpPassword(config.config, { DESK_PW: '' })).toBeUndefined();
    expect(describeConfig(config, { DESK_PW: '' })).toContain(
      msg.config.passwordState('DESK_PW', false),
    );
  });
});

describe('configJson', () => {
  test('the file and every setting with its value and origin', async () => {
    const { cwd, loaded: config } = await loaded({ DESK_PW: PASSWORD });
    const json = configJson(config, { DESK_PW: PASSWORD });
    expect(json.file).toBe(path.join(cwd, CONFIG_FILE_NAME));
    expect(json.settings).toContainEqual({
      key: 'smtp.host',
      value: 'mail.example.com',
      origin: `file ${CONFIG_FILE_NAME}:2`,
    });
    expect(json.settings).toContainEqual({
      key: 'report.languages',
      value: ['zh-TW', 'en'],
      origin: 'default',
    });
    expect(json.settings).toContainEqual({
      key: 'smtp.passwordEnv',
      value: 'DESK_PW',
      origin: `file ${CONFIG_FILE_NAME}:4`,
      set: true,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  test('without a config file, file is null', async () => {
    const config = await loadConfig({ cwd: tempDir(), env: {} });
    expect(configJson(config, {}).file).toBeNull();
  });
});
