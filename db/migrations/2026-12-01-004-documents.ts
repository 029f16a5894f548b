// Documents (二上二下): the document, its versions (immutable once issued), its rounds, the
// representatives' opinions, the delegations' consolidated submissions, the drafters' responses,
// the ballot item that carries it to the vote, and its history.
import { type Kysely, sql } from 'kysely';

const DOCUMENT_STATES = "'drafting', 'collecting', 'consolidating', 'responding', 'revising', 'final', 'voting', 'approved', 'rejected'";

const statements = [
  `CREATE TABLE document (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE RESTRICT,
    term_id TEXT NOT NULL REFERENCES term(id) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('collective_contract', 'rules', 'pay_scheme', 'reform_plan', 'implementing_opinions', 'other')),
    drafting_department_id TEXT REFERENCES department(id) ON DELETE RESTRICT,
    drafting_department_name TEXT NOT NULL,
    rounds_planned INTEGER NOT NULL DEFAULT 2 CHECK (rounds_planned BETWEEN 1 AND 10),
    state TEXT NOT NULL CHECK (state IN (${DOCUMENT_STATES})),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE INDEX document_meeting ON document(meeting_id)`,
  `CREATE TABLE document_version (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('markdown', 'docx')),
    text TEXT NOT NULL,
    blocks TEXT NOT NULL,
    original_stored_name TEXT UNIQUE,
    original_filename TEXT,
    original_size INTEGER,
    author_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    issued_at TEXT,
    issued_for TEXT CHECK (issued_for IN ('round', 'vote')),
    previous_version_id TEXT REFERENCES document_version(id) ON DELETE RESTRICT,
    diff TEXT,
    adoption_report TEXT,
    UNIQUE (document_id, number)
  )`,
  `CREATE TABLE document_round (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    version_id TEXT NOT NULL REFERENCES document_version(id) ON DELETE RESTRICT,
    state TEXT NOT NULL CHECK (state IN ('collecting', 'consolidating', 'responding', 'closed')),
    deadline_at TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    collection_ended_at TEXT,
    consolidation_ended_at TEXT,
    closed_at TEXT,
    UNIQUE (document_id, number)
  )`,
  `CREATE TABLE document_opinion (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL REFERENCES document_round(id) ON DELETE CASCADE,
    version_id TEXT NOT NULL REFERENCES document_version(id) ON DELETE RESTRICT,
    anchor TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE RESTRICT,
    member_name TEXT NOT NULL,
    member_role TEXT NOT NULL CHECK (member_role IN ('representative', 'attendee')),
    delegation_id TEXT NOT NULL REFERENCES delegation(id) ON DELETE RESTRICT,
    content TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX document_opinion_round ON document_opinion(round_id, delegation_id)`,
  `CREATE TABLE document_submission (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL REFERENCES document_round(id) ON DELETE CASCADE,
    delegation_id TEXT NOT NULL REFERENCES delegation(id) ON DELETE RESTRICT,
    note TEXT,
    submitted_by_kind TEXT NOT NULL CHECK (submitted_by_kind IN ('member', 'account')),
    submitted_by_id TEXT NOT NULL,
    submitted_by_name TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    UNIQUE (round_id, delegation_id)
  )`,
  `CREATE TABLE document_consolidated (
    id TEXT PRIMARY KEY,
    submission_id TEXT NOT NULL REFERENCES document_submission(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL REFERENCES document_round(id) ON DELETE CASCADE,
    delegation_id TEXT NOT NULL REFERENCES delegation(id) ON DELETE RESTRICT,
    sequence INTEGER NOT NULL,
    anchor TEXT NOT NULL,
    content TEXT NOT NULL,
    UNIQUE (submission_id, sequence)
  )`,
  `CREATE INDEX document_consolidated_round ON document_consolidated(round_id)`,
  `CREATE TABLE document_consolidated_source (
    consolidated_id TEXT NOT NULL REFERENCES document_consolidated(id) ON DELETE CASCADE,
    opinion_id TEXT NOT NULL UNIQUE REFERENCES document_opinion(id) ON DELETE CASCADE,
    PRIMARY KEY (consolidated_id, opinion_id)
  ) WITHOUT ROWID`,
  `CREATE TABLE document_response (
    consolidated_id TEXT PRIMARY KEY REFERENCES document_consolidated(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL REFERENCES document_round(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL CHECK (outcome IN ('adopted', 'partly_adopted', 'not_adopted')),
    reason TEXT,
    changed_anchors TEXT NOT NULL DEFAULT '[]',
    responder_account_id TEXT REFERENCES account(id) ON DELETE SET NULL,
    responder_name TEXT NOT NULL,
    responded_at TEXT NOT NULL
  )`,
  // Which ballot item carries which document, and the exact version voted: an approval binds only that text.
  `CREATE TABLE document_ballot_item (
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    ballot_id TEXT NOT NULL,
    item_index INTEGER NOT NULL,
    item_title TEXT NOT NULL,
    version_id TEXT NOT NULL REFERENCES document_version(id) ON DELETE RESTRICT,
    created_at TEXT NOT NULL,
    outcome TEXT CHECK (outcome IN ('approved', 'rejected')),
    settled_at TEXT,
    PRIMARY KEY (document_id, ballot_id)
  )`,
  `CREATE INDEX document_ballot_item_ballot ON document_ballot_item(ballot_id)`,
  `CREATE TABLE document_transition (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    round_number INTEGER,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('account', 'member', 'system')),
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    note TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
  )`,
  `CREATE INDEX document_transition_document ON document_transition(document_id, id)`,
];

const TABLES = [
  'document_transition',
  'document_ballot_item',
  'document_response',
  'document_consolidated_source',
  'document_consolidated',
  'document_submission',
  'document_opinion',
  'document_round',
  'document_version',
  'document',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
}
