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
   * Returns each vote's outcome and whether it newly checked its member in.
   */
  commitBatch(votes: readonly VoteRow[], isOpen: (ballotId: string) => boolean): { outcome: VoteOutcome; checkedIn: boolean }[] {
    const run = this.sqlite.transaction(() =>
      votes.map((vote) => {
        if (!isOpen(vote.ballotId)) return { outcome: 'BALLOT_CLOSED' as const, checkedIn: false };
        if (this.#insertParticipation.run(vote.ballotId, vote.memberId).changes === 0) return { outcome: 'ALREADY_VOTED' as const, checkedIn: false };
        if (this.#insertBox.run(vote.ballotId, vote.ballotKey, vote.receipt, vote.answers, vote.namedMemberId).changes === 0) {
          this.#deleteParticipation.run(vote.ballotId, vote.memberId);
          return { outcome: 'RECEIPT_CONFLICT' as const, checkedIn: false };
        }
        const checkedIn = this.#markPresent.run(vote.meetingId, vote.memberId).changes > 0;
        return { outcome: 'counted' as const, checkedIn };
      }),
    );
    return run.immediate();
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
