/**
 * The parts every message of one language shares: the content per language (content.ts), the
 * text and HTML bodies (templates.ts) and the PDFs, each MIME-encoded once per run with
 * nodemailer's MimeNode, so that a message takes them as raw parts.
 */
import MimeNode from 'nodemailer/lib/mime-node';
import type { Locale } from '../data/schema.js';
import { projectTranslator } from '../i18n/index.js';
import type { ComposerBase } from './compose.js';
import { buildContent } from './content.js';
import { renderBodies } from './templates.js';

export interface EncodedParts {
  text: Buffer;
  html: Buffer;
  attachments: Buffer[];
}

/** The subject and the encoded parts of a message in these languages (in this order). */
export async function renderParts(
  base: ComposerBase,
  locales: readonly Locale[],
  test: boolean,
): Promise<{ subject: string; parts: EncodedParts }> {
  const contents = await Promise.all(
    locales.map(async (locale) =>
      buildContent({
        edition: base.edition,
        firm: base.firm,
        locale,
        t: await projectTranslator(locale),
        ...(test ? { test: true } : {}),
      }),
    ),
  );
  const subject = contents.map((c) => c.subject).join(' / ');
  const bodies = await renderBodies({ parts: contents, subject, colours: base.firm.colors });
  const attachments = contents.map((c) =>
    encodeAttachment(c.attachment.file, Buffer.from(base.edition.pdfs[c.locale])),
  );
  return {
    subject,
    parts: {
      text: await encodeText(bodies.text, 'plain'),
      html: await encodeText(bodies.html, 'html'),
      attachments: await Promise.all(attachments),
    },
  };
}

/** A part's headers and encoded body, ready to go into a message as it is. */
async function encodePart(
  contentType: string,
  fill: (node: MimeNode) => void,
  filename?: string,
): Promise<Buffer> {
  // A child of a throwaway root: a root would add Date, Message-ID and MIME-Version of its own.
  const root = new MimeNode('multipart/mixed', { textEncoding: 'B' });
  const node = root.createChild(contentType, {
    textEncoding: 'B',
    ...(filename === undefined ? {} : { filename }),
  });
  fill(node);
  return node.build();
}

const encodeText = (text: string, subtype: 'plain' | 'html') =>
  encodePart(`text/${subtype}; charset=utf-8`, (node) => node.setContent(text));

/** A PDF under its file name: RFC 2231 (filename*) and RFC 2047 (name=) encoded by MimeNode. */
const encodeAttachment = (filename: string, content: Buffer) =>
  encodePart(
    'application/pdf',
    (node) => {
      node.setHeader('Content-Disposition', 'attachment');
      node.setContent(content);
    },
    filename,
  );
