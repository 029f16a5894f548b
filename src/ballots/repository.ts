// SQL for ballot sheets and the counted ballot box (outside the vote hot path).
import { type Kysely, sql } from 'kysely';
import type { BallotTable, BallotUseTable, Database } from '../db/database.js';

type Executor = Kysely<Database>;

export function findBallot(db: Executor, id: string) {
  return db.selectFrom('ballot').selectAll().where('id', '=', id).executeTakeFirst();
}

/** In the order they were drafted; two drafted in the same instant, in the order they were written (rowid). */
export function listBallots(db: Executor, meetingId: string) {
  return db.selectFrom('ballot').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy(sql`rowid`).execute();
}

export function listOpenBallots(db: Executor) {
  return db
    .selectFrom('ballot')
    .innerJoin('meeting', 'meeting.id', 'ballot.meeting_id')
    .selectAll('ballot')
    .select(['meeting.term_id', 'meeting.kind as meeting_kind', 'meeting.sitting'])
    .where('ballot.state', '=', 'open')
    .execute();
}

export async function insertBallot(db: Executor, ballot: BallotTable): Promise<void> {
  await db.insertInto('ballot').values(ballot).execute();
}

/** Writes only if the ballot is still in the state the caller checked; false if it has moved on. */
export async function updateBallotInState(db: Executor, id: string, state: BallotTable['state'], changes: Partial<Omit<BallotTable, 'id' | 'meeting_id'>>): Promise<boolean> {
  const result = await db.updateTable('ballot').set(changes).where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteBallotInState(db: Executor, id: string, state: BallotTable['state']): Promise<boolean> {
  const result = await db.deleteFrom('ballot').where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function countEligible(db: Executor, termId: string): Promise<number> {
  const row = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('term_id', '=', termId)
    .where('role', '=', 'representative')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A joint meeting's electorate: the representatives on its roll. */
export async function countJointEligible(db: Executor, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('joint_roll')
    .innerJoin('member', 'member.id', 'joint_roll.member_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('joint_roll.meeting_id', '=', meetingId)
    .where('member.role', '=', 'representative')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function listBoxAnswers(db: Executor, ballotId: string) {
  return db.selectFrom('ballot_box').select('answers').where('ballot_id', '=', ballotId).execute();
}

export async function countParticipation(db: Executor, ballotId: string): Promise<number> {
  const row = await db
    .selectFrom('participation')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ballot_id', '=', ballotId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function listReceipts(db: Executor, ballotId: string): Promise<string[]> {
  const rows = await db.selectFrom('ballot_receipt').select('receipt').where('ballot_id', '=', ballotId).orderBy('receipt').execute();
  return rows.map((row) => row.receipt);
}

export async function receiptInBox(db: Executor, ballotId: string, receipt: string): Promise<boolean> {
  const row = await db.selectFrom('ballot_receipt').select('receipt').where('ballot_id', '=', ballotId).where('receipt', '=', receipt).executeTakeFirst();
  return row !== undefined;
}

/** Rows per INSERT when rewriting: well under SQLite's limit on bound variables. */
const REWRITE_CHUNK = 200;

async function insertChunked<Row>(rows: Row[], insert: (chunk: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += REWRITE_CHUNK) await insert(rows.slice(start, start + REWRITE_CHUNK));
}

/**
 * A closed secret ballot's rows, deleted and written again in each table's own key order. Vote
 * batches left their cells in pages in arrival order, so a copy of the file could pair the voters
 * and the papers of one batch; rewritten, a cell's place says no more than its key. With
 * secure_delete the old cells and freed pages are zeroed. The cost is the ballot's size only.
 */
export async function rewriteInKeyOrder(db: Executor, ballotId: string): Promise<void> {
  const voters = await db.selectFrom('participation').selectAll().where('ballot_id', '=', ballotId).orderBy('member_id').execute();
  const receipts = await db.selectFrom('ballot_receipt').selectAll().where('ballot_id', '=', ballotId).orderBy('receipt').execute();
  const papers = await db.selectFrom('ballot_box').selectAll().where('ballot_id', '=', ballotId).orderBy('ballot_key').execute();
  await db.deleteFrom('participation').where('ballot_id', '=', ballotId).execute();
  await db.deleteFrom('ballot_receipt').where('ballot_id', '=', ballotId).execute();
  await db.deleteFrom('ballot_box').where('ballot_id', '=', ballotId).execute();
  await insertChunked(voters, (chunk) => db.insertInto('participation').values(chunk).execute());
  await insertChunked(receipts, (chunk) => db.insertInto('ballot_receipt').values(chunk).execute());
  await insertChunked(papers, (chunk) => db.insertInto('ballot_box').values(chunk).execute());
}

/**
 * Representatives present for a ballot: checked in, or voted in it (voting is not checking in, so a
 * representative may vote without it). A count only, taken at close: it names no one.
 */
export async function countPresentOrVoted(db: Executor, ballotId: string, meetingId: string, termId: string, joint = false): Promise<number> {
  let query = db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('member.term_id', '=', termId)
    .where('member.role', '=', 'representative')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('attendance')
            .select('attendance.member_id')
            .whereRef('attendance.member_id', '=', 'member.id')
            .where('attendance.meeting_id', '=', meetingId)
            .where('attendance.status', '=', 'present'),
        ),
        eb.exists(eb.selectFrom('participation').select('participation.member_id').whereRef('participation.member_id', '=', 'member.id').where('participation.ballot_id', '=', ballotId)),
      ]),
    );
  // A joint meeting counts its roll only.
  if (joint)
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('joint_roll').select('joint_roll.member_id').whereRef('joint_roll.member_id', '=', 'member.id').where('joint_roll.meeting_id', '=', meetingId)),
    );
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function listVoters(db: Executor, ballotId: string): Promise<string[]> {
  const rows = await db.selectFrom('participation').select('member_id').where('ballot_id', '=', ballotId).execute();
  return rows.map((row) => row.member_id);
}

