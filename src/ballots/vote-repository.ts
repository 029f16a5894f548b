// The vote hot path's SQL: statements prepared once on the raw better-sqlite3 handle, run in one
// transaction per batch. Kysely prepares every query anew, which halves the vote rate.
import type { SqliteHandle } from '../db/connection.js';

export interface VoteRow {
  ballotId: string;
  meetingId: string;
  memberId: string;
  ballotKey: string;
  receipt: string;
  answers: string;
  namedMemberId: string | null;
}

export type VoteOutcome = 'counted' | 'ALREADY_VOTED' | 'RECEIPT_CONFLICT' | 'BALLOT_CLOSED';

/** The batch's indices sorted by a key (ties keep the batch's shuffled order). */
function inKeyOrder(votes: readonly VoteRow[], key: (vote: VoteRow) => string): number[] {
  const keys = votes.map(key);
  return keys.map((_, index) => index).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}

const voterOf = (vote: VoteRow) => `${vote.ballotId}:${vote.memberId}`;

export class VoteRepository {
  readonly #insertParticipation;
  readonly #deleteParticipation;
  readonly #insertReceipt;
  readonly #insertPaper;
  readonly #syncNormal;
  readonly #syncFull;

  constructor(private readonly sqlite: SqliteHandle) {
    this.#syncNormal = sqlite.prepare('PRAGMA synchronous = NORMAL');
    this.#syncFull = sqlite.prepare('PRAGMA synchronous = FULL');
    this.#insertParticipation = sqlite.prepare('INSERT OR IGNORE INTO participation (ballot_id, member_id) VALUES (?, ?)');
    this.#deleteParticipation = sqlite.prepare('DELETE FROM participation WHERE ballot_id = ? AND member_id = ?');
    this.#insertReceipt = sqlite.prepare('INSERT OR IGNORE INTO ballot_receipt (ballot_id, receipt) VALUES (?, ?)');
    this.#insertPaper = sqlite.prepare('INSERT INTO ballot_box (ballot_id, ballot_key, answers, named_member_id) VALUES (?, ?, ?, ?)');
  }

  get busy(): boolean {
    return this.sqlite.inTransaction;
  }

  /**
   * Writes a batch as one transaction. Participation, receipts and papers share no key; the UNIQUE
   * participation key inside the same transaction is what stops a second ballot, the receipt's
   * key what refuses a receipt already in the box.
   * Each table is written in its own key order (member id; receipt; the random ballot key): SQLite
   * fills a page's cells in insertion order, so writing them in one shared order would let a copy of
   * the live file pair every voter with their receipt and their paper inside a batch. In key order, a
   * cell's place in its page says no more than the key itself. Nothing here touches attendance: a
   * vote must not change anything anyone can see about who voted.
   */
  commitBatch(votes: readonly VoteRow[], isOpen: (ballotId: string) => boolean): VoteOutcome[] {
    const run = this.sqlite.transaction(() => {
      const outcomes = votes.map((): VoteOutcome => 'counted');
      const claimed = new Set<string>();
      const repeats = new Set<number>();
      for (const index of inKeyOrder(votes, voterOf)) {
        const vote = votes[index]!;
        if (!isOpen(vote.ballotId)) outcomes[index] = 'BALLOT_CLOSED';
        else if (claimed.has(voterOf(vote))) repeats.add(index);
        else if (this.#insertParticipation.run(vote.ballotId, vote.memberId).changes === 0) outcomes[index] = 'ALREADY_VOTED';
        else claimed.add(voterOf(vote));
      }
      const firstTries = (index: number) => outcomes[index] === 'counted' && !repeats.has(index);
      for (const index of inKeyOrder(votes, (vote) => vote.receipt).filter(firstTries)) {
        if (this.#receiptTaken(votes[index]!)) {
          outcomes[index] = 'RECEIPT_CONFLICT';
          claimed.delete(voterOf(votes[index]!));
        }
      }
      for (const index of inKeyOrder(votes, (vote) => vote.ballotKey).filter(firstTries)) this.#paper(votes[index]!);
      // A second attempt by the same voter in one batch (rare) counts only if the first did not.
      for (const index of [...repeats].sort((a, b) => a - b)) outcomes[index] = this.#castRepeat(votes[index]!, claimed);
      return outcomes;
    });
    // The batch's commit is not synced here: the queue syncs the log off the event loop (WalSync)
    // before any of its votes is acknowledged. Every other write on the connection keeps FULL.
    this.#syncNormal.run();
    try {
      return run.immediate();
    } finally {
      this.#syncFull.run();
    }
  }

  /** True (and the participation row taken back) if the receipt is in the box already. */
  #receiptTaken(vote: VoteRow): boolean {
    if (this.#insertReceipt.run(vote.ballotId, vote.receipt).changes > 0) return false;
    this.#deleteParticipation.run(vote.ballotId, vote.memberId);
    return true;
  }

  #paper(vote: VoteRow): void {
    this.#insertPaper.run(vote.ballotId, vote.ballotKey, vote.answers, vote.namedMemberId);
  }

  #castRepeat(vote: VoteRow, claimed: Set<string>): VoteOutcome {
    if (claimed.has(voterOf(vote)) || this.#insertParticipation.run(vote.ballotId, vote.memberId).changes === 0) return 'ALREADY_VOTED';
    if (this.#receiptTaken(vote)) return 'RECEIPT_CONFLICT';
    this.#paper(vote);
    claimed.add(voterOf(vote));
    return 'counted';
  }
}

function truncateWal(sqlite: SqliteHandle): void {
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (result && result.busy !== 0) throw new Error('the WAL checkpoint was blocked by a reader');
}

/**
 * The scrub's SQL: copies the WAL (still holding every vote batch's page images) into the file,
 * empties it, then settles every pending scrub. An object, so tests can make it fail.
 */
export const walScrub = {
  run(sqlite: SqliteHandle): void {
    truncateWal(sqlite);
    sqlite.exec('DELETE FROM scrub_pending');
    truncateWal(sqlite);
  },
};
