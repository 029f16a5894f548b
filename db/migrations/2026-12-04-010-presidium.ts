// The presidium (主席团), presiding chairs and tellers (issue 12). A session's presidium is first a
// proposed list (presidium_member, in order), then elected at the preparatory meeting: by an election
// ballot (its elected members become the list) or by an approval of the proposed list (usually a show
// of hands); presidium_election records which ballot and item did it, and from then the list is fixed.
// The election lives in its own table rather than on congress_session so the session row, which
// other work writes whole, keeps its shape. Each sitting's presiding chair is meeting.presiding_chair_member_id (009).
// Tellers (总监票人, 监票人, 计票人) belong to one ballot: named by the presidium, or elected by another ballot.
import { type Kysely, sql } from 'kysely';

const upStatements = [
  `CREATE TABLE presidium_member (
    session_id TEXT NOT NULL REFERENCES congress_session(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (session_id, member_id)
  )`,
  `CREATE TABLE presidium_election (
    session_id TEXT PRIMARY KEY REFERENCES congress_session(id) ON DELETE CASCADE,
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE RESTRICT,
    item_id TEXT NOT NULL,
    elected_by TEXT NOT NULL CHECK (elected_by IN ('election', 'approval')),
    elected_at TEXT NOT NULL
  )`,
  `CREATE TABLE ballot_teller (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('chief_scrutineer', 'scrutineer', 'counter')),
    chosen_by TEXT NOT NULL CHECK (chosen_by IN ('named', 'elected')),
    elected_by_ballot_id TEXT REFERENCES ballot(id) ON DELETE SET NULL,
    PRIMARY KEY (ballot_id, member_id)
  )`,
  'CREATE INDEX ballot_teller_member ON ballot_teller(member_id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of ['DROP TABLE ballot_teller', 'DROP TABLE presidium_election', 'DROP TABLE presidium_member']) await sql.raw(statement).execute(db);
}
