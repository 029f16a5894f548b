// The joint meeting (联席会议) between sessions (issue 12, item 6): its own roll (its electorate, in
// place of the term's representatives), the ballot flag for statutory matters (法定须经职代会审议通过的
// 事项, which a joint meeting refuses), and its decisions awaiting the next plenary's confirmation.
import { type Kysely, sql } from 'kysely';

const upStatements = [
  `CREATE TABLE joint_roll (
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    capacity TEXT NOT NULL CHECK (capacity IN ('delegation_leader', 'presidium', 'committee_chair', 'union_committee', 'other')),
    PRIMARY KEY (meeting_id, member_id)
  ) WITHOUT ROWID`,
  'ALTER TABLE ballot ADD COLUMN statutory INTEGER NOT NULL DEFAULT 0',
  `CREATE TABLE joint_decision (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    title TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'not_confirmed')),
    confirmation_ballot_id TEXT REFERENCES ballot(id) ON DELETE SET NULL,
    confirmation_item_id TEXT,
    settled_at TEXT,
    UNIQUE (ballot_id, item_id)
  )`,
  'CREATE INDEX joint_decision_meeting ON joint_decision(meeting_id)',
  'CREATE INDEX joint_decision_confirmation ON joint_decision(confirmation_ballot_id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of ['DROP TABLE joint_decision', 'ALTER TABLE ballot DROP COLUMN statutory', 'DROP TABLE joint_roll']) {
    await sql.raw(statement).execute(db);
  }
}
