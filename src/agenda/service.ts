// A session's agenda (议程): ordered items, adopted by the preparatory meeting, followed live.
import { randomId } from '../access/codes.js';
import type { AccountActor, Actor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import type { AgendaItemTable, CongressSessionTable } from '../db/database.js';
import { fail } from '../errors.js';
import { getSession } from '../sessions/service.js';
import { amendmentFor, recordAmendment } from './adoption.js';
import { buildMotionsReport } from './motions-report.js';
import * as repository from './repository.js';
import type { AgendaItemInput, AgendaItemKind, AgendaItemPatch } from './schemas.js';

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
  context.events.publish({ type: 'agenda.changed', sessionId });
  return presentAgendaItem(row);
}

/**
 * Who may read a session's agenda: officers; a representative or attendee of its term; the display
 * of one of its sittings.
 */
export async function assertCanRead(context: Pick<AppContext, 'db'>, actor: Actor, session: CongressSessionTable): Promise<void> {
  if (actor.kind === 'member' && actor.termId !== session.term_id) fail('FORBIDDEN');
  if (actor.kind === 'display' && !(await repository.listSittings(context.db, session.id)).some((sitting) => sitting.id === actor.meetingId)) fail('FORBIDDEN');
}

export async function readAgenda(context: Pick<CoreContext, 'db'>, actor: Actor, sessionId: string) {
  const session = await getSession(context, sessionId);
  await assertCanRead(context, actor, session);
  return presentAgenda(context, session);
}

export async function presentAgenda(context: Pick<CoreContext, 'db'>, session: CongressSessionTable) {
  return { sessionId: session.id, adoptedAt: session.agenda_adopted_at, adoptedBallotId: session.agenda_adopted_ballot_id, items: await listAgendaItems(context, session.id) };
}

/** One item with its whole material: a motions work report is written from the tracker now. */
export async function readAgendaItem(context: Pick<CoreContext, 'db' | 'clock'>, actor: Actor, itemId: string): Promise<AgendaItem> {
  const row = await getAgendaItem(context, itemId);
  const session = await getSession(context, row.session_id);
  await assertCanRead(context, actor, session);
  const item = presentAgendaItem(row);
  if (row.kind !== 'motions_report') return item;
  const report = await buildMotionsReport(context, session);
  return { ...item, material: row.material ? `${row.material}\n\n${report}` : report };
}

/** The session's first item of a kind (its 确认联席会议决定, say), if it has one. */
export async function findAgendaItemOfKind(context: Pick<AppContext, 'db'>, sessionId: string, kind: AgendaItemKind): Promise<AgendaItemTable | undefined> {
  return (await repository.listAgendaItems(context.db, sessionId)).find((row) => row.kind === kind);
}

/**
 * Yishi's own change to an item it keeps (the list of decisions a confirmation item carries, the
 * ballot made for it): no adoption check, since no one edits the agenda; announced to the screens.
 */
export async function updateAgendaItemBySystem(context: CoreContext, itemId: string, changes: { material?: string; ballotId?: string }): Promise<void> {
  const item = await getAgendaItem(context, itemId);
  await repository.updateAgendaItem(context.db, itemId, {
    ...(changes.material === undefined ? {} : { material: changes.material }),
    ...(changes.ballotId === undefined ? {} : { ballot_id: changes.ballotId }),
  });
  context.events.publish({ type: 'agenda.changed', sessionId: item.session_id });
}

export async function getAgendaItem(context: Pick<AppContext, 'db'>, itemId: string): Promise<AgendaItemTable> {
  return (await repository.findAgendaItem(context.db, itemId)) ?? fail('AGENDA_ITEM_NOT_FOUND');
}

type Links = Pick<AgendaItemInput, 'documentId' | 'ballotId' | 'meetingId'>;

/** A linked document must be of the session's term; a linked ballot and the sitting, of its sittings. */
async function checkLinks(context: Pick<CoreContext, 'db'>, session: CongressSessionTable, links: Links): Promise<void> {
  const sittings = (await repository.listSittings(context.db, session.id)).map((sitting) => sitting.id);
  if (links.meetingId && !sittings.includes(links.meetingId)) fail('AGENDA_LINK_INVALID', { meetingId: links.meetingId });
  if (links.ballotId) {
    const ballot = await repository.findBallotMeeting(context.db, links.ballotId);
    if (!ballot || !sittings.includes(ballot.meeting_id)) fail('AGENDA_LINK_INVALID', { ballotId: links.ballotId });
  }
  if (links.documentId) {
    const document = await repository.findDocumentTerm(context.db, links.documentId);
    if (document?.term_id !== session.term_id) fail('AGENDA_LINK_INVALID', { documentId: links.documentId });
  }
}

