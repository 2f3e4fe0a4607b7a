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
import MailComposer, { type MailComposerOptions } from 'nodemailer/lib/mail-composer';
import type { Config } from '../config/index.js';
import type { Locale } from '../data/schema.js';
import type { Signer } from './dkim.js';
import type { Edition } from './edition.js';
import { renderParts } from './parts.js';

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

/**
 * What every message of one language says, built once per run: the subject and the message's
 * bytes after its header block (the body parts MIME-encoded, with boundaries of their own).
 */
interface Rendered {
  subject: string;
  /** The parts as raw MIME: text, HTML, each PDF. */
  parts: { text: Buffer; html: Buffer; attachments: Buffer[] };
  baseBoundary: string;
  /** Everything after the header block of a message with these parts and boundaries. */
  body: Buffer;
}

export type ComposerBase = Pick<ComposeInput, 'edition' | 'sender' | 'firm' | 'sign'>;
export type MessageInput = Pick<ComposeInput, 'recipient' | 'messageId' | 'date' | 'test'>;
export type Composer = (input: MessageInput) => Promise<ComposedMessage>;

/**
 * A composer for one run. The body depends only on the language (and the test mark), so it is
 * rendered, encoded and laid out once per language; each message is then its own header block,
 * from MailComposer as for a whole message, followed by those bytes. (Building every message
 * whole re-streams some 400 kB through MimeNode per client: most of a send's CPU.)
 */
export function createComposer(base: ComposerBase): Composer {
  const rendered = new Map<string, Promise<Rendered>>();
  return async (input) => {
    const key = `${input.recipient.language}:${input.test === true}`;
    let shared = rendered.get(key);
    if (!shared) {
      shared = renderShared(base, input.recipient.language, input.test === true);
      rendered.set(key, shared);
    }
    return buildMessage(base, input, await shared);
  };
}

export function composeMessage(input: ComposeInput): Promise<ComposedMessage> {
  return createComposer(input)(input);
}

async function renderShared(
  base: ComposerBase,
  language: MessageLanguage,
  test: boolean,
): Promise<Rendered> {
  const { subject, parts } = await renderParts(base, localesOf(language), test);
  const { week, version, manifestSha256 } = base.edition.record;
  const baseBoundary = hash(week, version, manifestSha256, language, String(test)).slice(0, 24);
  // A whole message with these parts; its header block is the only per-client part.
  const sample: MessageInput = {
    recipient: { id: 'sample', name: '', email: base.sender.from.address, cc: [], language },
    messageId: '<sample@localhost>',
    date: new Date(0),
  };
  const whole = await new MailComposer(mailOptions(base, sample, { subject, parts, baseBoundary }))
    .compile()
    .build();
  const body = whole.subarray(whole.indexOf(HEADER_END) + HEADER_END.length);
  return { subject, parts, baseBoundary, body };
}

const HEADER_END = '\r\n\r\n';

function mailOptions(
  { edition, sender }: ComposerBase,
  { recipient, messageId, date }: MessageInput,
  { subject, parts, baseBoundary }: Omit<Rendered, 'body'>,
): MailComposerOptions {
  return {
    from: { name: senderName(sender, recipient.language), address: sender.from.address },
    to: { name: recipient.name, address: recipient.email },
    ...(recipient.cc.length > 0 ? { cc: [...recipient.cc] } : {}),
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    subject,
    messageId,
    date,
    text: { raw: parts.text },
    html: { raw: parts.html },
    attachments: parts.attachments.map((raw) => ({ raw })),
    headers: headersOf(edition, sender),
    textEncoding: 'B',
    baseBoundary,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

async function buildMessage(
  base: ComposerBase,
  input: MessageInput,
  rendered: Rendered,
): Promise<ComposedMessage> {
  const { sender, sign } = base;
  const root = new MailComposer(mailOptions(base, input, rendered)).compile();
  const built = Buffer.concat([Buffer.from(root.buildHeaders() + HEADER_END), rendered.body]);
  const raw = sign ? await sign(built) : built;
  const { recipient, messageId } = input;
  const envelope = { from: sender.from.address, to: [recipient.email, ...recipient.cc] };
  return { messageId, subject: rendered.subject, envelope, raw };
}

function senderName(sender: Sender, language: MessageLanguage): string {
  const name = sender.from.name;
  if (name === undefined) return '';
  if (typeof name === 'string') return name;
  return localesOf(language)
    .map((l) => name[l])
    .join(' / ');
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
