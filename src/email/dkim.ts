/**
 * DKIM signing of a composed message, when `smtp.dkim` is configured. Signed here, on the
 * message's bytes, rather than inside the SMTP transport, so that what goes to the server and what
 * `send --dry-run` writes as .eml are the very same bytes. The private key is read once and kept
 * in memory only.
 */
import { readFile } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import DKIM from 'nodemailer/lib/dkim';
import type { Config } from '../config/index.js';
import { EnvironmentError } from '../errors.js';
import { msg } from '../messages/index.js';

export type Signer = (raw: Buffer) => Promise<Buffer>;

/** A signer for the configured key, or undefined when DKIM is not configured. */
export async function loadSigner(config: Pick<Config, 'smtp'>): Promise<Signer | undefined> {
  const dkim = config.smtp.dkim;
  if (!dkim) return undefined;
  let privateKey: string;
  try {
    privateKey = await readFile(dkim.keyFile, 'utf8');
  } catch (cause) {
    throw new EnvironmentError(msg.email.dkimKeyUnreadable(dkim.keyFile), { cause });
  }
  const signer = new DKIM({ domainName: dkim.domain, keySelector: dkim.selector, privateKey });
  return (raw) => buffer(signer.sign(raw));
}
