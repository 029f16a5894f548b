// The agenda (议程) of a session (issue 12): ordered items, each taken up at one of the session's
// sittings (meeting_id; null until scheduled). The preparatory meeting adopts the agenda (a ballot,
// manual or not, named in agenda_adopted_ballot_id); after that only a recorded vote may amend it.
// A meeting remembers the item it is on now (the phones and the projector follow it) and its
// presiding chair (执行主席) for this sitting.
import { type Kysely, sql } from 'kysely';

const upStatements = [
  `CREATE TABLE agenda_item (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES congress_session(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('report', 'document', 'ballot', 'election', 'motions_report', 'joint_confirmation', 'other')),
    title TEXT NOT NULL,
    presenter TEXT,
    material TEXT,
    document_id TEXT REFERENCES document(id) ON DELETE SET NULL,
    ballot_id TEXT REFERENCES ballot(id) ON DELETE SET NULL,
    meeting_id TEXT REFERENCES meeting(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
  )`,
  'CREATE INDEX agenda_item_session ON agenda_item(session_id, position)',
  'ALTER TABLE congress_session ADD COLUMN agenda_adopted_at TEXT',
  'ALTER TABLE congress_session ADD COLUMN agenda_adopted_ballot_id TEXT REFERENCES ballot(id) ON DELETE RESTRICT',
  'ALTER TABLE meeting ADD COLUMN current_agenda_item_id TEXT REFERENCES agenda_item(id) ON DELETE SET NULL',
  'ALTER TABLE meeting ADD COLUMN presiding_chair_member_id TEXT REFERENCES member(id) ON DELETE SET NULL',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'ALTER TABLE meeting DROP COLUMN presiding_chair_member_id',
    'ALTER TABLE meeting DROP COLUMN current_agenda_item_id',
    'ALTER TABLE congress_session DROP COLUMN agenda_adopted_ballot_id',
    'ALTER TABLE congress_session DROP COLUMN agenda_adopted_at',
    'DROP TABLE agenda_item',
  ]) {
    await sql.raw(statement).execute(db);
  }
}
