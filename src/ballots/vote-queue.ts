// Group commit: votes arriving within one turn of the event loop are shuffled and written as one
// transaction, and each is acknowledged only after that commit (acknowledged = durable).
import type { RandomBytes } from '../access/codes.js';
import type { DomainEvents } from '../events.js';
import { AppError, type ErrorCode } from '../errors.js';
import type { VoteOutcome, VoteRepository, VoteRow } from './vote-repository.js';
import type { BallotSecrecy } from './workflow.js';

export interface OpenBallot {
  id: string;
  meetingId: string;
  termId: string;
  secrecy: BallotSecrecy;
  voted: number;
  /**
   * Who has voted, kept in memory so a repeat is refused before any costly check of its answers
   * (the participation table stays the authority: its UNIQUE key decides inside the batch).
   */
  voters: Set<string>;
  /** Who holds a paper for it (纸质票): among the voters, refused on a phone with their own code. */
  paperHolders?: Set<string>;
  /** A joint meeting's ballot: its voters must be on the meeting's roll (asked of src/joint/rolls.ts). */
  joint?: boolean;
}

interface PendingVote {
  row: VoteRow;
  resolve: () => void;
  reject: (error: AppError) => void;
}

/** Votes per commit unless configured (VOTE_BATCH_MAX): at most this many can commit unacknowledged in a crash. */
export const DEFAULT_MAX_BATCH = 2_000;
const MAX_PENDING = 50_000;
/**
 * Batches committed and not yet synced at once. One let the votes that arrived while a sync ran wait
 * for its end, a turn later, before they were even committed: a vote took two or three turns of the
 * event loop, 60 ms while a whole hall reconnected. With two, each turn's votes commit in that turn
 * and are acknowledged in the next. A crash can leave this many batches committed unacknowledged.
 */
export const SYNCS_IN_FLIGHT = 2;

export interface BatchStatistics {
  batches: number;
  votes: number;
  largest: number;
  sizes: Record<string, number>;
}

function sizeBucket(size: number): string {
  if (size <= 1) return '1';
  if (size <= 10) return '2-10';
  if (size <= 100) return '11-100';
  return '101+';
}

export class VoteQueue {
  readonly #open = new Map<string, OpenBallot>();
  /** Ballots being closed: their votes wait in the queue until the close commits or fails. */
  readonly #closing = new Set<string>();
  #pending: PendingVote[] = [];
  #scheduled = false;
  #accepting = true;
  /** Committed batches whose sync to the disk has not returned yet. */
  #syncing = 0;
  readonly statistics: BatchStatistics = { batches: 0, votes: 0, largest: 0, sizes: {} };

  constructor(
    private readonly repository: VoteRepository,
    private readonly events: DomainEvents,
    private readonly random: RandomBytes,
    private readonly onError: (error: unknown) => void,
    private readonly maxBatch = DEFAULT_MAX_BATCH,
    /** Resolves once the batch just committed is on the disk (WalSync: the log synced off the event loop). */
    private readonly durable: () => Promise<void> = () => Promise.resolve(),
  ) {}

  registerOpen(ballot: OpenBallot): void {
    this.#open.set(ballot.id, ballot);
  }

