// SQL for the credentials report: the adopted report of a session, and the session's preparatory meeting.
import type { Kysely } from 'kysely';
import type { CredentialsReportTable, Database } from '../db/database.js';

type Executor = Kysely<Database>;

export function findAdoptedReport(db: Executor, sessionId: string) {
  return db.selectFrom('credentials_report').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

/** A later adoption (after the roster changed) replaces the earlier one; the audit log keeps both. */
export async function saveAdoptedReport(db: Executor, row: CredentialsReportTable): Promise<void> {
  await db
    .insertInto('credentials_report')
    .values(row)
    .onConflict((conflict) => conflict.column('session_id').doUpdateSet({ ballot_id: row.ballot_id, adopted_at: row.adopted_at, report: row.report }))
    .execute();
}

/** The session's preparatory meeting (a session has at most one). */
export function findPreparatoryMeeting(db: Executor, sessionId: string) {
  return db.selectFrom('meeting').select(['id', 'title']).where('session_id', '=', sessionId).where('sitting', '=', 'preparatory').executeTakeFirst();
}
