// What one person (or one meeting's display) may take of the live layer: a cooldown after flooding,
// and a cap on the sockets held at once. Without the cap one representative's code opened thousands
// of sockets: each cost a handshake and its memory, and got a copy of every broadcast to the hall.
import type { Socket } from 'socket.io';
import type { Actor } from '../actors.js';
import { AppError } from '../errors.js';

/** How long a device cut off for flooding is refused a new connection: reconnecting at once would make the cut-off moot. */
const FLOOD_COOLDOWN_MS = 10_000;

/**
 * Sockets one actor may hold at once: enough for every honest use (a phone on a flaky hall Wi-Fi opens
 * a new socket each time it comes back while the server holds the old ones until their ping times out,
 * up to 18 s; officers open the console in several tabs; a meeting's displays are its screens and
 * their previews; one code on 20 devices at once must still count one vote, issue 6), and far below
 * the thousands one code could open before.
 */
export const SOCKETS_PER_ACTOR: Record<Exclude<Actor['kind'], 'anonymous'>, number> = { member: 64, account: 64, display: 64 };

/** Who a socket speaks for, whichever credential it came with (a code, a session, a display token). */
export function actorKey(actor: Actor): string {
  if (actor.kind === 'member') return `member:${actor.memberId}`;
  if (actor.kind === 'account') return `account:${actor.id}`;
  return actor.kind === 'display' ? `display:${actor.meetingId}` : 'anonymous';
}

/** Flooders recently cut off, by actor: refused a new socket until their time is up. */
export class FloodCooldown {
  readonly #until = new Map<string, number>();

  start(actor: Actor): void {
    if (this.#until.size > 10_000) this.#until.clear();
    this.#until.set(actorKey(actor), Date.now() + FLOOD_COOLDOWN_MS);
  }

  assertAllowed(actor: Actor): void {
    const key = actorKey(actor);
    const until = this.#until.get(key);
    if (until === undefined) return;
    if (until > Date.now()) throw new AppError('RATE_LIMITED');
    this.#until.delete(key);
  }
}

/**
 * The sockets each actor holds, counted from the handshake that admits one to the close of its
 * connection (whether or not it ever reached 'connection'): a burst of handshakes cannot pass the cap
 * together, and a connection that drops mid-handshake gives its place back.
 */
export class SocketCaps {
  readonly #held = new Map<string, number>();

  /** Takes one of the actor's places for this socket, or refuses with TOO_MANY_CONNECTIONS. */
  take(actor: Actor, socket: Pick<Socket, 'conn'>): void {
    if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    // Closed while its handshake was checked: no place to take, and no close event left to give it back.
    if (socket.conn.readyState === 'closed') throw new AppError('UNAUTHENTICATED');
    const key = actorKey(actor);
    const held = this.#held.get(key) ?? 0;
    if (held >= SOCKETS_PER_ACTOR[actor.kind]) throw new AppError('TOO_MANY_CONNECTIONS');
    this.#held.set(key, held + 1);
    socket.conn.once('close', () => {
      const left = (this.#held.get(key) ?? 1) - 1;
      if (left > 0) this.#held.set(key, left);
      else this.#held.delete(key);
    });
  }

  /** Sockets the actor holds now. */
  heldBy(actor: Actor): number {
    return this.#held.get(actorKey(actor)) ?? 0;
  }
}
