// Motions (提案): departments and their handlers, per-meeting collection settings, the motion with its
// seconders, history, assignments, replies and attachments, and a full-text index of CJK bigrams.
import { type Kysely, sql } from 'kysely';

const MOTION_STATES = "'draft', 'seconding', 'review', 'returned', 'withdrawn', 'not_accepted', 'merged', 'resolution', 'accepted', 'assigned', 'replied', 'rehandling', 'rated', 'resolved'";

const statements = [
  `CREATE TABLE department (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  )`,
  `ALTER TABLE account ADD COLUMN department_id TEXT REFERENCES department(id) ON DELETE RESTRICT`,
  `CREATE TABLE motion_settings (
    meeting_id TEXT PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
    opens_at TEXT,
    closes_at TEXT,
    required_seconders INTEGER NOT NULL DEFAULT 2,
    decline_window_days INTEGER NOT NULL DEFAULT 5,
    reply_deadline_days INTEGER NOT NULL DEFAULT 30,
    extension_max_days INTEGER NOT NULL DEFAULT 30,
    number_year INTEGER
  )`,
  `CREATE TABLE motion (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE RESTRICT,
    term_id TEXT NOT NULL REFERENCES term(id) ON DELETE RESTRICT,
    sequence INTEGER,
    number TEXT,
    proposer_member_id TEXT NOT NULL REFERENCES member(id) ON DELETE RESTRICT,
    entered_by_account_id TEXT REFERENCES account(id) ON DELETE SET NULL,
    entered_by_name TEXT,
    subject TEXT NOT NULL,
    reasons TEXT NOT NULL,
    measures TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('operations', 'reform', 'welfare', 'safety', 'culture', 'other')),
    state TEXT NOT NULL CHECK (state IN (${MOTION_STATES})),
    review_outcome TEXT CHECK (review_outcome IN ('accepted', 'merged', 'resolution', 'not_accepted')),
    merged_into_id TEXT REFERENCES motion(id) ON DELETE RESTRICT,
    converted_to_suggestion INTEGER NOT NULL DEFAULT 0,
    rejection_reason TEXT,
    resolution_ballot_id TEXT REFERENCES ballot(id) ON DELETE SET NULL,
    due_at TEXT,
    extension_days INTEGER,
    extension_reason TEXT,
    created_at TEXT NOT NULL,
    submitted_at TEXT,
    reviewed_at TEXT,
    assigned_at TEXT,
    resolved_at TEXT,
    resolution_note TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (meeting_id, sequence)
  )`,
  `CREATE INDEX motion_meeting_state ON motion(meeting_id, state)`,
  `CREATE INDEX motion_proposer ON motion(proposer_member_id)`,
  `CREATE INDEX motion_merged_into ON motion(merged_into_id)`,
  // A rowid table on purpose: seconders are listed in the order they seconded.
  `CREATE TABLE motion_seconder (
    motion_id TEXT NOT NULL REFERENCES motion(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE RESTRICT,
    seconded_at TEXT NOT NULL,
    entered_by_account_id TEXT REFERENCES account(id) ON DELETE SET NULL,
    PRIMARY KEY (motion_id, member_id)
  )`,
  `CREATE INDEX motion_seconder_member ON motion_seconder(member_id)`,
  `CREATE TABLE motion_transition (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    motion_id TEXT NOT NULL REFERENCES motion(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('account', 'member', 'system')),
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    on_behalf_of_member_id TEXT REFERENCES member(id) ON DELETE SET NULL,
    note TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
  )`,
  `CREATE INDEX motion_transition_motion ON motion_transition(motion_id, id)`,
  `CREATE TABLE motion_assignment (
    id TEXT PRIMARY KEY,
    motion_id TEXT NOT NULL REFERENCES motion(id) ON DELETE CASCADE,
    department_id TEXT NOT NULL REFERENCES department(id) ON DELETE RESTRICT,
    role TEXT NOT NULL CHECK (role IN ('lead', 'co')),
    assigned_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    declined_at TEXT,
    decline_reason TEXT
  )`,
  `CREATE INDEX motion_assignment_motion ON motion_assignment(motion_id)`,
  `CREATE INDEX motion_assignment_department ON motion_assignment(department_id, active)`,
  `CREATE TABLE motion_reply (
    id TEXT PRIMARY KEY,
    motion_id TEXT NOT NULL REFERENCES motion(id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    department_id TEXT NOT NULL REFERENCES department(id) ON DELETE RESTRICT,
    author_account_id TEXT REFERENCES account(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    content TEXT NOT NULL,
    grade TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    replied_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    on_time INTEGER NOT NULL,
    rating TEXT CHECK (rating IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
    rating_comment TEXT,
    rated_at TEXT,
    UNIQUE (motion_id, round)
  )`,
  `CREATE TABLE motion_attachment (
    id TEXT PRIMARY KEY,
    motion_id TEXT NOT NULL REFERENCES motion(id) ON DELETE CASCADE,
    stored_name TEXT NOT NULL UNIQUE,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    size INTEGER NOT NULL,
    uploaded_at TEXT NOT NULL
  )`,
  `CREATE INDEX motion_attachment_motion ON motion_attachment(motion_id)`,
  // Holds pre-tokenised text (overlapping CJK bigrams, see src/motions/search.ts): unicode61 alone
  // keeps a run of Chinese as one token and trigram cannot match two characters.
  `CREATE VIRTUAL TABLE motion_search USING fts5(motion_id UNINDEXED, subject, content, tokenize = 'unicode61')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['motion_search', 'motion_attachment', 'motion_reply', 'motion_assignment', 'motion_transition', 'motion_seconder', 'motion', 'motion_settings']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
  await sql.raw('ALTER TABLE account DROP COLUMN department_id').execute(db);
  await sql.raw('DROP TABLE IF EXISTS department').execute(db);
}
