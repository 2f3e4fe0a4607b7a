/** The config file (`capex-report.config.yaml`), the environment and the flags that override it. */
import type { ProblemText } from '../errors.js';

const problems = (count: number) => (count === 1 ? '1 problem' : `${count} problems`);

export const invalidFile = (file: string, count: number) =>
  `Invalid config (${file}): ${problems(count)}`;
export const invalidEnvironment = (count: number) =>
  `Invalid settings in the environment: ${problems(count)}`;
export const invalidFlags = (count: number) => `Invalid option values: ${problems(count)}`;
/** Where an environment variable's problem is, in place of a file name. */
export const environmentVariable = (name: string) => `environment variable ${name}`;
/** Where a flag's problem is, in place of a file name. */
export const flag = (name: string) => `option ${name}`;

// Expectations, used as zod messages by the schema (the problem's "expected").
export const oneLineText =
  'a text on one line without control characters (it can end up in a mail header)';
export const shortText = (max: number) => `a text of at most ${max} characters`;
export const emailAddress = 'an e-mail address such as desk@example.com';
export const hostName = 'a host name or IP address such as mail.example.com';
export const colour = 'a colour written #rrggbb, e.g. #0b4f8a';
export const imageFile = 'a .svg or .png file';
export const envName =
  'an environment variable name (letters, digits and _), e.g. CAPEX_REPORT_SMTP_PASSWORD';
export const unsubscribeUrl = 'a mailto: address or an https:// URL';
export const phoneNumber = 'a phone number such as +886 2 2345 6789';
export const dkimSelector = 'a DKIM selector (letters, digits, ".", "-" and "_")';
export const eachLanguageOnce = 'each language at most once';

// Problems.
export const passwordInConfig = (key: string, passwordEnv: string): ProblemText => ({
  expected: 'no password or secret in the config file',
  found: `a field "${key}" (its value is not shown)`,
  hint: `passwords never go in the config: put it in the environment variable ${passwordEnv} (named by smtp.passwordEnv)`,
});
/** smtp.passwordEnv holds a name; what was written there may be the password itself. */
export const notAnEnvName: ProblemText = {
  expected: envName,
  found: 'something else (not shown: it may be the password itself)',
  hint: 'write the NAME of the variable here and set the password in that variable',
};
export const logoFile = 'the logo file';
export const dkimKeyFile = 'the DKIM private key file';
export const missingFile = (what: string, resolved: string, found: string): ProblemText => ({
  expected: `${what} at ${resolved}`,
  found,
  hint: 'a relative path is read from the config file’s folder',
});
export const notAnImage = (ext: string): ProblemText => ({
  expected: `a ${ext.slice(1).toUpperCase()} image (the file’s content)`,
  found: 'something else',
});

// `capex-report config`.
export const passwordState = (name: string, set: boolean) => `${name} (${set ? 'set' : 'not set'})`;
