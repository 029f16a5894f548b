// SQL for documents: the document, versions, rounds, opinions, consolidated submissions,
// responses and ballot items (their history is src/state-history.ts). Plain functions taking the database or the transaction.
import { type Kysely, sql } from 'kysely';
import type {
  Database,
  DocumentBallotItemTable,
  DocumentConsolidatedTable,
  DocumentOpinionTable,
  DocumentResponseTable,
  DocumentRoundTable,
  DocumentSubmissionTable,
  DocumentTable,
  DocumentVersionTable,
} from '../db/database.js';
import type { DocumentState } from './workflow.js';

type Executor = Kysely<Database>;

export function findDocument(db: Executor, id: string) {
  return db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
}

export type DocumentFilter = { kind: 'all' } | { kind: 'department'; departmentId: string } | { kind: 'term'; termId: string };

/** A session's documents, or (meetingId null) every session's, as the filter allows. */
export function listDocuments(db: Executor, meetingId: string | null, filter: DocumentFilter, state?: DocumentState) {
  let query = db.selectFrom('document').selectAll();
  if (meetingId !== null) query = query.where('meeting_id', '=', meetingId);
  if (filter.kind === 'department') query = query.where('drafting_department_id', '=', filter.departmentId);
  if (filter.kind === 'term') query = query.where('term_id', '=', filter.termId).where('state', '!=', 'drafting');
  if (state) query = query.where('state', '=', state);
  // Registered in the same instant (a batch, an injected clock): the order they were registered in.
  return query.orderBy('created_at').orderBy(sql`rowid`).execute();
}

export async function insertDocument(db: Executor, row: DocumentTable): Promise<void> {
  await db.insertInto('document').values(row).execute();
}

