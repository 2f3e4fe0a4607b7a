/**
 * What the preview answers, by exact path: its page, stylesheet and script, the state stream
 * (/events), printing (POST /print), and the report's files under /report/<name>, looked up by
 * name among the last build's artifacts in memory. Nothing is read from disk by a request's path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { msg } from '../messages/index.js';
import type { PaperSize } from '../render/page-css.js';
import type { EventHub } from './events.js';
import { PAGE_CSP, PAGE_CSS, PAGE_SCRIPT, pageHtml } from './page.js';
import type { PreviewSession } from './session.js';
import { withSheet } from './sheet.js';

export interface RouteContext {
  session: PreviewSession;
  events: EventHub;
}

/** The report page keeps its own policy (also sent as a header) and may be framed by the preview. */
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; frame-ancestors 'self'";

const COMMON = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...COMMON,
    'Content-Type': 'text/plain; charset=utf-8',
    ...headers,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

const PAGE = { 'Content-Security-Policy': PAGE_CSP, 'X-Frame-Options': 'DENY' };

export async function route(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  context: RouteContext,
): Promise<void> {
  const { session, events } = context;
  if (req.method === 'POST') {
    if (pathname !== '/print') return send(res, 405, msg.preview.notAllowed);
    return print(res, session);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, msg.preview.notAllowed);
  switch (pathname) {
    case '/':
      return send(res, 200, pageHtml(), { ...PAGE, 'Content-Type': 'text/html; charset=utf-8' });
    case '/preview.css':
      return send(res, 200, PAGE_CSS, { 'Content-Type': 'text/css; charset=utf-8' });
    case '/preview.js':
      return send(res, 200, PAGE_SCRIPT, { 'Content-Type': 'text/javascript; charset=utf-8' });
    case '/events':
      return events.add(res, session.state());
    case '/state.json':
      return send(res, 200, JSON.stringify(session.state()), {
        'Content-Type': 'application/json',
      });
  }
  if (pathname.startsWith('/report/')) return reportFile(res, pathname.slice(8), context);
  send(res, 404, msg.preview.notFound);
}

function reportFile(res: ServerResponse, name: string, { session }: RouteContext): void {
  const file = session.files.get(name);
  if (!file) {
    send(res, 404, msg.preview.notFound);
    return;
  }
  if (name.endsWith('.html')) {
    const paper = session.state().paper as PaperSize;
    const html = withSheet(Buffer.from(file.bytes).toString('utf8'), paper);
    send(res, 200, html, {
      'Content-Type': file.mediaType,
      'Content-Security-Policy': REPORT_CSP,
      'X-Frame-Options': 'SAMEORIGIN',
    });
    return;
  }
  const headers: Record<string, string> = { 'Content-Type': file.mediaType };
  if (name.endsWith('.pdf')) headers['Content-Disposition'] = `inline; filename="${name}"`;
  if (name.endsWith('.svg'))
    headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'";
  send(res, 200, file.bytes, headers);
}

async function print(res: ServerResponse, session: PreviewSession): Promise<void> {
  try {
    await session.print();
    const { pdfs, printedVersion } = session.state();
    send(res, 200, JSON.stringify({ ok: true, printedVersion, pdfs }), {
      'Content-Type': 'application/json',
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    send(res, 500, JSON.stringify({ ok: false, error: message }), {
      'Content-Type': 'application/json',
    });
  }
}
