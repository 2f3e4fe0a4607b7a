/**
 * Stage 6, render: one language's view through the templates into a self-contained HTML page
 * (styles, fonts and charts inline; nothing is fetched).
 */

import { InvalidInputError } from '../errors.js';
import type { Translate } from '../i18n/index.js';
import { msg } from '../messages/index.js';
import Handlebars from './handlebars.js';
import { type PaperSize, pageCss } from './page-css.js';
import type { RenderTemplate } from './templates.js';
import type { ReportView } from './view.js';

/** Where the font CSS goes once the page's characters are known (see `insertFontCss`). */
export const FONT_CSS_MARKER = '/*@capex-report:fonts@*/';

export interface HtmlInput {
  view: ReportView;
  /** The firm's colours, from its config. */
  colors?: { primary: string; accent: string } | undefined;
  render: RenderTemplate;
  /** The print stylesheet's text. */
  css: string;
  t: Translate;
  paper: PaperSize;
}

export function renderHtml({ view, render, css, t, paper, colors }: HtmlInput): string {
  labelPaths(view, 'view');
  const html = render({
    ...view,
    fontCss: new Handlebars.SafeString(FONT_CSS_MARKER),
    css: new Handlebars.SafeString(css),
    pageCss: new Handlebars.SafeString(
      pageCss({
        paper,
        title: view.title,
        weekLabel: view.weekLabel,
        editionLabel: view.editionLabel,
        firmName: view.firm?.name,
        logo: view.firm?.logo,
        colors,
        t,
      }),
    ),
  });
  assertNoBlanks(html, view.locale);
  return html;
}

export function insertFontCss(html: string, fontCss: string): string {
  return html.replace(FONT_CSS_MARKER, () => fontCss);
}

/**
 * Gives every object of the view a `toString` that returns its data path, so that a strict-mode
 * error ("x" not defined in <object>) names where the value was missing.
 */
function labelPaths(value: unknown, path: string): void {
  if (value === null || typeof value !== 'object' || value instanceof Handlebars.SafeString) return;
  if (Object.hasOwn(value, 'toString')) return;
  Object.defineProperty(value, 'toString', { value: () => path, enumerable: false });
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) labelPaths(v, `${path}[${i}]`);
  } else for (const [k, v] of Object.entries(value)) labelPaths(v, `${path}.${k}`);
}

/** The report must never print a blank cell, "undefined", "NaN" or an object's default string. */
function assertNoBlanks(html: string, locale: string): void {
  const checks: [RegExp, string][] = [
    [/<td[^>]*>\s*<\/td>/, msg.render.blanks.emptyCell],
    [/>[^<]*\b(?:undefined|NaN|null)\b[^<]*</, msg.render.blanks.undefinedText],
    [/\[object [A-Z][a-z]+\]/, msg.render.blanks.objectText],
  ];
  // Style sheets hold data: URLs (the logo), whose base64 may spell "null" between two symbols.
  const page = html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '<style></style>');
  const problems = checks
    .filter(([pattern]) => pattern.test(page))
    .map(([, what]) => ({ file: `report.${locale}.html`, path: '', ...msg.render.blank(what) }));
  if (problems.length > 0)
    throw new InvalidInputError(msg.render.couldNotRenderPage(locale), problems);
}