/** Writes only if the document is still in the state it was read in; false when it has moved on. */
export async function updateDocumentInState(db: Executor, id: string, from: DocumentState, changes: Partial<Omit<DocumentTable, 'id'>>): Promise<boolean> {
  const result = await db.updateTable('document').set(changes).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function listVersions(db: Executor, documentId: string) {
  return db.selectFrom('document_version').selectAll().where('document_id', '=', documentId).orderBy('number').execute();
}

export function findVersion(db: Executor, documentId: string, versionId: string) {
  return db.selectFrom('document_version').selectAll().where('document_id', '=', documentId).where('id', '=', versionId).executeTakeFirst();
}

export async function insertVersion(db: Executor, row: DocumentVersionTable): Promise<void> {
  await db.insertInto('document_version').values(row).execute();
}

/** An issued version is never written again: the condition is part of the statement. */
export async function updateDraftVersion(db: Executor, id: string, changes: Partial<Omit<DocumentVersionTable, 'id' | 'document_id' | 'number'>>): Promise<boolean> {
  const result = await db.updateTable('document_version').set(changes).where('id', '=', id).where('issued_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function listRounds(db: Executor, documentId: string) {
  return db.selectFrom('document_round').selectAll().where('document_id', '=', documentId).orderBy('number').execute();
}

export async function insertRound(db: Executor, row: DocumentRoundTable): Promise<void> {
  await db.insertInto('document_round').values(row).execute();
}

export async function updateRound(db: Executor, id: string, changes: Partial<Omit<DocumentRoundTable, 'id' | 'document_id'>>): Promise<void> {
  await db.updateTable('document_round').set(changes).where('id', '=', id).execute();
}

export function listOpinions(db: Executor, documentId: string) {
  return db.selectFrom('document_opinion').selectAll().where('document_id', '=', documentId).orderBy('created_at').orderBy(sql`rowid`).execute();
}

export async function insertOpinion(db: Executor, row: DocumentOpinionTable): Promise<void> {
  await db.insertInto('document_opinion').values(row).execute();
}

/** Opinions of one round, per delegation: the live counts. */
export function countOpinionsByDelegation(db: Executor, roundId: string) {
  return db
    .selectFrom('document_opinion')
    .select((eb) => ['delegation_id', eb.fn.countAll<number>().as('count')])
    .where('round_id', '=', roundId)
    .groupBy('delegation_id')
    .execute();
}

export function listSubmissions(db: Executor, documentId: string) {
  return db.selectFrom('document_submission').selectAll().where('document_id', '=', documentId).orderBy('submitted_at').execute();
}

export function findSubmission(db: Executor, roundId: string, delegationId: string) {
  return db.selectFrom('document_submission').selectAll().where('round_id', '=', roundId).where('delegation_id', '=', delegationId).executeTakeFirst();
}

/** A delegation sends up again while consolidating: the new submission replaces the old one whole. */
export async function replaceSubmission(db: Executor, row: DocumentSubmissionTable, items: { row: DocumentConsolidatedTable; sources: string[] }[]): Promise<void> {
  await db.deleteFrom('document_submission').where('round_id', '=', row.round_id).where('delegation_id', '=', row.delegation_id).execute();
  await db.insertInto('document_submission').values(row).execute();
  for (const item of items) {
    await db.insertInto('document_consolidated').values(item.row).execute();
    if (item.sources.length)
      await db
        .insertInto('document_consolidated_source')
        .values(item.sources.map((opinionId) => ({ consolidated_id: item.row.id, opinion_id: opinionId })))
        .execute();
  }
}

export function listConsolidated(db: Executor, documentId: string) {
  return db.selectFrom('document_consolidated').selectAll().where('document_id', '=', documentId).orderBy('round_id').orderBy('delegation_id').orderBy('sequence').execute();
}

export function findConsolidated(db: Executor, documentId: string, id: string) {
  return db.selectFrom('document_consolidated').selectAll().where('document_id', '=', documentId).where('id', '=', id).executeTakeFirst();
}

export function listSources(db: Executor, documentId: string) {
  return db
    .selectFrom('document_consolidated_source')
    .innerJoin('document_consolidated', 'document_consolidated.id', 'document_consolidated_source.consolidated_id')
    .select(['document_consolidated_source.consolidated_id', 'document_consolidated_source.opinion_id'])
    .where('document_consolidated.document_id', '=', documentId)
    .execute();
}

export function listResponses(db: Executor, documentId: string) {
  return db.selectFrom('document_response').selectAll().where('document_id', '=', documentId).execute();
}

export async function upsertResponse(db: Executor, row: DocumentResponseTable): Promise<void> {
  const { consolidated_id: _id, ...changes } = row;
  await db
    .insertInto('document_response')
    .values(row)
    .onConflict((conflict) => conflict.column('consolidated_id').doUpdateSet(changes))
    .execute();
}

export async function updateChangedAnchors(db: Executor, consolidatedId: string, changedAnchors: readonly string[]): Promise<boolean> {
  const result = await db
    .updateTable('document_response')
    .set({ changed_anchors: JSON.stringify(changedAnchors) })
    .where('consolidated_id', '=', consolidatedId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function listBallotItems(db: Executor, documentId: string) {
  return db.selectFrom('document_ballot_item').selectAll().where('document_id', '=', documentId).orderBy('created_at').execute();
}

export function listBallotItemsOfBallot(db: Executor, ballotId: string) {
  return db.selectFrom('document_ballot_item').selectAll().where('ballot_id', '=', ballotId).orderBy('created_at').orderBy('document_id').execute();
}

/** Documents on a ballot still waiting for its result (also what start-up settles). */
export function listUnsettledBallotItems(db: Executor) {
  return db.selectFrom('document_ballot_item').selectAll().where('outcome', 'is', null).execute();
}

export async function insertBallotItem(db: Executor, row: DocumentBallotItemTable): Promise<void> {
  await db.insertInto('document_ballot_item').values(row).execute();
}

export async function settleBallotItem(db: Executor, documentId: string, ballotId: string, outcome: 'approved' | 'rejected', at: string): Promise<boolean> {
  const result = await db
    .updateTable('document_ballot_item')
    .set({ outcome, settled_at: at })
    .where('document_id', '=', documentId)
    .where('ballot_id', '=', ballotId)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteBallotItem(db: Executor, documentId: string, ballotId: string): Promise<void> {
  await db.deleteFrom('document_ballot_item').where('document_id', '=', documentId).where('ballot_id', '=', ballotId).where('outcome', 'is', null).execute();
}

/** The delegations a member leads (团长): normally one. */
export async function listDelegationIdsLedBy(db: Executor, memberId: string): Promise<string[]> {
  const rows = await db.selectFrom('delegation').select('id').where('leader_member_id', '=', memberId).execute();
  return rows.map((row) => row.id);
}
