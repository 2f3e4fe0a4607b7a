/**
 * The SMTP adapter: nodemailer's pooled transport with the config's host, port, TLS mode, user,
 * pool size, rate and the password from its environment variable (read here, through
 * readSmtpPassword, and handed to nodemailer only: never logged, never in a reply or an error
 * this module gives back). Messages go out as the raw bytes compose.ts built.
 *
 * Each send answers with what became of the message, decided from nodemailer's error and from
 * whether the message's data had started to flow to the server (see outcome.ts): only an answer
 * lost after the data started is `unknown`.
 */
import type { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import type { SMTPPoolOptions } from 'nodemailer/lib/smtp-pool';
import type { Config } from '../config/index.js';
import { readSmtpPassword } from '../config/index.js';
import { EnvironmentError } from '../errors.js';
import { msg } from '../messages/index.js';
import { classifyError, type Delivery, replyCodeOf } from './outcome.js';
import { redactor } from './redact.js';

export type Envelope = { from: string; to: string[] };

export interface Transport {
  /** Sends the message; never throws for what the server or the network did. */
  deliver(raw: Buffer, envelope: Envelope): Promise<Delivery>;
  close(): void;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Refuses a real send without a server, saying which settings and variables configure one. */
export function requireSmtpHost(config: Pick<Config, 'smtp'>): string {
  const host = config.smtp.host;
  if (host === undefined) throw new EnvironmentError(msg.email.noSmtp(config.smtp.passwordEnv));
  return host;
}

/** Messages per second as nodemailer's "this many per that many ms" (2.5/s: 2 per 800 ms). */
export function rateWindow(perSecond: number): { rateLimit: number; rateDelta: number } {
  const rateLimit = Math.max(1, Math.floor(perSecond));
  return { rateLimit, rateDelta: Math.round((1000 * rateLimit) / perSecond) };
}

export function openTransport(config: Pick<Config, 'smtp'>, env: Env = process.env): Transport {
  const host = requireSmtpHost(config);
  const { smtp } = config;
  const password = readSmtpPassword(config, env);
  const redact = redactor(smtp.user, password);
  const options: SMTPPoolOptions = {
    host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: password ?? '' } }),
    maxConnections: smtp.pool.maxConnections,
    ...rateWindow(smtp.pool.rateLimit),
    logger: false,
    debug: false,
  };
  const transporter = nodemailer.createTransport({ ...options, pool: true });
  // The stream of each message's data, to tell later whether it had begun to reach the server.
  const probes = new WeakMap<Buffer, { stream?: Readable }>();
  transporter.use('stream', (mail, done) => {
    const probe = probes.get(mail.data.raw as Buffer);
    // The last stage of the message's stream is what the connection pipes into DATA once the
    // server said 354: noted, not replaced (no extra copy of every message).
    if (probe) {
      mail.message.processFunc((input: Readable) => {
        probe.stream = input;
        return input;
      });
    }
    done();
  });
  return {
    async deliver(raw, envelope) {
      const probe: { stream?: Readable } = {};
      probes.set(raw, probe);
      try {
        const info = await transporter.sendMail({ raw, envelope });
        const reply = redact(String(info.response ?? ''));
        return { kind: 'accepted', code: replyCodeOf(reply), reply };
      } catch (error) {
        // 'data' was emitted: bytes of the message went to the socket after the server's 354.
        const dataStarted = probe.stream?.readableDidRead === true;
        return classifyError(error, dataStarted, redact);
      } finally {
        probes.delete(raw);
      }
    },
    close: () => transporter.close(),
  };
}
