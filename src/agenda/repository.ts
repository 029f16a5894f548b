// SQL for a session's agenda (议程).
import type { Kysely } from 'kysely';
import type { AgendaItemTable, Database } from '../db/database.js';

type Executor = Kysely<Database>;

export function listAgendaItems(db: Executor, sessionId: string) {
  return db.selectFrom('agenda_item').selectAll().where('session_id', '=', sessionId).orderBy('position').orderBy('created_at').execute();
}

export function findAgendaItem(db: Executor, id: string) {
  return db.selectFrom('agenda_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAgendaItem(db: Executor, row: AgendaItemTable): Promise<void> {
  await db.insertInto('agenda_item').values(row).execute();
}

export async function nextPosition(db: Executor, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('agenda_item')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 1 : Number(row.last) + 1;
}
