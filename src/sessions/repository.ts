// SQL for sessions (第N次会议).
import type { Kysely } from 'kysely';
import type { CongressSessionTable, Database } from '../db/database.js';

type Executor = Kysely<Database>;

export function listSessions(db: Executor, termId: string) {
  return db.selectFrom('congress_session').selectAll().where('term_id', '=', termId).orderBy('number').execute();
}

export function findSession(db: Executor, id: string) {
  return db.selectFrom('congress_session').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSessionByNumber(db: Executor, termId: string, number: number) {
  return db.selectFrom('congress_session').selectAll().where('term_id', '=', termId).where('number', '=', number).executeTakeFirst();
}

export async function insertSession(db: Executor, row: CongressSessionTable): Promise<void> {
  await db.insertInto('congress_session').values(row).execute();
}

export async function updateSessionTitle(db: Executor, id: string, title: string): Promise<void> {
  await db.updateTable('congress_session').set({ title }).where('id', '=', id).execute();
}

/** Its sittings, oldest first. */
export function listSittings(db: Executor, sessionId: string) {
  return db.selectFrom('meeting').select(['id', 'sitting', 'state']).where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute();
}

export async function setSessionClosedAt(db: Executor, id: string, closedAt: string | null): Promise<void> {
  await db.updateTable('congress_session').set({ closed_at: closedAt }).where('id', '=', id).execute();
}
