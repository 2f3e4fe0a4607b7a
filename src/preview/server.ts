/**
 * The preview's HTTP server (Node's own `http`): on 127.0.0.1 only, answering only requests
 * whose Host is the loopback name it listens on (`127.0.0.1:<port>` or `localhost:<port>`), so a
 * page of another site cannot reach it through a DNS name rebound to 127.0.0.1 (421 otherwise).
 * A POST must come from the preview's own page (its Origin; 403 otherwise). A path with a dot
 * segment, an encoded dot or slash, a backslash or an absolute form is refused (400) before any
 * route is looked up; every other unknown path is 404.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvironmentError } from '../errors.js';
import { msg } from '../messages/index.js';
import type { EventHub } from './events.js';
import { type RouteContext, route, send } from './routes.js';

export const HOST = '127.0.0.1';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Whether a request names this server: exactly one of its loopback names and its port. */
export function allowedHost(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

/** A request target this server could serve: an origin-form path without dot segments. */
export function safePath(target: string): string | undefined {
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  const pathname = target.split(/[?#]/, 1)[0] ?? '';
  if (/%2e|%2f|%5c|%00|\\/i.test(pathname)) return undefined;
  if (pathname.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  return pathname;
}

function guard(req: IncomingMessage, res: ServerResponse, port: number): string | undefined {
  if (!allowedHost(req.headers.host, port)) {
    send(res, 421, msg.preview.wrongHost);
    return undefined;
  }
  if (req.method === 'POST') {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const own = origin !== undefined && allowedHost(origin.replace(/^http:\/\//, ''), port);
    if (!own || (site !== undefined && site !== 'same-origin')) {
      send(res, 403, msg.preview.wrongOrigin);
      return undefined;
    }
  }
  const pathname = safePath(req.url ?? '');
  if (pathname === undefined) send(res, 400, msg.preview.badPath);
  return pathname;
}

export async function startServer(
  port: number,
  context: RouteContext & { events: EventHub },
): Promise<RunningServer> {
  let bound = port;
  const server: Server = createServer((req, res) => {
    const pathname = guard(req, res, bound);
    if (pathname === undefined) return;
    route(req, res, pathname, context).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, String(error));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const text =
        error.code === 'EADDRINUSE' ? msg.preview.portInUse(port) : msg.preview.cannotListen(port);
      reject(new EnvironmentError(text, { cause: error }));
    });
    server.listen(port, HOST, resolve);
  });
  bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        context.events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
