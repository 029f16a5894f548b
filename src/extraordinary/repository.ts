// SQL for proposals to convene an extraordinary session (临时会议) and their signatures.
import type { Kysely } from 'kysely';
import type { Database, ExtraordinaryProposalTable } from '../db/database.js';

type Executor = Kysely<Database>;

export function findProposal(db: Executor, id: string) {
  return db.selectFrom('extraordinary_proposal').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProposalBySession(db: Executor, sessionId: string) {
  return db.selectFrom('extraordinary_proposal').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

/** Newest first. */
export function listProposals(db: Executor, termId: string, states?: readonly string[]) {
  let query = db.selectFrom('extraordinary_proposal').selectAll().where('term_id', '=', termId);
  if (states) query = query.where('state', 'in', states as ExtraordinaryProposalTable['state'][]);
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function insertProposal(db: Executor, row: ExtraordinaryProposalTable): Promise<void> {
  await db.insertInto('extraordinary_proposal').values(row).execute();
}

/** Changes a proposal still collecting; false when it had already moved on (a race lost). */
export async function updateCollectingProposal(db: Executor, id: string, changes: Partial<ExtraordinaryProposalTable>): Promise<boolean> {
  const result = await db.updateTable('extraordinary_proposal').set(changes).where('id', '=', id).where('state', '=', 'collecting').executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Adds a signature once: false if the person had already signed (the primary key decides, races included). */
export async function insertSignature(db: Executor, row: { proposal_id: string; member_id: string; signed_at: string }): Promise<boolean> {
  const result = await db
    .insertInto('extraordinary_signature')
    .values(row)
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function deleteSignature(db: Executor, proposalId: string, memberId: string): Promise<boolean> {
  const result = await db.deleteFrom('extraordinary_signature').where('proposal_id', '=', proposalId).where('member_id', '=', memberId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Signatures counted only from representatives still on the term's roster as representatives. */
export async function countSignatures(db: Executor, proposalIds: readonly string[]): Promise<Map<string, number>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('extraordinary_signature')
    .innerJoin('member', 'member.id', 'extraordinary_signature.member_id')
    .where('extraordinary_signature.proposal_id', 'in', proposalIds)
    .where('member.role', '=', 'representative')
    .select(['extraordinary_signature.proposal_id as proposalId', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('extraordinary_signature.proposal_id')
    .execute();
  return new Map(rows.map((row) => [row.proposalId, Number(row.count)]));
}

export async function signedBy(db: Executor, proposalIds: readonly string[], memberId: string): Promise<Set<string>> {
  if (proposalIds.length === 0) return new Set();
  const rows = await db.selectFrom('extraordinary_signature').select('proposal_id').where('proposal_id', 'in', proposalIds).where('member_id', '=', memberId).execute();
  return new Set(rows.map((row) => row.proposal_id));
}

/** The signers with their delegation, oldest signature first (shown to officers). */
export function listSigners(db: Executor, proposalId: string) {
  return db
    .selectFrom('extraordinary_signature')
    .innerJoin('member', 'member.id', 'extraordinary_signature.member_id')
    .leftJoin('delegation', 'delegation.id', 'member.delegation_id')
    .where('extraordinary_signature.proposal_id', '=', proposalId)
    .where('member.role', '=', 'representative')
    .select(['member.id as memberId', 'member.name as name', 'delegation.name as delegation', 'extraordinary_signature.signed_at as signedAt'])
    .orderBy('extraordinary_signature.signed_at')
    .orderBy('member.name')
    .execute();
}

export async function countRepresentatives(db: Executor, termId: string): Promise<number> {
  const row = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('term_id', '=', termId)
    .where('role', '=', 'representative')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function nextSessionNumber(db: Executor, termId: string): Promise<number> {
  const row = await db
    .selectFrom('congress_session')
    .select((eb) => eb.fn.max('number').as('highest'))
    .where('term_id', '=', termId)
    .executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}

/** The term's meetings not closed: their rooms hear a proposal's count. */
export function openMeetingsOfTerm(db: Kysely<Database>, termId: string) {
  return db.selectFrom('meeting').select('id').where('term_id', '=', termId).where('state', '!=', 'closed').execute();
}
