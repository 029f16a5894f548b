// Receipts leave the ballot paper: a receipt stored in the same row as a choice let anyone holding
// the database read the choice of a voter whose receipt they had seen (on a lent phone, under
// coercion). Papers and receipts now live in two tables that share no key, each written in its own
// key order, so after the close-time rewrite nothing stored pairs a receipt with a choice.
// The old tables are dropped with secure_delete on: their pages are zeroed as they are freed.
import { type Kysely, sql } from 'kysely';

const upStatements = [
  `CREATE TABLE ballot_receipt (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    receipt TEXT NOT NULL,
    PRIMARY KEY (ballot_id, receipt)
  ) WITHOUT ROWID`,
  'INSERT INTO ballot_receipt (ballot_id, receipt) SELECT ballot_id, receipt FROM ballot_box ORDER BY ballot_id, receipt',
  `CREATE TABLE ballot_paper (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    ballot_key TEXT NOT NULL,
    answers TEXT NOT NULL,
    named_member_id TEXT REFERENCES member(id) ON DELETE RESTRICT,
    PRIMARY KEY (ballot_id, ballot_key)
  ) WITHOUT ROWID`,
  'INSERT INTO ballot_paper (ballot_id, ballot_key, answers, named_member_id) SELECT ballot_id, ballot_key, answers, named_member_id FROM ballot_box ORDER BY ballot_id, ballot_key',
  'DROP TABLE ballot_box',
  'ALTER TABLE ballot_paper RENAME TO ballot_box',
  // Participation rewritten in key order too, so no ballot closed before this change keeps the
  // cells' fill order of its vote batches.
  `CREATE TABLE participation_sorted (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE RESTRICT,
    PRIMARY KEY (ballot_id, member_id)
  ) WITHOUT ROWID`,
  'INSERT INTO participation_sorted (ballot_id, member_id) SELECT ballot_id, member_id FROM participation ORDER BY ballot_id, member_id',
  'DROP TABLE participation',
  'ALTER TABLE participation_sorted RENAME TO participation',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE ballot_paper (
      ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
      ballot_key TEXT NOT NULL,
      receipt TEXT NOT NULL,
      answers TEXT NOT NULL,
      named_member_id TEXT REFERENCES member(id) ON DELETE RESTRICT,
      PRIMARY KEY (ballot_id, ballot_key),
      UNIQUE (ballot_id, receipt)
    ) WITHOUT ROWID`,
    // The pairing is gone for good: each paper gets a receipt of its own ballot, in key order.
    `INSERT INTO ballot_paper (ballot_id, ballot_key, receipt, answers, named_member_id)
      SELECT p.ballot_id, p.ballot_key, r.receipt, p.answers, p.named_member_id
      FROM (SELECT *, row_number() OVER (PARTITION BY ballot_id ORDER BY ballot_key) AS n FROM ballot_box) p
      JOIN (SELECT *, row_number() OVER (PARTITION BY ballot_id ORDER BY receipt) AS n FROM ballot_receipt) r
      ON r.ballot_id = p.ballot_id AND r.n = p.n`,
    'DROP TABLE ballot_box',
    'DROP TABLE ballot_receipt',
    'ALTER TABLE ballot_paper RENAME TO ballot_box',
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
