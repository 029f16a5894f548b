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

export async function updateAgendaItem(db: Executor, id: string, changes: Partial<Omit<AgendaItemTable, 'id' | 'session_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('agenda_item').set(changes).where('id', '=', id).execute();
}

export async function deleteAgendaItem(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('agenda_item').where('id', '=', id).execute();
}

export async function setAgendaAdopted(db: Executor, sessionId: string, at: string, ballotId: string): Promise<void> {
  await db.updateTable('congress_session').set({ agenda_adopted_at: at, agenda_adopted_ballot_id: ballotId }).where('id', '=', sessionId).execute();
}

/** The session's sittings (meetings) with their kind. */
export function listSittings(db: Executor, sessionId: string) {
  return db.selectFrom('meeting').select(['id', 'sitting', 'term_id', 'title']).where('session_id', '=', sessionId).execute();
}

/** Titles of the documents and ballots the items link to: the screens list them as the item's materials. */
export async function linkedTitles(db: Executor, documentIds: string[], ballotIds: string[]) {
  const [documents, ballots] = await Promise.all([
    // What members may see: a document once issued, a ballot once opened (a draft's title is the secretariat's until then).
    documentIds.length ? db.selectFrom('document').select(['id', 'title']).where('id', 'in', documentIds).where('state', '!=', 'drafting').execute() : [],
    ballotIds.length ? db.selectFrom('ballot').select(['id', 'title']).where('id', 'in', ballotIds).where('state', '!=', 'draft').execute() : [],
  ]);
  return { documents: new Map(documents.map((row) => [row.id, row.title])), ballots: new Map(ballots.map((row) => [row.id, row.title])) };
}

/** The term's meetings, for the motions work report (motions of the whole term, this session's marked). */
export function listTermMeetingIds(db: Executor, termId: string) {
  return db.selectFrom('meeting').select(['id', 'session_id']).where('term_id', '=', termId).execute();
}

export function findDocumentTerm(db: Executor, documentId: string) {
  return db.selectFrom('document').select(['id', 'term_id']).where('id', '=', documentId).executeTakeFirst();
}

export function findBallotMeeting(db: Executor, ballotId: string) {
  return db.selectFrom('ballot').select(['id', 'meeting_id', 'revote_of']).where('id', '=', ballotId).executeTakeFirst();
}

export function listSittingRows(db: Executor, sessionId: string) {
  return db.selectFrom('meeting').selectAll().where('session_id', '=', sessionId).execute();
}

/** The sitting's current item: a write to the meeting row, so the kept meeting rows are forgotten. */
export async function setCurrentItem(db: Executor, meetingId: string, itemId: string | null): Promise<void> {
  await db.updateTable('meeting').set({ current_agenda_item_id: itemId }).where('id', '=', meetingId).execute();
}

/** What the screens show of a session above its agenda. */
export function findSessionHeading(db: Executor, sessionId: string) {
  return db.selectFrom('congress_session').select(['id', 'title', 'agenda_adopted_at']).where('id', '=', sessionId).executeTakeFirst();
}
