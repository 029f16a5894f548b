// Domain events: services record what happened, published after commit; the realtime plugin broadcasts them.
import { EventEmitter } from 'node:events';

/** A step the secretary sends the projector: a page back or on (auto-paging pauses), or back to paging by itself. */
export const DISPLAY_STEPS = ['previous', 'next', 'auto'] as const;
export type DisplayStep = (typeof DISPLAY_STEPS)[number];

export type DomainEvent =
  | { type: 'meeting.updated'; meetingId: string }
  | { type: 'attendance.changed'; meetingId: string }
  | { type: 'ballot.opened'; meetingId: string; ballotId: string }
  | { type: 'ballot.turnout'; meetingId: string; ballotId: string }
  | { type: 'ballot.closed'; meetingId: string; ballotId: string }
  | { type: 'ballot.published'; meetingId: string; ballotId: string }
  | { type: 'ballot.updated'; meetingId: string; ballotId: string }
  /** The secretary steps the projector through a result's pages (前一页 / 后一页), or hands paging back to it (自动翻页). */
  | { type: 'display.paged'; meetingId: string; ballotId: string; step: DisplayStep }
  /** Who has just voted in a ballot (never how): their other devices show 已投票. */
  | { type: 'members.voted'; ballotId: string; memberIds: string[] }
  | { type: 'member.revoked'; memberId: string }
  /** A term's roster gained, lost or re-roled a member: its attendance counts are stale. */
  | { type: 'roster.changed'; termId: string }
  /** An officer signed out: that session's sockets go. */
  | { type: 'session.ended'; sessionHash: string }
  /** An officer account was disabled: all its sockets go. */
  | { type: 'account.disabled'; accountId: string }
  | { type: 'motion.changed'; meetingId: string; motionId: string; event: string }
  /** A session's agenda (议程) changed (items, order, adoption): every sitting's screens get it at once. */
  | { type: 'agenda.changed'; sessionId: string }
  | { type: 'document.changed'; meetingId: string; documentId: string; event: string }
  /** A representative gave an opinion: counts per delegation go to officers, coalesced. */
  | { type: 'document.opinion'; meetingId: string; documentId: string; roundNumber: number }
  /** A proposal for an extraordinary session was made, signed, unsigned, convened or withdrawn: its count goes to the term. */
  | { type: 'extraordinary.changed'; termId: string; proposalId: string };

export class DomainEvents {
  readonly #emitter = new EventEmitter().setMaxListeners(100);

  publish(event: DomainEvent): void {
    this.#emitter.emit('event', event);
  }

  subscribe(listener: (event: DomainEvent) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}

/**
 * The bus as work inside a transaction sees it: what it publishes is held, and reaches the listeners
 * only when `release` is called after COMMIT. A transaction that rolls back announces nothing, however
 * deep in another domain's service the event was published.
 */
export class HeldEvents extends DomainEvents {
  readonly #held: DomainEvent[] = [];

  constructor(private readonly bus: DomainEvents) {
    super();
  }

  override publish(event: DomainEvent): void {
    this.#held.push(event);
  }

  override subscribe(listener: (event: DomainEvent) => void): () => void {
    return this.bus.subscribe(listener);
  }

  /** Publishes what was held, in order: call once the transaction has committed. */
  release(): void {
    for (const event of this.#held.splice(0)) this.bus.publish(event);
  }
}
