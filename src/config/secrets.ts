/**
 * The SMTP password lives only in the environment variable the config names. This module is the
 * one place that reads it, and the one that refuses a config file trying to hold a secret: a
 * config file is committed, copied and archived; the environment is not.
 */
import type { Config } from './schema.js';

/** Keys that hold a secret: `password`, `pass`, `passwd`, `secret`, and `smtpPassword`-like names. */
const SECRET_KEY = /^(?:pass|passwd)$|(?:password|secret)$/i;

export const isSecretKey = (key: string) => SECRET_KEY.test(key);

/** Paths of every secret-looking key in a parsed file, at any depth. */
export function findSecretKeys(
  value: unknown,
  prefix: (string | number)[] = [],
): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findSecretKeys(item, [...prefix, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    isSecretKey(key) ? [[...prefix, key]] : findSecretKeys(child, [...prefix, key]),
  );
}

/**
 * A copy without the secret keys, so that the schema check that follows neither reports them a
 * second time (as unknown fields) nor could ever quote their values.
 */
export function withoutSecretKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecretKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !isSecretKey(key))
      .map(([key, child]) => [key, withoutSecretKeys(child)]),
  );
}

/** The SMTP password from the variable `smtp.passwordEnv` names; an empty one counts as unset. */
export function readSmtpPassword(
  config: Pick<Config, 'smtp'>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const value = env[config.smtp.passwordEnv];
  return value === undefined || value === '' ? undefined : value;
}
