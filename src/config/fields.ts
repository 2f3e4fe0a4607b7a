/**
 * The config's field types. Every string refuses CR, LF and other control characters: names,
 * addresses and lines of the config end up in mail headers (sender, subject, footer), where a
 * line break would let a value add headers of its own.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { msg } from '../messages/index.js';

// Any C0/C1 control character, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** A trimmed, non-empty text on one line. */
export const oneLine = z
  .string()
  .trim()
  .refine((text) => !CONTROL.test(text), msg.config.oneLineText)
  .refine((text) => text.replace(/[\p{Cf}\s]/gu, '') !== '', 'a non-empty text');

export const shortLine = (max: number) =>
  oneLine.refine((t) => t.length <= max, msg.config.shortText(max));

/** A text in both report languages. */
export const bilingual = z.strictObject({ 'zh-TW': oneLine, en: oneLine });

/** Lines (contact lines, paragraphs) in both report languages. */
export const bilingualLines = (line: z.ZodType<string>) =>
  z.strictObject({ 'zh-TW': z.array(line).min(1), en: z.array(line).min(1) });

export const email = oneLine.pipe(z.email(msg.config.emailAddress));

// RFC 1123 host names: labels of letters, digits and inner hyphens.
const HOST =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
export const hostName = oneLine.refine((h) => HOST.test(h) || isIP(h) !== 0, msg.config.hostName);

export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, msg.config.colour);

export const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, msg.config.envName);

export const phone = z
  .string()
  .regex(/^\+?[0-9][0-9 ()-]{4,24}(?: (?:ext\.?|#) ?[0-9]{1,6})?$/, msg.config.phoneNumber);

export const filePath = oneLine;

export const imagePath = filePath.refine((p) => /\.(svg|png)$/i.test(p), msg.config.imageFile);

export const unsubscribeUrl = oneLine.refine(isUnsubscribeUrl, msg.config.unsubscribeUrl);

function isUnsubscribeUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  if (url.protocol === 'https:') return url.hostname !== '';
  return (
    url.protocol === 'mailto:' && z.email().safeParse(decodeURIComponent(url.pathname)).success
  );
}

export const dkimSelector = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]*)$/, msg.config.dkimSelector);
