/**
 * `capex-report.config.yaml`: one zod schema is the file's validation, the TypeScript types of
 * the effective settings, and the one place where defaults are written. Every field is optional;
 * `configSchema.parse({})` gives the settings of a run without a config file. The firm's identity
 * has no defaults: an unconfigured firm is absent, never invented.
 *
 * Paths are left as written here; `resolve.ts` makes them absolute (a path in the file is read
 * from the file's folder, one from the environment, a flag or a default from the working folder).
 */
import { z } from 'zod';
import { LOCALES } from '../data/schema.js';
import { msg } from '../messages/index.js';
import {
  bilingual,
  bilingualLines,
  colour,
  dkimSelector,
  email,
  envName,
  filePath,
  hostName,
  imagePath,
  oneLine,
  phone,
  shortLine,
  unsubscribeUrl,
} from './fields.js';

export const PAPERS = ['A4', 'Letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** `tls`: TLS from the first byte (port 465); `starttls`: upgrade a plain connection (587). */
export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];
export const DEFAULT_SMTP_PORTS: Readonly<Record<SmtpSecurity, number>> = {
  tls: 465,
  starttls: 587,
  none: 25,
};

export const DEFAULT_PASSWORD_ENV = 'CAPEX_REPORT_SMTP_PASSWORD';

/** The settings that are file paths, resolved to absolute paths when loaded. */
export const PATH_SETTINGS = [
  'firm.logo',
  'paths.data',
  'paths.output',
  'paths.archive',
  'paths.cache',
  'paths.clients',
  'browser.executablePath',
  'smtp.dkim.keyFile',
] as const;

const analystSchema = z.strictObject({
  name: bilingual,
  email,
  phone: phone.optional(),
  /** The analyst's certification, printed beside the name (e.g. 證券投資分析人員). */
  certification: bilingual.optional(),
});

export const firmSchema = z.strictObject({
  name: bilingual.optional(),
  /** An SVG or PNG file, printed on page 1 and in the running header. */
  logo: imagePath.optional(),
  colors: z.strictObject({ primary: colour, accent: colour }).optional(),
  /** Address, phone, web: a few short lines per language. */
  contact: bilingualLines(shortLine(120)).optional(),
  /** The licence line a Taiwan securities investment consulting firm prints. */
  licence: bilingual.optional(),
  /** Replaces the report's own disclaimer: paragraphs per language. */
  disclaimer: bilingualLines(oneLine).optional(),
  analysts: z.array(analystSchema).optional(),
});

const reportSchema = z.strictObject({
  paper: z.enum(PAPERS).default('A4'),
  languages: z
    .array(z.enum(LOCALES))
    .min(1)
    .refine((list) => new Set(list).size === list.length, msg.config.eachLanguageOnce)
    .default([...LOCALES]),
});

const pathsSchema = z.strictObject({
  data: filePath.default('data'),
  output: filePath.default('output'),
  archive: filePath.default('archive'),
  cache: filePath.default('node_modules/.cache/capex-report'),
  clients: filePath.default('data/clients.yaml'),
});

const smtpSchema = z
  .strictObject({
    /** No host: e-mail is not configured (`send` refuses; `send --dry-run` writes .eml files). */
    host: hostName.optional(),
    port: z.number().int().min(1).max(65535).optional(),
    security: z.enum(SMTP_SECURITY).default('starttls'),
    user: oneLine.optional(),
    /** The NAME of the environment variable that holds the password; never the password. */
    passwordEnv: envName.default(DEFAULT_PASSWORD_ENV),
    pool: z
      .strictObject({
        maxConnections: z.number().int().min(1).max(100).default(5),
        /** Messages per second, across all connections. */
        rateLimit: z.number().positive().max(1000).default(10),
        /** Messages being prepared and sent at once. */
        concurrency: z.number().int().min(1).max(100).default(5),
      })
      .prefault({}),
    dkim: z
      .strictObject({ domain: hostName, selector: dkimSelector, keyFile: filePath })
      .optional(),
  })
  .prefault({})
  // The port's default follows the security mode; this is still the one place defaults live.
  .transform(({ host, port, ...rest }) => ({
    ...(host === undefined ? {} : { host }),
    port: port ?? DEFAULT_SMTP_PORTS[rest.security],
    ...rest,
  }));

const senderSchema = z.strictObject({
  from: z
    .strictObject({ name: z.union([oneLine, bilingual]).optional(), address: email })
    .optional(),
  replyTo: email.optional(),
  /** Sent as the List-Unsubscribe header. */
  listUnsubscribe: unsubscribeUrl.optional(),
});

export const configSchema = z.strictObject({
  firm: firmSchema.prefault({}),
  report: reportSchema.prefault({}),
  paths: pathsSchema.prefault({}),
  browser: z.strictObject({ executablePath: filePath.optional() }).prefault({}),
  smtp: smtpSchema,
  sender: senderSchema.prefault({}),
});

/** The effective settings: every setting that has a default is present. */
export type Config = z.output<typeof configSchema>;
/** What a config file (or any other layer) may hold. */
export type ConfigInput = z.input<typeof configSchema>;
export type Firm = Config['firm'];
export type SmtpConfig = Config['smtp'];
export type SenderConfig = Config['sender'];
