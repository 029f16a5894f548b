// Scrubs owed after a secret ballot closes. The row is written in the same transaction that closes
// the ballot, so a crash or a failed VACUUM before the scrub leaves a debt that start-up pays.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('CREATE TABLE scrub_pending (ballot_id TEXT PRIMARY KEY) WITHOUT ROWID').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE IF EXISTS scrub_pending').execute(db);
}
