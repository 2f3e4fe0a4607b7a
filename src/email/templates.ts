/**
 * The e-mail's bodies from the Handlebars templates in `templates/email/`: the HTML (its
 * stylesheet, also a template for the firm's colours, inlined into every element by juice, as
 * Gmail and Outlook ignore most <style> rules) and the plain text. One instance of Handlebars of
 * our own, so no helper or partial of the report's can leak in.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import juice from 'juice';
import { TEMPLATES_DIR } from '../project.js';
import type { LanguageContent } from './content.js';

export const EMAIL_TEMPLATES_DIR = path.join(TEMPLATES_DIR, 'email');

/** No web fonts in mail: English in Arial, Chinese in the reader's Traditional Chinese face. */
const LATIN_FONTS = "Arial, 'Helvetica Neue', Helvetica, sans-serif";
const CHINESE_FONTS =
  "'PingFang TC', 'Microsoft JhengHei', 'Noto Sans TC', 'Noto Sans CJK TC', Arial, sans-serif";
const DEFAULT_COLOURS = { primary: '#0b4f8a', accent: '#c8a24a' };

export interface BodyInput {
  /** One part per language, in order (a `both` client: zh-TW, then en). */
  parts: LanguageContent[];
  subject: string;
  colours?: { primary: string; accent: string } | undefined;
}

export interface Bodies {
  html: string;
  text: string;
}

type Render = (data: unknown) => string;
interface Compiled {
  html: Render;
  text: Render;
  css: Render;
}

let compiled: Promise<Compiled> | undefined;

/** The templates, read and compiled once per process. */
function templates(): Promise<Compiled> {
  compiled ??= compileTemplates();
  return compiled;
}

async function compileTemplates(): Promise<Compiled> {
  const hbs = Handlebars.create();
  const read = (name: string) => readFile(path.join(EMAIL_TEMPLATES_DIR, name), 'utf8');
  const [html, text, css] = await Promise.all(
    ['message.html.hbs', 'message.text.hbs', 'message.css.hbs'].map(read),
  );
  return {
    html: hbs.compile(html, { strict: true }),
    text: hbs.compile(text, { strict: true, noEscape: true }),
    css: hbs.compile(css, { strict: true, noEscape: true }),
  };
}

export async function renderBodies(input: BodyInput): Promise<Bodies> {
  const t = await templates();
  const first = input.parts[0];
  const colours = input.colours ?? DEFAULT_COLOURS;
  const css = t.css({ ...colours, latinFonts: LATIN_FONTS, chineseFonts: CHINESE_FONTS });
  const html = t.html({
    lang: first?.htmlLang ?? 'en',
    subject: input.subject,
    preheader: input.parts.map((p) => p.correction ?? p.headline).join(' / '),
    css,
    parts: input.parts.map((p) => ({ ...p, fontClass: p.locale === 'en' ? 'font-en' : 'font-zh' })),
  });
  const inlined = juice(html, { preserveMediaQueries: true, applyWidthAttributes: true });
  return { html: inlined, text: t.text({ parts: input.parts }).replace(/\n{3,}/g, '\n\n') };
}
