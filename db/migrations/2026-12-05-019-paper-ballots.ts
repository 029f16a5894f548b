// Paper and phones in one ballot (纸电同步, issue 14). Some representatives vote on paper: the
// secretary issues them numbered papers, which takes their participation (a participation row,
// written with the issue), so they can no longer vote on a phone, and a phone voter can no longer
// take a paper. After the close the tellers (scrutineer accounts) declare how many papers came back
// from the box and enter each one, in batches, and a second teller confirms each paper or each
// batch's totals. When the count is finished the valid papers join the ballot box (random keys,
// rewritten in key order with the rest) and the entries are deleted: what stays says how many
// papers were issued, returned and invalid, never what the paper voters chose as a group.
//
// paper_issue names who holds a paper (public in the hall: the paper is handed over in person).
// paper_entry is what a paper says, and carries no serial, no time and no order (WITHOUT ROWID,
// random key): nothing in it leads back to the issue.
import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE TABLE paper_issue (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE RESTRICT,
    serial INTEGER NOT NULL CHECK (serial > 0),
    issued_at TEXT NOT NULL,
    issued_by TEXT REFERENCES account(id) ON DELETE SET NULL,
    PRIMARY KEY (ballot_id, member_id),
    UNIQUE (ballot_id, serial)
  ) WITHOUT ROWID`,
  `CREATE TABLE paper_count (
    ballot_id TEXT PRIMARY KEY REFERENCES ballot(id) ON DELETE CASCADE,
    collected INTEGER CHECK (collected IS NULL OR collected >= 0),
    collected_by TEXT REFERENCES account(id) ON DELETE SET NULL,
    collected_at TEXT,
    counted_at TEXT
  )`,
  `CREATE TABLE paper_batch (
    id TEXT PRIMARY KEY,
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    opened_by TEXT REFERENCES account(id) ON DELETE SET NULL,
    opened_at TEXT NOT NULL,
    totals_confirmed_by TEXT REFERENCES account(id) ON DELETE SET NULL,
    totals_confirmed_at TEXT,
    UNIQUE (ballot_id, number)
  )`,
  `CREATE TABLE paper_entry (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    batch_id TEXT NOT NULL REFERENCES paper_batch(id) ON DELETE CASCADE,
    answers TEXT,
    invalid_reason TEXT,
    entered_by TEXT NOT NULL,
    confirmed_by TEXT,
    PRIMARY KEY (ballot_id, entry_key),
    CHECK ((answers IS NULL) <> (invalid_reason IS NULL))
  ) WITHOUT ROWID`,
  `CREATE INDEX paper_entry_batch ON paper_entry(batch_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['paper_entry', 'paper_batch', 'paper_count', 'paper_issue']) await sql.raw(`DROP TABLE ${table}`).execute(db);
}
