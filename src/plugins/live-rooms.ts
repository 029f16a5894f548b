// The live layer's rooms (a meeting, its officers, a person, a term, an account, a sign-in session, a display),
// what each socket carries, and the snapshot a socket receives on (re)connecting.
import type { Socket } from 'socket.io';
import { Adapter, type BroadcastOptions } from 'socket.io-adapter';
import type { Actor } from '../actors.js';
import type { AppContext } from '../context.js';
import type { EncodedJson } from '../http/encoded-json.js';
import { type KnownToSnapshot, meetingSnapshotText } from '../meetings/live.js';

export interface SocketData {
  actor: Actor;
  meetingId: string | null;
  /** A representative who named no meeting follows the term's current one, from session to session. */
  followsTerm: string | null;
  /** Motion rooms (secretariat and committee, or a handler's department), not tied to a meeting. */
  motionRooms: string[];
  /** What the socket signed in with, by hash: its actor is read again from it whenever rights change. */
  credential: Credential;
  /** The RightsLedger moment the actor was last read from the database. */
  resolvedAt: number;
}

/**
 * A sign-in session (an officer's or a representative's: the socket ends with it), an access code,
 * or a display token. Only hashes: the socket never holds the secret itself.
 */
export type Credential = { kind: 'session'; hash: string; expiresAt: string } | { kind: 'code'; hash: string } | { kind: 'display'; hash: string };

export const rooms = {
  meeting: (id: string) => `m:${id}`,
  officers: (id: string) => `o:${id}`,
  member: (id: string) => `p:${id}`,
  term: (id: string) => `t:${id}`,
  account: (id: string) => `a:${id}`,
  session: (hash: string) => `s:${hash}`,
  /** A meeting's display sockets: they go when its token is replaced. */
  display: (meetingId: string) => `ds:${meetingId}`,
};

/** Every room a socket belongs in, from who it is now and what it follows (joined on connect, recomputed when its rights change). */
export function roomsOf(data: SocketData): string[] {
  const { actor, meetingId, credential } = data;
  const joined: string[] = [...data.motionRooms];
  if (meetingId) {
    joined.push(rooms.meeting(meetingId));
    if (actor.kind === 'account' && (actor.role === 'secretary' || actor.role === 'scrutineer')) joined.push(rooms.officers(meetingId));
  }
  if (actor.kind === 'member') joined.push(rooms.member(actor.memberId));
  if (actor.kind === 'account') joined.push(rooms.account(actor.id));
  if (actor.kind === 'display') joined.push(rooms.display(actor.meetingId));
  if (credential.kind === 'session') joined.push(rooms.session(credential.hash));
  if (data.followsTerm) joined.push(rooms.term(data.followsTerm));
  return joined;
}

/** The snapshot a socket gets, or null for an officer who follows motions only. */
export function snapshotFor(context: AppContext, data: SocketData, known: KnownToSnapshot = {}): Promise<EncodedJson | null> {
  if (!data.meetingId && data.actor.kind === 'account') return Promise.resolve(null);
  return meetingSnapshotText(context, data.actor, data.meetingId ?? undefined, known);
}

/** The full snapshot, so a phone back on the hall's Wi-Fi is right again at once. */
export function sendSnapshot(context: AppContext, socket: Pick<Socket, 'emit'>, data: SocketData, known: KnownToSnapshot = {}): void {
  snapshotFor(context, data, known)
    .then((snapshot) => snapshot && socket.emit('meeting:snapshot', snapshot))
    .catch((error: unknown) => context.logger.error({ err: error }, 'snapshot failed'));
}

/**
 * The rooms' adapter, counting what it sends to rooms. A snapshot made during a socket's handshake,
 * before the socket is in its rooms, is still whole when the socket joins them if nothing was sent to
 * any room meanwhile: whatever changed after it was made is announced later, to the socket too.
 */
export class CountingAdapter extends Adapter {
  /** Messages sent to rooms so far. */
  sent = 0;

  override broadcast(packet: unknown, options: BroadcastOptions): void {
    this.sent++;
    super.broadcast(packet, options);
  }

  override broadcastWithAck(packet: unknown, options: BroadcastOptions, clientCountCallback: (clientCount: number) => void, ack: (...args: unknown[]) => void): void {
    this.sent++;
    super.broadcastWithAck(packet, options, clientCountCallback, ack);
  }
}
