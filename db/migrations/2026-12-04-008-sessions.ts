// Sessions (第N次会议) and their sittings (issue 12). A session groups a term's preparatory meeting and
// plenary sittings (a congress may sit for more than one half-day); an extraordinary session (临时会议)
// is a session of its own kind. A joint meeting (联席会议) sits between sessions and belongs to none.
// `meeting.sitting` says which kind of sitting a meeting is; every existing meeting is a plenary, and
// meetings that named a session number are grouped into one session per (term, number).
// `term.rules` holds the term's own thresholds (quorum, composition, presidium, joint meetings) as
// JSON, read through a zod schema with defaults (src/roster/term-rules.ts): an empty object means
// "the defaults", so a setting added later needs no migration.
import { type Kysely, sql } from 'kysely';

const upStatements = [
  `CREATE TABLE congress_session (
    id TEXT PRIMARY KEY,
    term_id TEXT NOT NULL REFERENCES term(id) ON DELETE RESTRICT,
    number INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('regular', 'extraordinary')),
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (term_id, number)
  )`,
  `ALTER TABLE meeting ADD COLUMN session_id TEXT REFERENCES congress_session(id) ON DELETE RESTRICT`,
  `ALTER TABLE meeting ADD COLUMN sitting TEXT NOT NULL DEFAULT 'plenary' CHECK (sitting IN ('preparatory', 'plenary', 'extraordinary', 'joint'))`,
  `CREATE INDEX meeting_session ON meeting(session_id)`,
  `ALTER TABLE term ADD COLUMN rules TEXT NOT NULL DEFAULT '{}'`,
  // One session per (term, session number) already used (ids: 12 random bytes, in hex rather than the app's base64url).
  `INSERT INTO congress_session (id, term_id, number, kind, title, created_at)
    SELECT lower(hex(randomblob(12))), term_id, session_number, 'regular', '第' || session_number || '次会议', min(created_at)
    FROM meeting WHERE session_number IS NOT NULL GROUP BY term_id, session_number`,
  `UPDATE meeting SET session_id = (
    SELECT congress_session.id FROM congress_session
    WHERE congress_session.term_id = meeting.term_id AND congress_session.number = meeting.session_number
  ) WHERE session_number IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'DROP INDEX meeting_session',
    'ALTER TABLE meeting DROP COLUMN sitting',
    'ALTER TABLE meeting DROP COLUMN session_id',
    'ALTER TABLE term DROP COLUMN rules',
    'DROP TABLE congress_session',
  ]) {
    await sql.raw(statement).execute(db);
  }
}
