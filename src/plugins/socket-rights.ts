// An open socket's rights, kept as current as an HTTP request's: the actor is read again from the
// socket's credential whenever the RightsLedger says something it depends on has changed (checked at
// each command with map lookups only, so a voting storm pays no query), and every change re-reads the
// sockets concerned at once: new rooms, or cut off when the credential is gone or the meeting is no
// longer theirs (so they stop hearing its broadcasts).
import type { Server, Socket } from 'socket.io';
import { type RightsLedger, rightsKeys } from '../access/rights-ledger.js';
import { type MemberDescription, memberForCodeHash, memberSessionForHash } from '../access/service.js';
import { accountSessionForHash } from '../accounts/service.js';
import type { Actor } from '../actors.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { assertCanFollow, getMeeting, meetingForDisplayHash } from '../meetings/service.js';
import { motionRoomsFor } from '../motions/live.js';
import { type Credential, rooms, roomsOf, type SocketData } from './live-rooms.js';

/** Who a credential names, as read now; a representative also as their own snapshot shows them. */
export interface CredentialActor {
  actor: Actor;
  credential: Credential;
  you?: MemberDescription;
}

/** Who a credential names now, and until when (a session's expiry), or null when it no longer works. */
export async function actorForCredential(context: AppContext, credential: Credential): Promise<CredentialActor | null> {
  if (credential.kind === 'code') {
    const member = await memberForCodeHash(context, credential.hash);
    return member && { ...member, credential };
  }
  if (credential.kind === 'display') {
    const meeting = await meetingForDisplayHash(context, credential.hash);
    return meeting ? { actor: { kind: 'display', meetingId: meeting.id }, credential } : null;
  }
  const officer = await accountSessionForHash(context, credential.hash);
  if (officer) return { actor: officer.account, credential: { ...credential, expiresAt: officer.expiresAt } };
  const member = await memberSessionForHash(context, credential.hash);
  return member && { actor: member.actor, you: member.you, credential: { ...credential, expiresAt: member.expiresAt } };
}

/** The ledger keys a socket's rights depend on. */
function keysOf(data: SocketData): string[] {
  const { actor, credential } = data;
  const keys = credential.kind === 'session' ? [rightsKeys.session(credential.hash)] : [];
  if (actor.kind === 'member') keys.push(rightsKeys.member(actor.memberId));
  if (actor.kind === 'account') keys.push(rightsKeys.account(actor.id));
  if (actor.kind === 'display') keys.push(rightsKeys.display(actor.meetingId));
  if (data.meetingId) keys.push(rightsKeys.meeting(data.meetingId));
  return keys;
}

/** The room each ledger key's sockets are in. */
function roomOfKey(key: string): string | null {
  const separator = key.indexOf(':');
  const [kind, id] = [key.slice(0, separator), key.slice(separator + 1)];
  if (kind === 'member') return rooms.member(id);
  if (kind === 'account') return rooms.account(id);
  if (kind === 'session') return rooms.session(id);
  if (kind === 'meeting') return rooms.meeting(id);
  return kind === 'display' ? rooms.display(id) : null;
}

/** A re-read that keeps finding newer changes gives up and cuts the socket (it may reconnect). */
const MOST_REREADS = 5;

export class SocketRights {
  readonly #rereading = new WeakMap<Socket, Promise<void>>();
  /** What each socket's rights depend on, worked out once per read of its actor (the vote path checks it). */
  readonly #dependencies = new WeakMap<SocketData, { keys: string[]; expiresAt: number; meetingId: string | null }>();
  readonly #unsubscribe: () => void;

  constructor(
    private readonly io: Server,
    private readonly context: AppContext,
    private readonly ledger: RightsLedger,
  ) {
    this.#unsubscribe = ledger.subscribe((keys) => this.#changed(keys));
  }

  /** The ledger moment to stamp on an actor about to be read from the database. */
  now(): number {
    return this.ledger.now();
  }

  /** Whether the socket's actor is still what the database says: a few map lookups and one clock read, no allocation. */
  isCurrent(data: SocketData): boolean {
    let dependencies = this.#dependencies.get(data);
    // A term's follower moves to its next meeting (broadcaster.ts): its keys move with it.
    if (!dependencies || dependencies.meetingId !== data.meetingId) {
      dependencies = { keys: keysOf(data), expiresAt: data.credential.kind === 'session' ? Date.parse(data.credential.expiresAt) : Number.POSITIVE_INFINITY, meetingId: data.meetingId };
      this.#dependencies.set(data, dependencies);
    }
    if (dependencies.expiresAt !== Number.POSITIVE_INFINITY && dependencies.expiresAt <= this.context.clock().getTime()) return false;
    return !this.ledger.isStale(dependencies.keys, data.resolvedAt);
  }

  /** The socket's actor as it is now; UNAUTHENTICATED when its credential no longer works (the socket is then cut). */
  async current(socket: Socket): Promise<Actor> {
    const data = socket.data as SocketData;
    for (let attempt = 0; socket.connected && !this.isCurrent(data); attempt++) {
      if (attempt === MOST_REREADS) socket.disconnect(true);
      else await this.reread(socket);
    }
    if (!socket.connected) throw new AppError('UNAUTHENTICATED');
    return data.actor;
  }

  /** Reads the socket's actor again (one read at a time per socket), moving it between rooms or cutting it off. */
  reread(socket: Socket): Promise<void> {
    const running = this.#rereading.get(socket);
    if (running) return running;
    const reading = this.#reread(socket).finally(() => this.#rereading.delete(socket));
    this.#rereading.set(socket, reading);
    return reading;
  }

  stop(): void {
    this.#unsubscribe();
  }

  async #reread(socket: Socket): Promise<void> {
    const data = socket.data as SocketData;
    const since = this.ledger.now();
    const found = await actorForCredential(this.context, data.credential);
    if (!found || !(await this.#mayStay(found.actor, data))) return void socket.disconnect(true);
    const motionRooms = await motionRoomsFor(this.context, found.actor);
    const before = new Set(roomsOf(data));
    Object.assign(data, { actor: found.actor, credential: found.credential, motionRooms, resolvedAt: since });
    this.#dependencies.delete(data);
    const after = new Set(roomsOf(data));
    for (const room of before) if (!after.has(room)) void socket.leave(room);
    const joining = [...after].filter((room) => !before.has(room));
    if (joining.length) void socket.join(joining);
  }

  /** Whether the re-read actor may still follow what the socket follows (a member moved to another term may not). */
  async #mayStay(actor: Actor, data: SocketData): Promise<boolean> {
    if (data.followsTerm && (actor.kind !== 'member' || actor.termId !== data.followsTerm)) return false;
    if (!data.meetingId) return true;
    try {
      assertCanFollow(actor, await getMeeting(this.context, data.meetingId));
      return true;
    } catch {
      return false;
    }
  }

  #changed(keys: ReadonlySet<string>): void {
    const namespace = this.io.of('/');
    for (const key of keys) {
      const room = roomOfKey(key);
      const ids = room ? namespace.adapter.rooms.get(room) : undefined;
      for (const id of [...(ids ?? [])]) {
        const socket = namespace.sockets.get(id);
        if (socket) this.reread(socket).catch((error: unknown) => this.context.logger.error({ err: error }, 'socket rights re-read failed'));
      }
    }
  }
}
