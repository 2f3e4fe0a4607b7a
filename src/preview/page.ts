/** The preview page: its HTML (labels from the catalog, as data), stylesheet and script. */
import { msg } from '../messages/index.js';

export { PAGE_SCRIPT } from './page-script.js';
export { PAGE_CSS } from './page-style.js';

/** The page's own policy: its script and style from this server only, nothing inline. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON in a script element of type application/json: `<` escaped so it cannot close it. */
function jsonData(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function pageHtml(): string {
  const labels = msg.preview.page;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${labels.title}</title>
<link rel="stylesheet" href="/preview.css">
<script type="application/json" id="labels">${jsonData(labels)}</script>
</head>
<body>
<header class="bar">
  <div class="brand">capex-report <span class="muted">${labels.brand}</span></div>
  <div class="week" id="week">—</div>
  <div class="status" id="status" data-status="building"><span class="dot"></span><span id="status-text">${labels.firstBuild}</span></div>
  <div class="actions"><span id="pdfs"></span><button id="print" type="button" disabled>${labels.print}</button></div>
</header>
<section id="marks" class="panel marks" hidden></section>
<section id="problems" class="panel problems" role="alert" hidden></section>
<main id="panes"></main>
<script src="/preview.js"></script>
</body>
</html>
`;
}
