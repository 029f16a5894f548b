// Domain events become broadcasts after commit: ballots and meetings to their rooms, motions and
// documents through their own modules, turnout and attendance coalesced to a few updates a second.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Server } from 'socket.io';
import { getBallot, turnoutOf, viewBallot } from '../ballots/service.js';
import type { AppContext } from '../context.js';
import { DocumentBroadcaster } from '../documents/live.js';
import type { DomainEvent } from '../events.js';
import { currentMeetingFor, getMeeting, liveAttendanceCounts, presentMeeting } from '../meetings/service.js';
import { broadcastMotion, motionRooms } from '../motions/live.js';
import { broadcastProposal } from '../extraordinary/live.js';
import { listSessionSittings } from '../agenda/service.js';
import { rooms, type SocketData, sendSnapshot } from './live-rooms.js';

const COALESCE_MS = 200;
/** A turnout update still reaches every screen within this, however big the hall. */
const MAX_COALESCE_MS = 1_000;
/** Broadcasting may take one part in five of the time between updates. */
const BROADCAST_SHARE_INVERSE = 5;
/** What one message costs the server per recipient (measured on this kind of machine). */
const RECIPIENT_COST_MS = 0.015;
/** A voting storm moves turnout and attendance (voting checks people in) together. */
const MESSAGES_PER_UPDATE = 2;
/**
 * Recipients of a coalesced update per turn of the event loop (some 4 ms of sending): a whole hall's
 * update in one turn held every vote behind it, 20 ms a message for 1,250 phones, 150 ms for 10,000.
 */
export const RECIPIENTS_PER_TURN = 256;
/**
 * Recipients per turn while connections wait to be admitted (a hall reconnecting at once): those
 * turns also run a batch of handshakes, and a vote waits behind both.
 */
export const RECIPIENTS_PER_CROWDED_TURN = 64;

/**
 * Sends one message to `ids`, RECIPIENTS_PER_TURN sockets a turn (RECIPIENTS_PER_CROWDED_TURN while
 * `crowded`), so that votes and handshakes are handled between the slices; those who join meanwhile
 * got a fresher snapshot. Resolves with the time the slices held the event loop.
 */
export async function emitInSlices(io: Pick<Server, 'to'>, ids: string[], event: string, payload: object, crowded: () => boolean): Promise<number> {
  let busyMs = 0;
  for (let start = 0; start < ids.length; ) {
    if (start > 0) await nextTurn();
    const began = performance.now();
    const end = start + (crowded() ? RECIPIENTS_PER_CROWDED_TURN : RECIPIENTS_PER_TURN);
    io.to(ids.slice(start, end)).emit(event, payload);
    start = end;
    busyMs += performance.now() - began;
  }
  return busyMs;
}

