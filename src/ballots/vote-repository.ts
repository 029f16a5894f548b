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

export class VoteRepository {
  readonly #insertParticipation;
  readonly #deleteParticipation;
  readonly #insertBox;
  readonly #markPresent;

  constructor(private readonly sqlite: SqliteHandle) {
    this.#insertParticipation = sqlite.prepare('INSERT OR IGNORE INTO participation (ballot_id, member_id) VALUES (?, ?)');
    this.#deleteParticipation = sqlite.prepare('DELETE FROM participation WHERE ballot_id = ? AND member_id = ?');
    this.#insertBox = sqlite.prepare(
      'INSERT OR IGNORE INTO ballot_box (ballot_id, ballot_key, receipt, answers, named_member_id) VALUES (?, ?, ?, ?, ?)',
    );
    this.#markPresent = sqlite.prepare(
      "INSERT INTO attendance (meeting_id, member_id, status) VALUES (?, ?, 'present') ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = 'present' WHERE status <> 'present'",
    );
  }

  get busy(): boolean {
    return this.sqlite.inTransaction;
  }

  /**
   * Writes a batch as one transaction. Participation and ballot rows share no key; the UNIQUE
   * participation key inside the same transaction is what stops a second ballot.
   * Each table is written in its own key order (member id; the random ballot key): SQLite fills a
   * page's cells in insertion order, so writing both in one shared order would let a copy of the
   * live file pair every voter with their ballot inside a batch. In key order, a cell's place in
   * its page says no more than the key itself. Returns each vote's outcome (in the batch's order)
   * and whether it newly checked its member in.
   */
  commitBatch(votes: readonly VoteRow[], isOpen: (ballotId: string) => boolean): { outcome: VoteOutcome; checkedIn: boolean }[] {
    const run = this.sqlite.transaction(() => {
      const results = votes.map(() => ({ outcome: 'counted' as VoteOutcome, checkedIn: false }));
      const byMember = inKeyOrder(votes, (vote) => `${vote.ballotId}:${vote.memberId}`);
      const claimed = new Set<string>();
      const repeats = new Set<number>();
      for (const index of byMember) {
        const vote = votes[index]!;
        const voter = `${vote.ballotId}:${vote.memberId}`;
        if (!isOpen(vote.ballotId)) results[index]!.outcome = 'BALLOT_CLOSED';
        else if (claimed.has(voter)) repeats.add(index);
        else if (this.#insertParticipation.run(vote.ballotId, vote.memberId).changes === 0) results[index]!.outcome = 'ALREADY_VOTED';
        else claimed.add(voter);
      }
      for (const index of inKeyOrder(votes, (vote) => vote.ballotKey)) {
        if (results[index]!.outcome !== 'counted' || repeats.has(index)) continue;
        if (!this.#insertPaper(votes[index]!)) {
          results[index]!.outcome = 'RECEIPT_CONFLICT';
          claimed.delete(`${votes[index]!.ballotId}:${votes[index]!.memberId}`);
        }
      }
      // A second attempt by the same voter in one batch (rare) counts only if the first did not.
      for (const index of [...repeats].sort((a, b) => a - b)) results[index]!.outcome = this.#castRepeat(votes[index]!, claimed);
      for (const index of byMember) {
        const vote = votes[index]!;
        if (results[index]!.outcome === 'counted') results[index]!.checkedIn = this.#markPresent.run(vote.meetingId, vote.memberId).changes > 0;
      }
      return results;
    });
    return run.immediate();
  }

  /** The ballot row; false (and the participation row taken back) if the receipt is in the box already. */
  #insertPaper(vote: VoteRow): boolean {
    if (this.#insertBox.run(vote.ballotId, vote.ballotKey, vote.receipt, vote.answers, vote.namedMemberId).changes > 0) return true;
    this.#deleteParticipation.run(vote.ballotId, vote.memberId);
    return false;
  }

  #castRepeat(vote: VoteRow, claimed: Set<string>): VoteOutcome {
    const voter = `${vote.ballotId}:${vote.memberId}`;
    if (claimed.has(voter) || this.#insertParticipation.run(vote.ballotId, vote.memberId).changes === 0) return 'ALREADY_VOTED';
    if (!this.#insertPaper(vote)) return 'RECEIPT_CONFLICT';
    claimed.add(voter);
    return 'counted';
  }

  /**
   * After a secret ballot closes: rewrite the file in key order (no insertion-order traces in pages),
   * empty the WAL, and only then settle every pending scrub (a crash before that leaves them owed).
   * Throws if any step fails, leaving the scrubs pending.
   */
  scrubAfterClose(): void {
    this.sqlite.exec('VACUUM');
    this.#truncateWal();
    this.sqlite.exec('DELETE FROM scrub_pending');
    this.#truncateWal();
  }

  #truncateWal(): void {
    const [result] = this.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result && result.busy !== 0) throw new Error('the WAL checkpoint was blocked by a reader');
  }
}
