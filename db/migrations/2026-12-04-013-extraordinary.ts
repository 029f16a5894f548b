// Proposals to convene an extraordinary session (临时会议, issue 12 item 7): made by the unit (行政),
// the union (工会), or at least a share of the representatives (term rule extraordinary.proposalShare),
// whose signatures are collected from the phones. Convening one makes a congress_session of kind
// 'extraordinary' and links it here, so the record shows who proposed it.
// A signature is public by nature (a petition, not a secret ballot); the primary key makes a second
// signature by the same person impossible, however the requests race.
import { type Kysely, sql } from 'kysely';

const upStatements = [
  `CREATE TABLE extraordinary_proposal (
    id TEXT PRIMARY KEY,
    term_id TEXT NOT NULL REFERENCES term(id) ON DELETE RESTRICT,
    proposer TEXT NOT NULL CHECK (proposer IN ('unit', 'union', 'representatives')),
    subject TEXT NOT NULL,
    reasons TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('collecting', 'convened', 'withdrawn')),
    session_id TEXT UNIQUE REFERENCES congress_session(id) ON DELETE RESTRICT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    convened_at TEXT,
    convened_by TEXT,
    signatures_at_convening INTEGER,
    threshold_at_convening INTEGER,
    withdrawn_at TEXT
  )`,
  'CREATE INDEX extraordinary_proposal_term ON extraordinary_proposal(term_id, created_at)',
  `CREATE TABLE extraordinary_signature (
    proposal_id TEXT NOT NULL REFERENCES extraordinary_proposal(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    signed_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, member_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of ['DROP TABLE extraordinary_signature', 'DROP INDEX extraordinary_proposal_term', 'DROP TABLE extraordinary_proposal']) {
    await sql.raw(statement).execute(db);
  }
}
