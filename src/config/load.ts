/**
 * Reading `capex-report.config.yaml`: located YAML (io/yaml.ts), then every problem at once with
 * file, line, column, data path, expected and found: a secret in the file, the schema, and the
 * files it names.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { closestName, fieldNamesOf } from '../data/suggest.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { formatPath } from '../io/paths.js';
import { type Position, parseYamlFile, type YamlKind } from '../io/yaml.js';
import { problemsFromIssues, valueAt } from '../io/zod-problems.js';
import { msg } from '../messages/index.js';
import { envName } from './fields.js';
import { CHECKED_FILES, checkNamedFile } from './files.js';
import { configSchema, DEFAULT_PASSWORD_ENV } from './schema.js';
import { findSecretKeys, withoutSecretKeys } from './secrets.js';

export const CONFIG_FILE_NAME = 'capex-report.config.yaml';
export const CONFIG_YAML: YamlKind = {
  what: 'config',
  example: 'firm:, report:, paths:, browser:, smtp:, sender:',
};

export interface ConfigFile {
  /** Absolute path. */
  file: string;
  /** The path as messages and origins show it (relative to the working folder when inside). */
  shown: string;
  /** The file's settings, valid, as written (paths not yet resolved). */
  data: Record<string, unknown>;
  locate(path: readonly PropertyKey[]): Position | undefined;
}

/** The config file of the working folder, or undefined when it has none (that is fine). */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  const file = path.resolve(cwd, CONFIG_FILE_NAME);
  try {
    await stat(file);
    return file;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return file; // exists but cannot be read: reading it says why
  }
}

/** Reads and checks a config file; throws InvalidInputError listing every problem. */
export async function readConfigFile(file: string, shown = file): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const found = msg.input.readFailure(String((cause as NodeJS.ErrnoException).code));
    throw new InvalidInputError(
      msg.input.couldNotRead(CONFIG_YAML.what, shown),
      [{ file: shown, path: '', ...msg.input.unreadable('YAML', found) }],
      { cause },
    );
  }
  // A config whose every line is commented out sets nothing, as no file does.
  if (isOnlyComments(text)) return { file, shown, data: {}, locate: () => undefined };
  const yaml = parseYamlFile(text, shown, CONFIG_YAML);
  const where: Where = { shown, locate: yaml.locate };
  const problems = [...secretProblems(yaml.data, where), ...schemaProblems(yaml.data, where)];
  problems.push(...(await fileProblems(yaml.data, path.dirname(file), problems, where)));
  if (problems.length > 0) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new InvalidInputError(msg.config.invalidFile(shown, problems.length), problems);
  }
  return { file, shown, data: yaml.data, locate: yaml.locate };
}

const isOnlyComments = (text: string) =>
  text.split(/\r?\n/).every((line) => line.trim() === '' || line.trim().startsWith('#'));

/** The file as problems name it, and how to find a data path's line in it. */
type Where = { shown: string; locate: ConfigFile['locate'] };

function at({ shown, locate }: Where, keys: readonly (string | number)[]) {
  const position = locate(keys);
  return { file: shown, path: formatPath(keys), ...(position ?? {}) };
}

function secretProblems(data: unknown, where: Where): Problem[] {
  const named = envName.safeParse(valueAt(data, ['smtp', 'passwordEnv']));
  const variable = named.success ? named.data : DEFAULT_PASSWORD_ENV;
  return findSecretKeys(data).map((keys) => ({
    ...at(where, keys),
    ...msg.config.passwordInConfig(String(keys.at(-1)), variable),
  }));
}

let fieldNames: string[] | undefined;
function suggest(key: string): string | undefined {
  fieldNames ??= fieldNamesOf(configSchema);
  return closestName(key, fieldNames);
}

function schemaProblems(data: unknown, where: Where): Problem[] {
  const checked = withoutSecretKeys(data);
  const parsed = configSchema.safeParse(checked);
  if (parsed.success) return [];
  const problems = problemsFromIssues(
    parsed.error.issues,
    { file: where.shown, data: checked, locate: where.locate },
    { suggest },
  );
  // A value written as passwordEnv that is not a variable name may be the password itself.
  return problems.map((p) =>
    p.path === 'smtp.passwordEnv' ? { ...p, ...msg.config.notAnEnvName } : p,
  );
}

async function fileProblems(
  data: unknown,
  dir: string,
  earlier: readonly Problem[],
  where: Where,
): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const setting of CHECKED_FILES) {
    const written = valueAt(data, setting.path);
    const dotted = formatPath(setting.path);
    if (typeof written !== 'string' || earlier.some((p) => p.path === dotted)) continue;
    const problem = await checkNamedFile(written, dir, setting);
    if (problem) out.push({ ...at(where, setting.path), ...problem });
  }
  return out;
}
