// A session's agenda (议程): ordered items, adopted by the preparatory meeting, followed live.
import { randomId } from '../access/codes.js';
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type AppContext, type CoreContext, nowIso } from '../context.js';
import type { AgendaItemTable } from '../db/database.js';
import { getSession } from '../sessions/service.js';
import * as repository from './repository.js';
import type { AgendaItemInput } from './schemas.js';

export function presentAgendaItem(row: AgendaItemTable) {
  return {
    id: row.id,
    sessionId: row.session_id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    presenter: row.presenter,
    material: row.material,
    documentId: row.document_id,
    ballotId: row.ballot_id,
    meetingId: row.meeting_id,
    createdAt: row.created_at,
  };
}
export type AgendaItem = ReturnType<typeof presentAgendaItem>;

/** The session's items in order. */
export async function listAgendaItems(context: Pick<AppContext, 'db'>, sessionId: string): Promise<AgendaItem[]> {
  return (await repository.listAgendaItems(context.db, sessionId)).map(presentAgendaItem);
}

/**
 * Appends an item at the end of the session's agenda, in the caller's transaction, audited (actor
 * null: added by Yishi itself, e.g. the confirmation of joint-meeting decisions). Checks nothing about
 * adoption: the routes do.
 */
export async function addAgendaItem(context: CoreContext, actor: AccountActor | null, sessionId: string, input: AgendaItemInput): Promise<AgendaItem> {
  await getSession(context, sessionId);
  const row: AgendaItemTable = {
    id: randomId(context.random),
    session_id: sessionId,
    position: await repository.nextPosition(context.db, sessionId),
    kind: input.kind,
    title: input.title,
    presenter: input.presenter ?? null,
    material: input.material ?? null,
    document_id: input.documentId ?? null,
    ballot_id: input.ballotId ?? null,
    meeting_id: input.meetingId ?? null,
    created_at: nowIso(context),
  };
  await repository.insertAgendaItem(context.db, row);
  await recordAudit(context, actor, 'agenda.item-added', { meetingId: row.meeting_id, detail: { sessionId, itemId: row.id, kind: row.kind, title: row.title } });
  return presentAgendaItem(row);
}