export class Broadcaster {
  readonly #turnout = new Map<string, string>();
  readonly #attendance = new Set<string>();
  readonly #documents: DocumentBroadcaster;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly io: Server,
    private readonly context: AppContext,
    /** Whether handshakes are waiting for their turn (admission.ts): slices are smaller meanwhile. */
    private readonly crowded: () => boolean = () => false,
  ) {
    this.#documents = new DocumentBroadcaster(io, context, rooms.meeting);
  }

  handle(event: DomainEvent): void {
    this.#dispatch(event).catch((error: unknown) => this.context.logger.error({ err: error, type: event.type }, 'broadcast failed'));
  }

  async #dispatch(event: DomainEvent): Promise<void> {
    switch (event.type) {
      case 'ballot.turnout':
        this.#turnout.set(event.ballotId, event.meetingId);
        return this.#schedule();
      case 'attendance.changed':
        this.#attendance.add(event.meetingId);
        return this.#schedule();
      case 'members.voted':
        this.io.to(event.memberIds.map(rooms.member)).emit('ballot:voted', { ballotId: event.ballotId });
        return;
      case 'member.revoked':
        this.io.in(rooms.member(event.memberId)).disconnectSockets(true);
        return;
      case 'session.ended':
        this.io.in(rooms.session(event.sessionHash)).disconnectSockets(true);
        return;
      case 'account.disabled':
        this.io.in(rooms.account(event.accountId)).disconnectSockets(true);
        return;
      case 'roster.changed':
        return;
      case 'motion.changed':
        return broadcastMotion(this.io, this.context, event, { member: rooms.member, followers: (meetingId, termId) => [rooms.meeting(meetingId), rooms.term(termId)] });
      case 'document.changed':
      case 'document.opinion':
        return this.#documents.handle(event);
      case 'extraordinary.changed':
        return broadcastProposal(this.io, this.context, event, {
          followers: (termId, meetingIds) => [rooms.term(termId), ...meetingIds.map(rooms.meeting)],
          officers: motionRooms.officers,
        });
      case 'display.paged':
        this.io.to(rooms.display(event.meetingId)).emit('display:paged', { ballotId: event.ballotId, step: event.step });
        return;
      case 'agenda.changed':
        return this.#agenda(event.sessionId);
      case 'meeting.updated': {
        const meeting = await getMeeting(this.context, event.meetingId);
        await this.#followCurrentMeeting(meeting.term_id);
        this.io.to(rooms.meeting(event.meetingId)).emit('meeting:updated', { meeting: presentMeeting(meeting) });
        return;
      }
      default:
        return this.#ballot(event.type, event.meetingId, event.ballotId);
    }
  }

  async #ballot(type: 'ballot.opened' | 'ballot.closed' | 'ballot.published' | 'ballot.updated', meetingId: string, ballotId: string): Promise<void> {
    const name = `ballot:${type.slice('ballot.'.length)}`;
    const ballot = await getBallot(this.context, ballotId).catch(() => null);
    if (!ballot || ballot.state === 'draft' || type === 'ballot.updated') {
      this.io.to(rooms.officers(meetingId)).emit('ballot:updated', { ballotId, ballot: ballot && (await viewBallot(this.context, ballot, 'officer')) });
      return;
    }
    this.io
      .to(rooms.meeting(meetingId))
      .except(rooms.officers(meetingId))
      .emit(name, { ballot: await viewBallot(this.context, ballot, 'public') });
    this.io.to(rooms.officers(meetingId)).emit(name, { ballot: await viewBallot(this.context, ballot, 'officer') });
  }

  /** A session's agenda, or a sitting's current item, changed: every screen of each sitting gets the agenda and its item now. */
  async #agenda(sessionId: string): Promise<void> {
    const agenda = await this.context.agendaRows.of(this.context.db, sessionId);
    for (const meeting of await listSessionSittings(this.context, sessionId)) {
      this.io.to(rooms.meeting(meeting.id)).emit('agenda:updated', { meetingId: meeting.id, currentAgendaItemId: meeting.current_agenda_item_id, agenda });
    }
  }

  /** When a term's current meeting changes (the next session opens), move its followers there with a fresh snapshot. */
  async #followCurrentMeeting(termId: string): Promise<void> {
    const sockets = await this.io.in(rooms.term(termId)).fetchSockets();
    const follower = sockets[0]?.data as SocketData | undefined;
    if (follower?.actor.kind !== 'member') return;
    const current = await currentMeetingFor(this.context, follower.actor);
    if (!current) return;
    for (const socket of sockets) {
      const data = socket.data as SocketData;
      if (data.meetingId === current.id) continue;
      if (data.meetingId) void socket.leave(rooms.meeting(data.meetingId));
      data.meetingId = current.id;
      void socket.join(rooms.meeting(current.id));
      sendSnapshot(this.context, socket, data);
    }
  }

  /**
   * At most one turnout and attendance update per COALESCE_MS; in a big hall less often, so that
   * broadcasting (some 15 µs per recipient and message: 150 ms for 10,000 phones) takes at most a
   * fifth of the server's time and the votes themselves keep the rest. The first update of a storm
   * is spaced by the rooms' size, later ones by what the last update really cost.
   */
  #schedule(): void {
    if (this.#timer) return;
    const recipients = [...new Set([...this.#turnout.values(), ...this.#attendance])].reduce((sum, meetingId) => sum + (this.io.sockets.adapter.rooms.get(rooms.meeting(meetingId))?.size ?? 0), 0);
    const expected = recipients * MESSAGES_PER_UPDATE * RECIPIENT_COST_MS * BROADCAST_SHARE_INVERSE;
    this.#timer = setTimeout(
      () => {
        // An update still being sent a slice at a time finishes first: every screen gets them in order.
        this.#flushing = this.#flushing.then(async () => {
          this.#timer = null;
          this.#busyMs = 0;
          await this.#flush().catch((error: unknown) => this.context.logger.error({ err: error }, 'coalesced broadcast failed'));
          this.#measured = this.#busyMs * BROADCAST_SHARE_INVERSE;
        });
      },
      Math.min(MAX_COALESCE_MS, Math.max(COALESCE_MS, this.#measured, expected)),
    );
  }

  /** What the last update cost, times BROADCAST_SHARE_INVERSE: the least time until the next. */
  #measured = 0;
  /** The time the update being sent has held the event loop so far (its slices, not the turns between). */
  #busyMs = 0;
  #flushing: Promise<void> = Promise.resolve();

  async #emitInSlices(meetingId: string, event: string, payload: object): Promise<void> {
    const room = this.io.sockets.adapter.rooms.get(rooms.meeting(meetingId));
    if (room) this.#busyMs += await emitInSlices(this.io, [...room], event, payload, this.crowded);
  }

  async #flush(): Promise<void> {
    const turnout = [...this.#turnout];
    const attendance = [...this.#attendance];
    this.#turnout.clear();
    this.#attendance.clear();
    for (const [ballotId, meetingId] of turnout) {
      const ballot = await getBallot(this.context, ballotId);
      const meeting = await getMeeting(this.context, meetingId);
      const figures = await turnoutOf(this.context, ballot, (await liveAttendanceCounts(this.context, meeting)).eligible);
      await this.#emitInSlices(meetingId, 'ballot:turnout', { ballotId, meetingId, ...figures });
    }
    for (const meetingId of attendance) {
      const counts = await liveAttendanceCounts(this.context, await getMeeting(this.context, meetingId));
      await this.#emitInSlices(meetingId, 'attendance:updated', { meetingId, counts });
    }
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#documents.stop();
  }
}
