// What every service receives: the database, the clock, randomness, the secret key and the event bus.
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { RandomBytes } from './access/codes.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { SqliteHandle } from './db/connection.js';
import { type DomainEvents, HeldEvents } from './events.js';
import type { AttemptLimiter } from './access/attempt-limiter.js';
import type { VoteQueue } from './ballots/vote-queue.js';
import type { PaperTasks } from './workers/paper-work.js';
import type { HeavyWorkPool } from './workers/pool.js';
import type { StorageSpace } from './storage/space.js';
import type { AttendanceRows } from './meetings/attendance-rows.js';
import type { HallFigures } from './meetings/hall-figures.js';
import type { BallotViews } from './ballots/ballot-views.js';
import type { MeetingRows } from './meetings/meeting-rows.js';
import type { AgendaRows } from './agenda/live.js';
import type { JointRolls } from './joint/rolls.js';
import type { CodeHolders } from './roster/code-holders.js';
import type { SessionRows } from './accounts/session-rows.js';
import type { CancelTimer, Timers } from './timers.js';

export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  sqlite: SqliteHandle;
  secretKey: Buffer;
  clock: () => Date;
  /** Where deadlines are armed: Node's timers, or a hand-moved clock's in tests. */
  timers: Timers;
  random: RandomBytes;
  events: DomainEvents;
  logger: FastifyBaseLogger;
  /** The group-commit vote writer and the registry of open ballots. */
  votes: VoteQueue;
  /** Failed access-code attempts per address. */
  codeAttempts: AttemptLimiter;
  /** Auto-close timers of ballots with a deadline. */
  deadlines: Map<string, CancelTimer>;
  /** The worker thread that reads uploads and diffs versions, off the thread that answers votes. */
  heavyWork: HeavyWorkPool;
  /** The worker thread that lays out PDFs, apart so that uploads never wait behind a long list. */
  paperWork: HeavyWorkPool<PaperTasks>;
  /** Free space against the reserve kept for votes and the scrub. */
  storage: StorageSpace;
  /** Attendance counts per meeting, kept in memory for snapshots and broadcasts. */
  figures: HallFigures;
  /** Each representative's own attendance, kept in memory until an attendance row changes. */
  attendanceRows: AttendanceRows;
  /** Each meeting's ballots as presented, kept in memory until a ballot row changes. */
  ballotViews: BallotViews;
  /** Meeting rows a reconnecting hall reads, kept in memory until a meeting row changes. */
  meetingRows: MeetingRows;
  /** Each session's agenda as screens hold it, kept in memory until an agenda, session, document or ballot row changes. */
  agendaRows: AgendaRows;
  /** Each joint meeting's roll (its electorate), kept in memory until the roll changes. */
  jointRolls: JointRolls;
  /** Who each access code names, kept in memory until a code, member or delegation row changes. */
  codeHolders: CodeHolders;
  /** Sign-in sessions, kept in memory until a session row changes. */
  sessionRows: SessionRows;
}

/**
 * What most rules need and any process can build from the config and the database alone: no vote
 * queue, timers, worker or caches. Domains that need no more take this (or a Pick of it).
 */
export type CoreContext = Pick<AppContext, 'config' | 'db' | 'secretKey' | 'clock' | 'random' | 'events'>;

export function nowIso(context: Pick<AppContext, 'clock'>): string {
  return context.clock().toISOString();
}

/**
 * Runs a state change in one transaction, handing the work a context (of the caller's type) whose
 * database is that transaction: the re-read, the conditional write and the audit row commit together
 * or not at all.
 * Inside, never use the outer context's db (one connection: it would wait for this transaction).
 */
export async function transact<C extends Pick<AppContext, 'db' | 'events'>, T>(context: C, work: (inside: C) => Promise<T>): Promise<T> {
  // Events published inside are held until COMMIT: a rollback must not announce what never happened.
  const events = new HeldEvents(context.events);
  // The cast: a Transaction is a Kysely and HeldEvents a DomainEvents, so the copy is a C (TypeScript
  // does not see through a spread of a generic).
  const result = await context.db.transaction().execute((transaction) => work({ ...context, db: transaction, events } as C));
  events.release();
  return result;
}
