// What each ballot item decided for the session (issue 12): a passed vote adopts one thing only. An
// item that adopted the agenda cannot also amend it, adopt the credentials report or elect the
// presidium; an item that confirms a joint meeting's decision does nothing else. One row per item
// that served, written in the same transaction as what it decided (src/ballots/uses.ts).
import { type Kysely, sql } from 'kysely';

const upStatements = [
  `CREATE TABLE ballot_use (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE RESTRICT,
    item_id TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('agenda_adoption', 'agenda_amendment', 'presidium_election', 'credentials_adoption', 'joint_confirmation')),
    subject_id TEXT NOT NULL,
    used_at TEXT NOT NULL,
    PRIMARY KEY (ballot_id, item_id)
  ) WITHOUT ROWID`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE ballot_use').execute(db);
}
