/**
 * The firm's logo as the page embeds it: a data: URL, so the page loads nothing. An SVG is a
 * document that can carry scripts, event handlers and references to other files; a logo needs
 * none of them, so an SVG holding any is refused, located, rather than cleaned behind the
 * author's back (Chromium runs no script in an <img>, but the PDF would still carry the bytes).
 */
import { InvalidInputError } from '../errors.js';
import { msg } from '../messages/index.js';
import { type InputFile, shownName, textOf } from './files.js';

/** Larger than any sensible logo; it is printed on page 1 and in every running header. */
export const MAX_LOGO_BYTES = 256 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What an SVG logo may not hold, each with what the message calls it. */
const UNSAFE: readonly [RegExp, string][] = [
  [/<script\b/i, 'a <script> element'],
  [/<foreignObject\b/i, 'a <foreignObject> (an embedded page)'],
  [/<(?:iframe|embed|object|audio|video)\b/i, 'an embedded document or media element'],
  [/<!(?:DOCTYPE|ENTITY)\b/i, 'a DOCTYPE or ENTITY declaration'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute (on…=)'],
  [/\s(?:xlink:)?href\s*=\s*(["'])(?!#)/i, 'a reference to another file (href)'],
  [/url\(\s*(["']?)(?!#)/i, 'a reference to another file (url(…))'],
  [/@import\b/i, 'a style sheet import'],
  [/javascript:/i, 'a javascript: address'],
];

/** The logo as a data: URL; an unusable file is refused with where the problem is. */
export function logoDataUrl(file: InputFile): string {
  const refuse = (problem: { expected: string; found?: string; hint?: string }, at?: number) => {
    const where = at === undefined ? {} : lineAndColumn(textOf(file), at);
    return new InvalidInputError(msg.firm.couldNotUseLogo(shownName(file)), [
      { file: shownName(file), path: 'firm.logo', ...where, ...problem },
    ]);
  };
  if (file.bytes.length > MAX_LOGO_BYTES)
    throw refuse(msg.firm.logoTooLarge(MAX_LOGO_BYTES, file.bytes.length));
  if (/\.png$/i.test(file.name)) {
    if (!PNG_SIGNATURE.every((byte, i) => file.bytes[i] === byte)) throw refuse(msg.firm.notAPng);
    return `data:image/png;base64,${Buffer.from(file.bytes).toString('base64')}`;
  }
  const svg = textOf(file);
  if (!/<svg[\s>]/.test(svg)) throw refuse(msg.firm.notAnSvg);
  for (const [pattern, what] of UNSAFE) {
    const found = pattern.exec(svg);
    if (found) throw refuse(msg.firm.unsafeSvg(what), found.index + (/^\s/.test(found[0]) ? 1 : 0));
  }
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
