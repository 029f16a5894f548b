// The live layer under test: a Yishi app listening on an ephemeral loopback port, real
// socket.io-client connections that are all closed afterwards, and bounded waits (no sleeps).
import type { FastifyInstance } from 'fastify';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { createApp } from './congress.js';

export type ClientSocket = Socket;
export type Handshake = { token: string } | { code: string } | { displayToken: string } | { meetingId: string } | ((send: (auth: object) => void) => void);

export interface Envelope<T = any> {
  data?: T;
  error?: { code: string; message: string; messageZh: string; messageEn: string; details?: unknown };
}

export interface Seen {
  event: string;
  payload: any;
}

export interface LiveClient {
  socket: ClientSocket;
  /** Every event this client received, in order, snapshots included. */
  seen: Seen[];
  /** The snapshot the server sent on connect. */
  snapshot: any;
}

export interface ConnectOptions {
  /** Officers sign in with their session cookie. */
  cookie?: string;
  /** Other handshake headers (what a reverse proxy adds). */
  headers?: Record<string, string>;
  /** Reconnect on its own after a network drop, quickly (tests only). */
  reconnect?: boolean;
  timeoutMs?: number;
}

/** Rejects with a clear message when the promise does not settle within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  const bounded = Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  // A waiter a failing test never awaits must not surface later as an unhandled rejection.
  bounded.catch(() => {});
  return bounded;
}

/** The next `event` on `socket` whose payload satisfies `accept`; listen before acting. */
export function nextEvent<T = any>(socket: ClientSocket, event: string, accept: (payload: T) => boolean = () => true, ms = 5_000): Promise<T> {
  let listener: (payload: T) => void = () => {};
  const arrived = new Promise<T>((resolve) => {
    listener = (payload: T) => {
      if (accept(payload)) resolve(payload);
    };
    socket.on(event, listener);
  });
  const waited = within(arrived, ms, `"${event}"`).finally(() => socket.off(event, listener));
  waited.catch(() => {});
  return waited;
}

/** Sends a command and waits for its acknowledgement envelope. */
export function command<T = any>(socket: ClientSocket, name: string, payload?: unknown, ms = 10_000): Promise<Envelope<T>> {
  const timed = socket.timeout(ms);
  return (payload === undefined ? timed.emitWithAck(name) : timed.emitWithAck(name, payload)) as Promise<Envelope<T>>;
}

/** Resolves once the server has refused the handshake, with the error's data ({ code, message… }). */
export function refusal(socket: ClientSocket, ms = 5_000): Promise<{ code: string }> {
  return within(new Promise((resolve) => socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve(error.data ?? { code: error.message }))), ms, 'connect_error');
}

/** Resolves on the socket's next disconnect, with its reason. */
export function disconnection(socket: ClientSocket, ms = 5_000): Promise<string> {
  return within(new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason))), ms, 'disconnect');
}

/** Runs every promise to completion, failing after `ms` with how many are still pending. */
export async function allWithin<T>(promises: Promise<T>[], ms: number, what: string): Promise<T[]> {
  let settled = 0;
  const counted = promises.map((promise) => promise.finally(() => (settled += 1)));
  const all = Promise.all(counted);
  return within(all, ms, what).catch((error: Error) => {
    throw new Error(`${error.message} (${settled} of ${promises.length} settled)`);
  });
}

/** Every object (at any depth) of every payload, for audience and secrecy checks. */
export function objectsIn(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const entry of value) objectsIn(entry, found);
  else if (value && typeof value === 'object') {
    found.push(value as Record<string, unknown>);
    for (const entry of Object.values(value)) objectsIn(entry, found);
  }
  return found;
}

/** The app on a loopback port, and every client a test opens; `close()` ends them all. */
export class Hall {
  readonly #sockets = new Set<ClientSocket>();

  private constructor(
    readonly app: FastifyInstance,
    readonly url: string,
  ) {}

  static async start(...settings: Parameters<typeof createApp>): Promise<Hall> {
    const app = await createApp(...settings);
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
    } catch (error) {
      await app.close();
      throw error;
    }
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening on a port');
    return new Hall(app, `http://127.0.0.1:${address.port}`);
  }

  /** A client that is not connected yet: attach listeners, then `join`. */
  client(auth: Handshake, options: ConnectOptions = {}): LiveClient {
    const settings: Partial<ManagerOptions & SocketOptions> = {
      transports: ['websocket'],
      forceNew: true,
      autoConnect: false,
      reconnection: options.reconnect ?? false,
      reconnectionDelay: 20,
      reconnectionDelayMax: 100,
      timeout: options.timeoutMs ?? 5_000,
      auth: auth as SocketOptions['auth'],
      ...(options.cookie || options.headers ? { extraHeaders: { ...options.headers, ...(options.cookie ? { cookie: options.cookie } : {}) } } : {}),
    };
    const socket = io(this.url, settings);
    this.#sockets.add(socket);
    const client: LiveClient = { socket, seen: [], snapshot: undefined };
    socket.onAny((event: string, payload: unknown) => client.seen.push({ event, payload }));
    return client;
  }

  /** Connects and waits for the snapshot the server sends on every (re)connect. */
  async join(client: LiveClient, ms = 5_000): Promise<LiveClient> {
    const snapshot = nextEvent(client.socket, 'meeting:snapshot', () => true, ms);
    client.socket.connect();
    client.snapshot = await snapshot;
    return client;
  }

  connect(auth: Handshake, options: ConnectOptions = {}): Promise<LiveClient> {
    return this.join(this.client(auth, options), options.timeoutMs);
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) {
      socket.io.reconnection(false);
      socket.disconnect();
      socket.io.engine?.close();
    }
    this.#sockets.clear();
    await this.app.close();
  }
}
