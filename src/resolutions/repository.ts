// SQL for resolutions (决议) and the ballot items they were put to.
import type { Kysely } from 'kysely';
import type { Database, ResolutionTable, ResolutionVoteTable } from '../db/database.js';

type Executor = Kysely<Database>;

export function listResolutions(db: Executor, sessionId: string) {
  return db.selectFrom('resolution').selectAll().where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute();
}

export function findResolution(db: Executor, id: string) {
  return db.selectFrom('resolution').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertResolution(db: Executor, row: ResolutionTable): Promise<void> {
  await db.insertInto('resolution').values(row).execute();
}

/** Only while not frozen: an edit racing the ballot's open writes nothing. */
export async function updateUnfrozen(db: Executor, id: string, changes: Partial<Pick<ResolutionTable, 'title' | 'subject' | 'body' | 'updated_at'>>): Promise<boolean> {
  const result = await db.updateTable('resolution').set(changes).where('id', '=', id).where('frozen_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function freeze(db: Executor, id: string, at: string, sha256: string): Promise<boolean> {
  const result = await db.updateTable('resolution').set({ frozen_at: at, text_sha256: sha256 }).where('id', '=', id).where('frozen_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteResolution(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('resolution').where('id', '=', id).execute();
}

/** The items it was put to, oldest first: the last is the one that decides it now. */
export function listVotes(db: Executor, resolutionId: string) {
  return db.selectFrom('resolution_vote').selectAll().where('resolution_id', '=', resolutionId).orderBy('bound_at').execute();
}

export function listVotesOfBallot(db: Executor, ballotId: string) {
  return db.selectFrom('resolution_vote').selectAll().where('ballot_id', '=', ballotId).execute();
}

export async function insertVote(db: Executor, row: ResolutionVoteTable): Promise<void> {
  await db.insertInto('resolution_vote').values(row).execute();
}

export async function deleteVote(db: Executor, ballotId: string, itemId: string): Promise<void> {
  await db.deleteFrom('resolution_vote').where('ballot_id', '=', ballotId).where('item_id', '=', itemId).execute();
}

export async function settleVote(db: Executor, ballotId: string, itemId: string, settled: Pick<ResolutionVoteTable, 'outcome' | 'result_clause' | 'settled_at'>): Promise<boolean> {
  const result = await db.updateTable('resolution_vote').set(settled).where('ballot_id', '=', ballotId).where('item_id', '=', itemId).where('outcome', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The session whose sitting holds the meeting, if any. */
export async function sessionOfMeeting(db: Executor, meetingId: string): Promise<string | null> {
  const row = await db.selectFrom('meeting').select('session_id').where('id', '=', meetingId).executeTakeFirst();
  return row?.session_id ?? null;
}

/** The session's plenary sittings, oldest first. */
export function listPlenarySittings(db: Executor, sessionId: string) {
  return db.selectFrom('meeting').selectAll().where('session_id', '=', sessionId).where('sitting', '=', 'plenary').orderBy('created_at').orderBy('id').execute();
}
