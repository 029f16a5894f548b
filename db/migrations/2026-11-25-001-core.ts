// Core schema: accounts, terms, roster, access codes, meetings, attendance, ballots.
// Secret-ballot tables (participation, ballot_box) share no key, carry no timestamps and are
// WITHOUT ROWID with random keys, so neither columns nor storage order reveal arrival order.
import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE TABLE account (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('secretary', 'scrutineer', 'handler', 'committee')),
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE auth_session (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT REFERENCES account(id) ON DELETE CASCADE,
    member_id TEXT REFERENCES member(id) ON DELETE CASCADE,
    code_hash TEXT,
    expires_at TEXT NOT NULL,
    CHECK ((account_id IS NULL) <> (member_id IS NULL))
  ) WITHOUT ROWID`,
  `CREATE INDEX auth_session_member ON auth_session(member_id)`,
  `CREATE TABLE term (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE delegation (
    id TEXT PRIMARY KEY,
    term_id TEXT NOT NULL REFERENCES term(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    leader_member_id TEXT REFERENCES member(id) ON DELETE SET NULL,
    UNIQUE (term_id, name)
  )`,
  `CREATE TABLE member (
    id TEXT PRIMARY KEY,
    term_id TEXT NOT NULL REFERENCES term(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    staff_number TEXT NOT NULL COLLATE NOCASE,
    delegation_id TEXT REFERENCES delegation(id) ON DELETE RESTRICT,
    role TEXT NOT NULL CHECK (role IN ('representative', 'attendee')),
    tags TEXT NOT NULL DEFAULT '[]',
    UNIQUE (term_id, staff_number)
  )`,
  `CREATE INDEX member_delegation ON member(delegation_id)`,
  `CREATE TABLE access_code (
    code_hash TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    issued_at TEXT NOT NULL,
    revoked_at TEXT
  ) WITHOUT ROWID`,
  `CREATE INDEX access_code_member ON access_code(member_id)`,
  `CREATE TABLE meeting (
    id TEXT PRIMARY KEY,
    term_id TEXT NOT NULL REFERENCES term(id) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('congress', 'general_assembly')),
    session_number INTEGER,
    state TEXT NOT NULL CHECK (state IN ('draft', 'in_session', 'closed')),
    quorum_numerator INTEGER NOT NULL,
    quorum_denominator INTEGER NOT NULL,
    display_token_hash TEXT UNIQUE,
    created_at TEXT NOT NULL,
    opened_at TEXT,
    closed_at TEXT
  )`,
  `CREATE TABLE attendance (
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'on_leave')),
    PRIMARY KEY (meeting_id, member_id)
  ) WITHOUT ROWID`,
  `CREATE TABLE ballot (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    secrecy TEXT NOT NULL CHECK (secrecy IN ('secret', 'named')),
    method TEXT NOT NULL CHECK (method IN ('electronic', 'manual')),
    state TEXT NOT NULL CHECK (state IN ('draft', 'open', 'closed', 'published')),
    items TEXT NOT NULL,
    deadline_at TEXT,
    revote_of TEXT REFERENCES ballot(id),
    quorum_overridden INTEGER NOT NULL DEFAULT 0,
    eligible INTEGER,
    present INTEGER,
    ballots_cast INTEGER,
    result TEXT,
    created_at TEXT NOT NULL,
    opened_at TEXT,
    closed_at TEXT,
    published_at TEXT
  )`,
  `CREATE INDEX ballot_meeting ON ballot(meeting_id)`,
  `CREATE TABLE participation (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE RESTRICT,
    PRIMARY KEY (ballot_id, member_id)
  ) WITHOUT ROWID`,
  `CREATE TABLE ballot_box (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    ballot_key TEXT NOT NULL,
    receipt TEXT NOT NULL,
    answers TEXT NOT NULL,
    named_member_id TEXT REFERENCES member(id) ON DELETE RESTRICT,
    PRIMARY KEY (ballot_id, ballot_key),
    UNIQUE (ballot_id, receipt)
  ) WITHOUT ROWID`,
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_account_id TEXT REFERENCES account(id) ON DELETE SET NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    meeting_id TEXT,
    ballot_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
  )`,
  `CREATE INDEX audit_log_meeting ON audit_log(meeting_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'ballot_box', 'participation', 'ballot', 'attendance', 'meeting', 'access_code', 'member', 'delegation', 'term', 'auth_session', 'account']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}
