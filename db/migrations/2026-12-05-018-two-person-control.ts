// Two-person control (双人确认, issue 14): per meeting, which steps of a secret electronic ballot need
// both the secretary and a scrutineer (监票人) to confirm. A pending confirmation is one officer's
// half of a step, kept until the other half comes, it is withdrawn, or the ballot leaves the state the
// step starts from: the trigger drops them on any change of state (the deadline's own close too), so
// no path that moves a ballot can leave a stale half behind.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE meeting ADD COLUMN two_person_control TEXT NOT NULL DEFAULT 'none' CHECK (two_person_control IN ('none', 'close_publish', 'all'))`).execute(db);
  await sql
    .raw(`CREATE TABLE ballot_confirmation (
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    step TEXT NOT NULL CHECK (step IN ('open', 'close', 'publish')),
    role TEXT NOT NULL CHECK (role IN ('secretary', 'scrutineer')),
    account_id TEXT NOT NULL REFERENCES account(id),
    at TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (ballot_id, step, role)
  ) WITHOUT ROWID`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ballot_confirmation_dropped_on_move AFTER UPDATE OF state ON ballot
    WHEN OLD.state <> NEW.state
    BEGIN DELETE FROM ballot_confirmation WHERE ballot_id = NEW.id; END`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TRIGGER ballot_confirmation_dropped_on_move').execute(db);
  await sql.raw('DROP TABLE ballot_confirmation').execute(db);
  await sql.raw('ALTER TABLE meeting DROP COLUMN two_person_control').execute(db);
}
