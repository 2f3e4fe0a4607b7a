/**
 * One message per client, in the client's language, built by nodemailer's MailComposer into raw
 * bytes: the same bytes go to the SMTP server and to an .eml file.
 *
 * A `both` client gets ONE message: both PDFs attached, the body in Chinese then English, and
 * the subject "<Chinese subject> / <English subject>" (two messages would look like a duplicate
 * and split a reply thread). The Message-ID is stable per (client, week, version), so a resend
 * of a message whose answer was lost carries the same id and mail programs fold the duplicate.
 */
import { createHash, randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Config } from '../config/index.js';
import type { Locale } from '../data/schema.js';
import { projectTranslator } from '../i18n/index.js';
import { buildContent, type LanguageContent } from './content.js';
import type { Signer } from './dkim.js';
import type { Edition } from './edition.js';
import { renderBodies } from './templates.js';

export type MessageLanguage = 'zh-TW' | 'en' | 'both';

export interface Recipient {
  id: string;
  name: string;
  email: string;
  cc: readonly string[];
  language: MessageLanguage;
}

export interface Sender {
  from: { name?: string | { 'zh-TW': string; en: string } | undefined; address: string };
  replyTo?: string | undefined;
  listUnsubscribe?: string | undefined;
}

export interface ComposeInput {
  edition: Edition;
  recipient: Recipient;
  sender: Sender;
  firm: Config['firm'];
  messageId: string;
  date: Date;
  /** `send --test`: the subject says so. */
  test?: boolean;
  sign?: Signer | undefined;
}

export interface ComposedMessage {
  messageId: string;
  subject: string;
  /** The SMTP envelope: the sender's address; the client's address and its cc. */
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

export const localesOf = (language: MessageLanguage): Locale[] =>
  language === 'both' ? ['zh-TW', 'en'] : [language];

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);
const hash = (...parts: (string | number)[]) =>
  createHash('sha256').update(parts.join('\0')).digest('hex');

/** `<2026-W06.v1.acme.3f9a1c2b7d4e@example.com>`: the same for the same client and version. */
export function stableMessageId(edition: Edition, clientId: string, senderAddress: string): string {
  const { week, version, manifestSha256 } = edition.record;
  const short = hash(week, version, clientId, manifestSha256).slice(0, 12);
  return `<${week}.v${version}.${clientId}.${short}@${domainOf(senderAddress)}>`;
}

/** A test message's id: never a client's, so no mail program folds the real one into it. */
export function testMessageId(edition: Edition, language: string, senderAddress: string): string {
  const { week, version } = edition.record;
  const random = randomBytes(6).toString('hex');
  return `<${week}.v${version}.test-${language}.${random}@${domainOf(senderAddress)}>`;
}

export async function composeMessage(input: ComposeInput): Promise<ComposedMessage> {
  const { edition, recipient, sender } = input;
  const locales = localesOf(recipient.language);
  const parts = await Promise.all(
    locales.map(async (locale) =>
      buildContent({
        edition,
        firm: input.firm,
        locale,
        t: await projectTranslator(locale),
        ...(input.test ? { test: true } : {}),
      }),
    ),
  );
  const subject = parts.map((p) => p.subject).join(' / ');
  const bodies = await renderBodies({ parts, subject, colours: input.firm.colors });
  const composer = new MailComposer({
    from: { name: senderName(sender, recipient.language), address: sender.from.address },
    to: { name: recipient.name, address: recipient.email },
    ...(recipient.cc.length > 0 ? { cc: [...recipient.cc] } : {}),
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    subject,
    messageId: input.messageId,
    date: input.date,
    text: bodies.text,
    html: bodies.html,
    attachments: attachmentsOf(edition, parts),
    headers: headersOf(edition, sender),
    textEncoding: 'B',
    // The same boundaries for the same message id: the same message gives the same bytes.
    baseBoundary: hash(input.messageId).slice(0, 24),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const built = await composer.compile().build();
  const raw = input.sign ? await input.sign(built) : built;
  const envelope = { from: sender.from.address, to: [recipient.email, ...recipient.cc] };
  return { messageId: input.messageId, subject, envelope, raw };
}

function senderName(sender: Sender, language: MessageLanguage): string {
  const name = sender.from.name;
  if (name === undefined) return '';
  if (typeof name === 'string') return name;
  return localesOf(language)
    .map((l) => name[l])
    .join(' / ');
}

function attachmentsOf(edition: Edition, parts: readonly LanguageContent[]) {
  return parts.map((part) => ({
    filename: part.attachment.file,
    content: Buffer.from(edition.pdfs[part.locale]),
    contentType: 'application/pdf',
  }));
}

function headersOf(edition: Edition, sender: Sender): Record<string, string> {
  const { week, version, manifestSha256 } = edition.record;
  const headers: Record<string, string> = {
    // Which archived version this is: `capex-report archive show <week> v<N>` finds it.
    'X-Capex-Report-Version': `${week} v${version} ${manifestSha256.slice(0, 12)}`,
  };
  const url = sender.listUnsubscribe;
  if (url) {
    headers['List-Unsubscribe'] = `<${url}>`;
    // RFC 8058 one-click unsubscribe applies to an https URL only.
    if (url.startsWith('https:')) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return headers;
}
