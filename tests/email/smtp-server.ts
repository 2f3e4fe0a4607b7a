/**
 * A real SMTP server on loopback (smtp-server) for the e-mail tests: it records every message that
 * arrives, whole, and lets a test inject faults: refuse a recipient (4xx/5xx), drop the connection
 * at MAIL FROM, or drop it after the whole message arrived without answering.
 */
import type { Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface Arrival {
  n: number;
  from: string;
  to: string[];
  raw: Buffer;
  /** The user that logged in, if any. */
  user?: string;
}

export type Reply = { code: number; text: string };

export interface Faults {
  /** Refuse a recipient: called with the address and how often it was offered before. */
  rcpt?(address: string, seen: number): Reply | undefined;
  /** Drop the connection when the n-th MAIL FROM (1-based, over all connections) comes in. */
  dropAtMailFrom?(n: number): boolean;
  /** After a whole message arrived (and was recorded): drop without answering, or reply. */
  afterData?(arrival: Arrival): 'drop' | Reply | undefined;
}

export interface TestServer {
  port: number;
  arrivals: Arrival[];
  faults: Faults;
  /** Passwords the server saw at login (to prove the client sent the right one). */
  logins: { user: string; password: string }[];
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Require this login. */
  auth?: { user: string; password: string };
  faults?: Faults;
}

const replyError = ({ code, text }: Reply) =>
  Object.assign(new Error(text), { responseCode: code });

export async function startSmtpServer(options: ServerOptions = {}): Promise<TestServer> {
  const arrivals: Arrival[] = [];
  const logins: TestServer['logins'] = [];
  const sockets = new Map<string, Socket>();
  const offered = new Map<string, number>();
  let mailFroms = 0;
  const state: TestServer = {
    port: 0,
    arrivals,
    faults: options.faults ?? {},
    logins,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const socketOf = (session: SMTPServerSession) =>
    sockets.get(`${session.remoteAddress}:${session.remotePort}`);
  const server = new SMTPServer({
    logger: false,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? '', password: auth.password ?? '' });
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.password;
      if (ok) callback(null, { user: auth.username });
      else callback(replyError({ code: 535, text: 'Authentication failed' }));
    },
    onMailFrom(_address, session, callback) {
      mailFroms += 1;
      if (state.faults.dropAtMailFrom?.(mailFroms)) {
        socketOf(session)?.destroy();
        return;
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      const seen = offered.get(address.address) ?? 0;
      offered.set(address.address, seen + 1);
      const refusal = state.faults.rcpt?.(address.address, seen);
      callback(refusal ? replyError(refusal) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const arrival: Arrival = {
          n: arrivals.length + 1,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
        };
        arrivals.push(arrival);
        const fault = state.faults.afterData?.(arrival);
        if (fault === 'drop') socketOf(session)?.destroy();
        else callback(fault ? replyError(fault) : null);
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    sockets.set(key, socket);
    socket.on('close', () => sockets.delete(key));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  state.port = (server.server.address() as { port: number }).port;
  return state;
}