export async function ballotsVotedBy(db: Executor, memberId: string, ballotIds: string[]): Promise<string[]> {
  if (ballotIds.length === 0) return [];
  const rows = await db.selectFrom('participation').select('ballot_id').where('member_id', '=', memberId).where('ballot_id', 'in', ballotIds).execute();
  return rows.map((row) => row.ballot_id);
}

export function listNamedVotes(db: Executor, ballotId: string) {
  return db
    .selectFrom('ballot_box')
    .innerJoin('member', 'member.id', 'ballot_box.named_member_id')
    .select(['member.id', 'member.name', 'member.staff_number', 'ballot_box.answers'])
    .where('ballot_box.ballot_id', '=', ballotId)
    .orderBy('member.staff_number')
    .execute();
}

export async function markScrubPending(db: Executor, ballotId: string): Promise<void> {
  await db
    .insertInto('scrub_pending')
    .values({ ballot_id: ballotId })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

export async function hasPendingScrub(db: Executor): Promise<boolean> {
  return (await db.selectFrom('scrub_pending').select('ballot_id').limit(1).executeTakeFirst()) !== undefined;
}

/** What a ballot item already decided for the session (src/ballots/uses.ts). */
export function findBallotUse(db: Executor, ballotId: string, itemId: string) {
  return db.selectFrom('ballot_use').select('purpose').where('ballot_id', '=', ballotId).where('item_id', '=', itemId).executeTakeFirst();
}

/** Frees a draft's item that left its sheet: a draft has decided nothing. */
export async function deleteBallotUse(db: Executor, ballotId: string, itemId: string): Promise<void> {
  await db.deleteFrom('ballot_use').where('ballot_id', '=', ballotId).where('item_id', '=', itemId).execute();
}

/** The re-votes made of a ballot (重新表决), oldest first. */
export function listRevotesOf(db: Executor, ballotId: string) {
  return db.selectFrom('ballot').selectAll().where('revote_of', '=', ballotId).orderBy('created_at').orderBy('id').execute();
}

export async function insertBallotUse(db: Executor, row: BallotUseTable): Promise<void> {
  await db.insertInto('ballot_use').values(row).execute();
}

/** Whether the item is a document's vote (document_ballot_item). */
export async function carriesDocumentVote(db: Executor, ballotId: string, itemId: string): Promise<boolean> {
  const row = await db.selectFrom('document_ballot_item').select('document_id').where('ballot_id', '=', ballotId).where('item_id', '=', itemId).executeTakeFirst();
  return row !== undefined;
}

/** A counted ballot's final hash: the chain hash of its `ballot.counted` audit row (src/ballots/seal.ts). */
export async function setFinalHash(db: Executor, ballotId: string, finalHash: string): Promise<void> {
  await db.updateTable('ballot').set({ final_hash: finalHash }).where('id', '=', ballotId).execute();
}

/** The ballots that carry a final hash, a page at a time in id order (the audit verification). */
export function listSealedBallots(db: Executor, afterId: string, limit: number) {
  return db.selectFrom('ballot').select(['id', 'final_hash']).where('final_hash', 'is not', null).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}