  /**
   * Starts closing a ballot: commits whatever is queued, then holds its later votes until
   * `finishClose` (they are refused BALLOT_CLOSED) or `abortClose` (they are counted). Undefined if
   * the ballot is not open or another close got there first.
   */
  beginClose(ballotId: string): OpenBallot | undefined {
    const ballot = this.#open.get(ballotId);
    if (!ballot || this.#closing.has(ballotId)) return undefined;
    this.flushNow();
    this.#closing.add(ballotId);
    return ballot;
  }

  finishClose(ballotId: string): void {
    this.#open.delete(ballotId);
    this.#closing.delete(ballotId);
    this.#schedule();
  }

  /** The close failed: the ballot is open as before and the votes held meanwhile are counted. */
  abortClose(ballotId: string): void {
    this.#closing.delete(ballotId);
    this.#schedule();
  }

  openBallot(ballotId: string): OpenBallot | undefined {
    return this.#open.get(ballotId);
  }

  /** The ids of a meeting's ballots now open (an attendance edit made meanwhile is audited with them). */
  openBallotsOf(meetingId: string): string[] {
    return [...this.#open.values()].filter((ballot) => ballot.meetingId === meetingId).map((ballot) => ballot.id);
  }

  isClosing(ballotId: string): boolean {
    return this.#closing.has(ballotId);
  }

  enqueue(row: VoteRow): Promise<void> {
    if (!this.#accepting) return Promise.reject(new AppError('SHUTTING_DOWN'));
    if (this.#pending.length >= MAX_PENDING) return Promise.reject(new AppError('SERVER_BUSY'));
    return new Promise((resolve, reject) => {
      this.#pending.push({ row, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#pending.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => this.#flushScheduled());
  }

  #flushScheduled(): void {
    this.#scheduled = false;
    if (this.repository.busy) {
      // Another transaction is open on the connection: never write votes into it.
      this.#scheduled = true;
      setImmediate(() => this.#flushScheduled());
      return;
    }
    // While SYNCS_IN_FLIGHT batches are being synced, the votes arriving meanwhile wait and go in the
    // next batch together (a sync's end schedules it): a crash leaves at most that many batches
    // committed without their acknowledgements.
    if (this.#syncing >= SYNCS_IN_FLIGHT) return;
    this.flushNow();
  }

  flushNow(): void {
    while (this.#pending.length > 0 && !this.repository.busy) {
      const batch = this.#takeBatch();
      if (batch.length === 0) return;
      this.#commit(this.#shuffle(batch));
    }
  }

  /** Up to maxBatch queued votes, leaving those of ballots being closed in the queue. */
  #takeBatch(): PendingVote[] {
    if (this.#closing.size === 0) return this.#pending.splice(0, this.maxBatch);
    const batch: PendingVote[] = [];
    const held: PendingVote[] = [];
    for (const vote of this.#pending) {
      if (batch.length < this.maxBatch && !this.#closing.has(vote.row.ballotId)) batch.push(vote);
      else held.push(vote);
    }
    this.#pending = held;
    return batch;
  }

  /** Finishes in-flight votes and refuses new ones (graceful shutdown). */
  drain(): void {
    this.#accepting = false;
    this.flushNow();
  }

  #shuffle(batch: PendingVote[]): PendingVote[] {
    const bytes = this.random(batch.length * 4);
    for (let index = batch.length - 1; index > 0; index--) {
      const other = bytes.readUInt32LE(index * 4) % (index + 1);
      [batch[index], batch[other]] = [batch[other]!, batch[index]!];
    }
    return batch;
  }

  #commit(batch: PendingVote[]): void {
    let outcomes: VoteOutcome[];
    try {
      outcomes = this.repository.commitBatch(
        batch.map((vote) => vote.row),
        (ballotId) => this.#open.has(ballotId),
      );
    } catch (error) {
      const code: ErrorCode = error instanceof Error && 'code' in error && error.code === 'SQLITE_FULL' ? 'STORAGE_FULL' : 'SERVER_BUSY';
      this.onError(error);
      for (const vote of batch) vote.reject(new AppError(code));
      return;
    }
    this.#record(batch.length);
    const counted: PendingVote[] = [];
    for (const [index, vote] of batch.entries()) {
      const outcome = outcomes[index]!;
      if (outcome !== 'counted') {
        vote.reject(new AppError(outcome));
        continue;
      }
      // Known at once (the row is committed): a repeat is refused from memory from now on.
      const ballot = this.#open.get(vote.row.ballotId);
      if (ballot) {
        ballot.voted += 1;
        ballot.voters.add(vote.row.memberId);
      }
      counted.push(vote);
    }
    if (counted.length === 0) return;
    // Acknowledged only once on the disk. Should the sync fail, the votes are committed but not
    // acknowledged, as after a crash: the retry is refused ALREADY_VOTED and finds its receipt.
    this.#syncing += 1;
    this.durable()
      .then(
        () => this.#acknowledge(counted),
        (error: unknown) => {
          this.onError(error);
          for (const vote of counted) vote.reject(new AppError('SERVER_BUSY'));
        },
      )
      .finally(() => {
        this.#syncing -= 1;
        this.#schedule();
      });
  }

  #acknowledge(counted: PendingVote[]): void {
    const touched = new Map<string, string>();
    const voters = new Map<string, string[]>();
    for (const vote of counted) {
      vote.resolve();
      touched.set(vote.row.ballotId, vote.row.meetingId);
      const ballotVoters = voters.get(vote.row.ballotId) ?? [];
      if (ballotVoters.length === 0) voters.set(vote.row.ballotId, ballotVoters);
      ballotVoters.push(vote.row.memberId);
    }
    // One event per ballot and batch: their other devices learn it in one broadcast, not one per vote.
    for (const [ballotId, memberIds] of voters) this.events.publish({ type: 'members.voted', ballotId, memberIds });
    for (const [ballotId, meetingId] of touched) this.events.publish({ type: 'ballot.turnout', meetingId, ballotId });
  }

  #record(size: number): void {
    this.statistics.batches += 1;
    this.statistics.votes += size;
    this.statistics.largest = Math.max(this.statistics.largest, size);
    const bucket = sizeBucket(size);
    this.statistics.sizes[bucket] = (this.statistics.sizes[bucket] ?? 0) + 1;
  }
}
