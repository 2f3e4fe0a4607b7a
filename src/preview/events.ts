/** Server-sent events: every page open on /events is told each new state of the preview. */
import type { ServerResponse } from 'node:http';

export interface EventHub {
  /** Takes the response of a GET /events and keeps it open, sending `first` at once. */
  add(res: ServerResponse, first: unknown): void;
  send(event: string, data: unknown): void;
  /** Ends every stream (the server is stopping). */
  close(): void;
}

/** A comment line keeps idle connections open through proxies and tells a gone page early. */
const HEARTBEAT_MS = 15_000;

export function createEventHub(): EventHub {
  const clients = new Set<ServerResponse>();
  const frame = (event: string, data: unknown) =>
    `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': \n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    add(res, first) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.write(frame('state', first));
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    send(event, data) {
      const text = frame(event, data);
      for (const res of clients) res.write(text);
    },
    close() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
