// The live layer's rooms (a meeting, its officers, a person, a term, an account, a sign-in session),
// what each socket carries, and the snapshot a socket receives on (re)connecting.
import type { Socket } from 'socket.io';
import type { Actor } from '../actors.js';
import type { AppContext } from '../context.js';
import { meetingSnapshot } from '../meetings/live.js';

export interface SocketData {
  actor: Actor;
  meetingId: string | null;
  /** A representative who named no meeting follows the term's current one, from session to session. */
  followsTerm: string | null;
  /** Motion rooms (secretariat and committee, or a handler's department), not tied to a meeting. */
  motionRooms: string[];
  /** An officer's sign-in session: the socket ends with it (sign-out, expiry). */
  session: { hash: string; expiresAt: string } | null;
}

export const rooms = {
  meeting: (id: string) => `m:${id}`,
  officers: (id: string) => `o:${id}`,
  member: (id: string) => `p:${id}`,
  term: (id: string) => `t:${id}`,
  account: (id: string) => `a:${id}`,
  session: (hash: string) => `s:${hash}`,
};

/** The full snapshot, so a phone back on the hall's Wi-Fi is right again at once. */
export function sendSnapshot(context: AppContext, socket: Pick<Socket, 'emit'>, data: SocketData): void {
  if (!data.meetingId && data.actor.kind === 'account') return;
  meetingSnapshot(context, data.actor, data.meetingId ?? undefined)
    .then((snapshot) => socket.emit('meeting:snapshot', snapshot))
    .catch((error: unknown) => context.logger.error({ err: error }, 'snapshot failed'));
}