/** Adds an item from the console: links checked; after adoption only with a vote to amend. */
export async function createAgendaItem(context: CoreContext, actor: AccountActor, sessionId: string, input: AgendaItemInput & { amendmentBallotId?: string | undefined }) {
  return transact(context, async (inside) => {
    const session = await getSession(inside, sessionId);
    const { amendmentBallotId, ...fields } = input;
    const amendment = await amendmentFor(inside, session, amendmentBallotId);
    await checkLinks(inside, session, fields);
    const item = await addAgendaItem(inside, actor, sessionId, fields);
    await recordAmendment(inside, actor, session, amendment, { change: 'added', itemId: item.id });
    return item;
  });
}

export async function updateAgendaItem(context: CoreContext, actor: AccountActor, itemId: string, patch: AgendaItemPatch) {
  return transact(context, async (inside) => {
    const row = await getAgendaItem(inside, itemId);
    const session = await getSession(inside, row.session_id);
    const { amendmentBallotId, ...fields } = patch;
    // Linking the ballot that carries an item out (its vote, a re-vote) changes nothing the congress
    // adopted: it needs no vote to amend. Any other change after adoption does.
    // Only a first link, or a re-vote (重新表决) of the ballot linked: relinking to any other result would rewrite what the item decided.
    const linking = Object.keys(fields).every((field) => field === 'ballotId') && typeof fields.ballotId === 'string' && amendmentBallotId === undefined;
    const carriesOut = linking && (row.ballot_id === null || (await repository.findBallotMeeting(inside.db, fields.ballotId as string))?.revote_of === row.ballot_id);
    const amendment = carriesOut ? null : await amendmentFor(inside, session, amendmentBallotId);
    await checkLinks(inside, session, fields);
    const changes: Partial<AgendaItemTable> = {};
    if (fields.kind !== undefined) changes.kind = fields.kind;
    if (fields.title !== undefined) changes.title = fields.title;
    if (fields.presenter !== undefined) changes.presenter = fields.presenter;
    if (fields.material !== undefined) changes.material = fields.material;
    if (fields.documentId !== undefined) changes.document_id = fields.documentId;
    if (fields.ballotId !== undefined) changes.ballot_id = fields.ballotId;
    if (fields.meetingId !== undefined) changes.meeting_id = fields.meetingId;
    if (Object.keys(changes).length) await repository.updateAgendaItem(inside.db, itemId, changes);
    // The material itself may be long: the audit row names the fields changed, not their text.
    await recordAudit(inside, actor, 'agenda.item-updated', { detail: { sessionId: session.id, itemId, fields: Object.keys(changes), title: fields.title } });
    await recordAmendment(inside, actor, session, amendment, { change: 'updated', itemId });
    inside.events.publish({ type: 'agenda.changed', sessionId: session.id });
    return presentAgendaItem(await getAgendaItem(inside, itemId));
  });
}

export async function deleteAgendaItem(context: CoreContext, actor: AccountActor, itemId: string, amendmentBallotId: string | undefined): Promise<void> {
  await transact(context, async (inside) => {
    const row = await getAgendaItem(inside, itemId);
    const session = await getSession(inside, row.session_id);
    const amendment = await amendmentFor(inside, session, amendmentBallotId);
    await repository.deleteAgendaItem(inside.db, itemId);
    await recordAudit(inside, actor, 'agenda.item-deleted', { meetingId: row.meeting_id, detail: { sessionId: session.id, itemId, title: row.title } });
    await recordAmendment(inside, actor, session, amendment, { change: 'deleted', itemId, title: row.title });
    inside.events.publish({ type: 'agenda.changed', sessionId: session.id });
  });
}

/** Puts the items in the order given, which must name every item once. */
export async function reorderAgenda(context: CoreContext, actor: AccountActor, sessionId: string, itemIds: readonly string[], amendmentBallotId: string | undefined) {
  return transact(context, async (inside) => {
    const session = await getSession(inside, sessionId);
    const items = await repository.listAgendaItems(inside.db, sessionId);
    const known = new Set(items.map((item) => item.id));
    if (itemIds.length !== known.size || new Set(itemIds).size !== itemIds.length || itemIds.some((id) => !known.has(id))) fail('AGENDA_ORDER_INVALID');
    const amendment = await amendmentFor(inside, session, amendmentBallotId);
    for (const [index, id] of itemIds.entries()) await repository.updateAgendaItem(inside.db, id, { position: index + 1 });
    await recordAudit(inside, actor, 'agenda.reordered', { detail: { sessionId, itemIds } });
    await recordAmendment(inside, actor, session, amendment, { change: 'reordered', itemIds });
    inside.events.publish({ type: 'agenda.changed', sessionId });
    return presentAgenda(inside, await getSession(inside, sessionId));
  });
}

/** The session's sittings as their rows, for broadcasting to each one's room. */
export function listSessionSittings(context: Pick<AppContext, 'db'>, sessionId: string) {
  return repository.listSittingRows(context.db, sessionId);
}
