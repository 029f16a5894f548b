// SQL for pending confirmations under two-person control (双人确认). A ballot's move to another
// state drops its rows by trigger (db/migrations/2026-12-05-018-two-person-control.ts).
import type { Kysely } from 'kysely';
import type { BallotConfirmationTable, Database } from '../db/database.js';
import type { ConfirmationStep, ConfirmingRole } from './two-person.js';

type Executor = Kysely<Database>;

export type ConfirmationRow = BallotConfirmationTable & { name: string };

/** A ballot's pending confirmations with the confirming officer's name, oldest first. */
export function listConfirmations(db: Executor, ballotId: string): Promise<ConfirmationRow[]> {
  return db
    .selectFrom('ballot_confirmation')
    .innerJoin('account', 'account.id', 'ballot_confirmation.account_id')
    .selectAll('ballot_confirmation')
    .select('account.display_name as name')
    .where('ballot_confirmation.ballot_id', '=', ballotId)
    .orderBy('ballot_confirmation.at')
    .execute();
}

/** Every pending confirmation of a meeting's ballots, for the officers' list. */
export function listMeetingConfirmations(db: Executor, meetingId: string): Promise<ConfirmationRow[]> {
  return db
    .selectFrom('ballot_confirmation')
    .innerJoin('ballot', 'ballot.id', 'ballot_confirmation.ballot_id')
    .innerJoin('account', 'account.id', 'ballot_confirmation.account_id')
    .selectAll('ballot_confirmation')
    .select('account.display_name as name')
    .where('ballot.meeting_id', '=', meetingId)
    .orderBy('ballot_confirmation.at')
    .execute();
}

/** Records a half (the caller has read that this role has none for this step: the key would refuse a second). */
export async function insertConfirmation(db: Executor, row: BallotConfirmationTable): Promise<void> {
  await db.insertInto('ballot_confirmation').values(row).execute();
}

/** Withdraws one account's own half; false if it had none. */
export async function deleteOwnConfirmation(db: Executor, ballotId: string, step: ConfirmationStep, role: ConfirmingRole, accountId: string): Promise<boolean> {
  const result = await db.deleteFrom('ballot_confirmation').where('ballot_id', '=', ballotId).where('step', '=', step).where('role', '=', role).where('account_id', '=', accountId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
