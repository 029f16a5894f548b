// Resolutions (决议, issue 13): a session's resolutions, drafted from its figures, edited by the
// secretary while a draft, then voted as one approval item each (resolution_vote: one row per item it
// was put to, a re-vote adding a row). The ballot-use ledger learns the purpose 'resolution_adoption';
// SQLite cannot change a CHECK in place, so the table is rebuilt. Its ballot reference now cascades:
// only a draft ballot can be deleted and a draft has decided nothing, so its claims go with it (a
// resolution or a joint decision put to a deleted draft is free again; RESTRICT made that delete fail).
import { type Kysely, sql } from 'kysely';

const PURPOSES_BEFORE = "'agenda_adoption', 'agenda_amendment', 'presidium_election', 'credentials_adoption', 'joint_confirmation'";
const PURPOSES_AFTER = `${PURPOSES_BEFORE}, 'resolution_adoption'`;

function ballotUseTable(name: string, purposes: string, onDelete: string): string {
  return `CREATE TABLE ${name} (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE ${onDelete},
    item_id TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN (${purposes})),
    subject_id TEXT NOT NULL,
    used_at TEXT NOT NULL,
    PRIMARY KEY (ballot_id, item_id)
  ) WITHOUT ROWID`;
}

function rebuildBallotUse(purposes: string, onDelete: string, keep: string): string[] {
  return [
    ballotUseTable('ballot_use_rebuilt', purposes, onDelete),
    `INSERT INTO ballot_use_rebuilt (ballot_id, item_id, purpose, subject_id, used_at) SELECT ballot_id, item_id, purpose, subject_id, used_at FROM ballot_use WHERE ${keep}`,
    'DROP TABLE ballot_use',
    'ALTER TABLE ballot_use_rebuilt RENAME TO ballot_use',
  ];
}

const upStatements = [
  ...rebuildBallotUse(PURPOSES_AFTER, 'CASCADE', '1'),
  `CREATE TABLE resolution (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES congress_session(id) ON DELETE CASCADE,
    document_id TEXT REFERENCES document(id) ON DELETE SET NULL,
    subject TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    frozen_at TEXT,
    text_sha256 TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  'CREATE INDEX resolution_by_session ON resolution (session_id, created_at)',
  `CREATE TABLE resolution_vote (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    resolution_id TEXT NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
    bound_at TEXT NOT NULL,
    outcome TEXT CHECK (outcome IN ('adopted', 'not_adopted')),
    result_clause TEXT,
    settled_at TEXT,
    PRIMARY KEY (ballot_id, item_id)
  ) WITHOUT ROWID`,
  'CREATE INDEX resolution_vote_by_resolution ON resolution_vote (resolution_id, bound_at)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = ['DROP TABLE resolution_vote', 'DROP TABLE resolution', ...rebuildBallotUse(PURPOSES_BEFORE, 'RESTRICT', "purpose <> 'resolution_adoption'")];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
