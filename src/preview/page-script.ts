/**
 * The preview page's script (served as /preview.js under the page's own CSP, `script-src 'self'`).
 * It follows the server's state (server-sent events on /events); on a new good build it loads each
 * language's page in a hidden frame, fits it to its column, draws the forced page breaks, keeps
 * the reader's place, and swaps it in: no reload by hand, no flash. The report frames are
 * sandboxed without scripts; same-origin lets this script measure and scroll them.
 */
export const PAGE_SCRIPT = `'use strict';
const L = JSON.parse(document.getElementById('labels').textContent);
const FORCED = new Set(['page', 'left', 'right', 'recto', 'verso']);
const $ = (id) => document.getElementById(id);
const panes = new Map();
let state = null;
let shown = 0;

function el(tag, props, children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children || []) node.append(child);
  return node;
}

function ensurePanes(locales) {
  const main = $('panes');
  if (main.dataset.locales === locales.join(',')) return;
  main.dataset.locales = locales.join(',');
  main.style.setProperty('--columns', String(locales.length));
  main.replaceChildren();
  panes.clear();
  shown = 0;
  for (const locale of locales) {
    const frames = el('div', { className: 'frames' }, [el('div', { className: 'empty', textContent: L.firstBuild })]);
    frames.dataset.locale = locale;
    main.append(el('section', { className: 'pane' }, [el('h3', { textContent: L.languages[locale] || locale }), frames]));
    panes.set(locale, { frames, current: null, incoming: null });
  }
}

function markBreaks(doc) {
  const win = doc.defaultView;
  const top = doc.body.getBoundingClientRect().top;
  const gap = () => {
    const node = doc.createElement('div');
    node.className = 'capex-preview-break';
    node.setAttribute('aria-hidden', 'true');
    return node;
  };
  for (const node of Array.from(doc.body.querySelectorAll('*'))) {
    const style = win.getComputedStyle(node);
    const first = node.getBoundingClientRect().top - top < 80;
    if (FORCED.has(style.breakBefore) && !first) node.before(gap());
    if (FORCED.has(style.breakAfter) && node.nextElementSibling) node.after(gap());
  }
}

function fit(frame) {
  const doc = frame.contentDocument;
  if (!doc || !doc.body) return;
  doc.documentElement.style.zoom = '1';
  const sheet = doc.body.getBoundingClientRect().width + 24;
  const zoom = Math.min(1.4, Math.max(0.3, frame.clientWidth / sheet));
  doc.documentElement.style.zoom = String(zoom);
}

function scrollRatio(frame) {
  const doc = frame && frame.contentDocument;
  if (!doc || !doc.scrollingElement) return 0;
  const s = doc.scrollingElement;
  return s.scrollHeight > s.clientHeight ? s.scrollTop / (s.scrollHeight - s.clientHeight) : 0;
}

function load(pane, locale, version) {
  if (pane.incoming) pane.incoming.remove();
  const frame = el('iframe', { className: 'incoming', title: L.languages[locale] || locale });
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.dataset.version = String(version);
  pane.incoming = frame;
  return new Promise((resolve) => {
    frame.addEventListener('load', () => {
      if (pane.incoming !== frame) return resolve(false);
      const doc = frame.contentDocument;
      markBreaks(doc);
      fit(frame);
      const s = doc.scrollingElement;
      s.scrollTop = scrollRatio(pane.current) * (s.scrollHeight - s.clientHeight);
      frame.classList.remove('incoming');
      for (const old of Array.from(pane.frames.children)) if (old !== frame) old.remove();
      pane.current = frame;
      pane.incoming = null;
      resolve(true);
    }, { once: true });
    frame.src = '/report/report.' + locale + '.html?v=' + version;
    pane.frames.append(frame);
  });
}

async function swap(version) {
  const loaded = await Promise.all(Array.from(panes, ([locale, pane]) => load(pane, locale, version)));
  if (loaded.every(Boolean)) {
    shown = version;
    document.body.dataset.shownVersion = String(version);
  }
}

function time(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function renderStatus() {
  const status = $('status');
  status.dataset.status = state.status;
  $('week').replaceChildren(el('b', { textContent: state.week || '—' }), ' · ' + state.paper);
  let text = L.firstBuild;
  if (state.status === 'building' && state.version > 0) text = L.building;
  if (state.status === 'ready') text = L.built + ' ' + time(state.builtAt) + ' · ' + state.buildMs + ' ms';
  if (state.status === 'error') text = state.version > 0 ? L.failed : L.problems;
  $('status-text').textContent = text;
  document.body.classList.toggle('failed', state.status === 'error');
}

function where(p) {
  let text = p.file || '';
  if (p.line !== undefined) text += ':' + p.line;
  if (p.column !== undefined) text += ':' + p.column;
  return text;
}

function detail(p) {
  const parts = [L.expected + ' ', el('b', { textContent: p.expected })];
  if (p.found !== undefined) parts.push(', ' + L.found + ' ', el('b', { textContent: p.found }));
  if (p.hint) parts.push(' (' + p.hint + ')');
  return el('div', { className: 'detail' }, parts);
}

function renderProblems() {
  const panel = $('problems');
  panel.hidden = state.status !== 'error';
  if (panel.hidden) return panel.replaceChildren();
  const items = state.problems.map((p) => el('li', {}, [
    el('span', { className: 'where', textContent: where(p) }),
    el('span', { className: 'path', textContent: p.path }),
    detail(p),
  ]));
  panel.replaceChildren(el('h2', { textContent: state.error || L.problems }), el('ul', {}, items));
}

function renderMarks() {
  const panel = $('marks');
  panel.hidden = state.marks.length === 0;
  if (panel.hidden) return panel.replaceChildren();
  const figures = state.marks.filter((m) => m.kind === 'figure').length;
  const summary = figures + ' ' + L.figuresMarked + ', ' + (state.marks.length - figures) + ' ' + L.textsMarked + '. ' + L.marks;
  const items = state.marks.map((m) => el('li', {}, [
    el('span', { className: 'where', textContent: where(m) }),
    el('span', { className: 'path', textContent: m.path }),
    m.kind === 'figure' ? el('div', { className: 'detail', textContent: L.carriedFrom + ' ' + m.carriedFrom + ': ' + m.value }) : '',
  ]));
  const open = panel.querySelector('details') && panel.querySelector('details').open;
  panel.replaceChildren(el('details', { open: Boolean(open) }, [el('summary', { textContent: summary }), el('ul', {}, items)]));
}

function renderPrint() {
  const button = $('print');
  button.disabled = state.printing || state.version === 0;
  button.textContent = state.printing ? L.printing : L.print;
  const links = state.pdfs.map((pdf) => el('a', { href: pdf.url, target: '_blank', rel: 'noopener', textContent: pdf.locale + ' ' + L.pdf + ' ↗' }));
  if (state.pdfs.length > 0 && state.printedVersion !== state.version) links.push(el('span', { className: 'older', textContent: L.printedOlder }));
  if (state.printError) links.push(el('span', { className: 'older', textContent: L.printFailed + ': ' + state.printError }));
  $('pdfs').replaceChildren(...links);
}

function update(next) {
  state = next;
  ensurePanes(state.locales);
  renderStatus();
  renderMarks();
  renderProblems();
  renderPrint();
  if (state.version > 0 && state.version !== shown) swap(state.version);
}

$('print').addEventListener('click', () => {
  fetch('/print', { method: 'POST' }).catch(() => {});
});
window.addEventListener('resize', () => {
  for (const pane of panes.values()) if (pane.current) fit(pane.current);
});
const events = new EventSource('/events');
events.addEventListener('state', (event) => update(JSON.parse(event.data)));
events.addEventListener('error', () => {
  if (events.readyState === EventSource.CLOSED) {
    $('status').dataset.status = 'offline';
    $('status-text').textContent = L.disconnected;
  }
});
`;
