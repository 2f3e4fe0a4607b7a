/**
 * The DRAFT watermark of a week built with `--draft`: one fixed element, which Chromium repeats on
 * every printed page, across the middle of the sheet, with its word in the page's language. Its
 * text is real text (a PDF reader finds it), set in the page's own fonts.
 */
import Handlebars from './handlebars.js';

const STYLE = `<style id="draft-watermark">
.draft-watermark {
  position: fixed; top: 50%; left: 50%; z-index: 1000;
  transform: translate(-50%, -50%) rotate(-30deg);
  font-size: 96pt; font-weight: 700; letter-spacing: 0.08em; white-space: nowrap;
  color: rgba(178, 34, 34, 0.14); pointer-events: none;
}
</style>`;

/** The page with its watermark: the style in the head, the element first in the body. */
export function markDraft(html: string, word: string): string {
  const mark = `<div class="draft-watermark" aria-hidden="true">${Handlebars.escapeExpression(word)}</div>`;
  return html
    .replace('</head>', () => `${STYLE}\n</head>`)
    .replace(/<body[^>]*>/, (body) => `${body}\n${mark}`);
}
