// SQL for what follows a session's close: its public notice and its report to the higher union.
import type { Kysely } from 'kysely';
import type { Database, SessionAftermathTable } from '../db/database.js';

type Executor = Kysely<Database>;

export function findAftermath(db: Executor, sessionId: string) {
  return db.selectFrom('session_aftermath').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

export function listAftermaths(db: Executor, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return Promise.resolve([] as SessionAftermathTable[]);
  return db
    .selectFrom('session_aftermath')
    .selectAll()
    .where('session_id', 'in', [...sessionIds])
    .execute();
}

/** Writes the named columns, making the session's row first if it has none. */
export async function saveAftermath(db: Executor, sessionId: string, changes: Partial<Omit<SessionAftermathTable, 'session_id'>>): Promise<void> {
  const empty: SessionAftermathTable = {
    session_id: sessionId,
    notice_published_at: null,
    notice_posted_until: null,
    notice_taken_down_at: null,
    notice_take_down_reason: null,
    report_sent_on: null,
    report_sent_to: null,
    report_recorded_at: null,
  };
  await db
    .insertInto('session_aftermath')
    .values({ ...empty, ...changes })
    .onConflict((conflict) => conflict.column('session_id').doUpdateSet(changes))
    .execute();
}
