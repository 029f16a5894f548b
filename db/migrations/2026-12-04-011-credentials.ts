// The credentials report (代表资格审查报告) adopted at a session's preparatory meeting (issue 12):
// one row per session, naming the ballot (manual or not) that adopted it and keeping the figures,
// rule checks and paragraphs as they stood at adoption, so a later roster change shows beside them.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`CREATE TABLE credentials_report (
    session_id TEXT PRIMARY KEY REFERENCES congress_session(id) ON DELETE CASCADE,
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE RESTRICT,
    adopted_at TEXT NOT NULL,
    report TEXT NOT NULL
  )`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE credentials_report').execute(db);
}
