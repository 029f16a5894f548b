// SQL for paper ballots in an electronic ballot (纸电同步): who holds a paper, the count's batches and
// the entries of returned papers (migration 019).
import type { Kysely } from 'kysely';
import type { Database, PaperBatchTable, PaperEntryTable, PaperIssueTable } from '../db/database.js';

type Executor = Kysely<Database>;

export function listIssued(db: Executor, ballotId: string) {
  return db
    .selectFrom('paper_issue')
    .innerJoin('member', 'member.id', 'paper_issue.member_id')
    .select(['paper_issue.member_id', 'paper_issue.serial', 'paper_issue.issued_at', 'member.name', 'member.staff_number'])
    .where('paper_issue.ballot_id', '=', ballotId)
    .orderBy('paper_issue.serial')
    .execute();
}

export async function countIssued(db: Executor, ballotId: string): Promise<number> {
  const row = await db
    .selectFrom('paper_issue')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ballot_id', '=', ballotId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The issued papers' holders: they take part in the ballot on paper. */
export async function listPaperHolders(db: Executor, ballotId: string): Promise<string[]> {
  const rows = await db.selectFrom('paper_issue').select('member_id').where('ballot_id', '=', ballotId).execute();
  return rows.map((row) => row.member_id);
}

export function findIssue(db: Executor, ballotId: string, memberId: string) {
  return db.selectFrom('paper_issue').selectAll().where('ballot_id', '=', ballotId).where('member_id', '=', memberId).executeTakeFirst();
}

export async function nextSerial(db: Executor, ballotId: string): Promise<number> {
  const row = await db
    .selectFrom('paper_issue')
    .select((eb) => eb.fn.max<number>('serial').as('last'))
    .where('ballot_id', '=', ballotId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertIssue(db: Executor, row: PaperIssueTable): Promise<void> {
  await db.insertInto('paper_issue').values(row).execute();
}

export async function deleteIssue(db: Executor, ballotId: string, memberId: string): Promise<void> {
  await db.deleteFrom('paper_issue').where('ballot_id', '=', ballotId).where('member_id', '=', memberId).execute();
}

/** Takes a participation row for a paper's holder; false if they already have one (voted on a phone). */
export async function takeParticipation(db: Executor, ballotId: string, memberId: string): Promise<boolean> {
  const result = await db
    .insertInto('participation')
    .values({ ballot_id: ballotId, member_id: memberId })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function releaseParticipation(db: Executor, ballotId: string, memberId: string): Promise<void> {
  await db.deleteFrom('participation').where('ballot_id', '=', ballotId).where('member_id', '=', memberId).execute();
}

export async function hasParticipation(db: Executor, ballotId: string, memberId: string): Promise<boolean> {
  const row = await db.selectFrom('participation').select('member_id').where('ballot_id', '=', ballotId).where('member_id', '=', memberId).executeTakeFirst();
  return row !== undefined;
}

export function findCount(db: Executor, ballotId: string) {
  return db.selectFrom('paper_count').selectAll().where('ballot_id', '=', ballotId).executeTakeFirst();
}

export async function startCount(db: Executor, ballotId: string): Promise<void> {
  await db.insertInto('paper_count').values({ ballot_id: ballotId, collected: null, collected_by: null, collected_at: null, counted_at: null }).execute();
}

export async function setCollected(db: Executor, ballotId: string, collected: number, by: string, at: string): Promise<void> {
  await db.updateTable('paper_count').set({ collected, collected_by: by, collected_at: at }).where('ballot_id', '=', ballotId).execute();
}

export async function finishCount(db: Executor, ballotId: string, at: string): Promise<void> {
  await db.updateTable('paper_count').set({ counted_at: at }).where('ballot_id', '=', ballotId).execute();
}

export function listBatches(db: Executor, ballotId: string) {
  return db.selectFrom('paper_batch').selectAll().where('ballot_id', '=', ballotId).orderBy('number').execute();
}

export function findBatch(db: Executor, ballotId: string, batchId: string) {
  return db.selectFrom('paper_batch').selectAll().where('ballot_id', '=', ballotId).where('id', '=', batchId).executeTakeFirst();
}

export async function nextBatchNumber(db: Executor, ballotId: string): Promise<number> {
  const row = await db
    .selectFrom('paper_batch')
    .select((eb) => eb.fn.max<number>('number').as('last'))
    .where('ballot_id', '=', ballotId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertBatch(db: Executor, row: PaperBatchTable): Promise<void> {
  await db.insertInto('paper_batch').values(row).execute();
}

export async function confirmBatchTotals(db: Executor, batchId: string, by: string, at: string): Promise<void> {
  await db.updateTable('paper_batch').set({ totals_confirmed_by: by, totals_confirmed_at: at }).where('id', '=', batchId).execute();
  await db.updateTable('paper_entry').set({ confirmed_by: by }).where('batch_id', '=', batchId).where('confirmed_by', 'is', null).execute();
}

export function listEntries(db: Executor, ballotId: string) {
  return db.selectFrom('paper_entry').selectAll().where('ballot_id', '=', ballotId).execute();
}

export function listBatchEntries(db: Executor, batchId: string) {
  return db.selectFrom('paper_entry').selectAll().where('batch_id', '=', batchId).orderBy('entry_key').execute();
}

export async function countEntries(db: Executor, ballotId: string): Promise<number> {
  const row = await db
    .selectFrom('paper_entry')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ballot_id', '=', ballotId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertEntry(db: Executor, row: PaperEntryTable): Promise<void> {
  await db.insertInto('paper_entry').values(row).execute();
}

export function findEntry(db: Executor, ballotId: string, entryKey: string) {
  return db.selectFrom('paper_entry').selectAll().where('ballot_id', '=', ballotId).where('entry_key', '=', entryKey).executeTakeFirst();
}

export async function deleteEntry(db: Executor, ballotId: string, entryKey: string): Promise<void> {
  await db.deleteFrom('paper_entry').where('ballot_id', '=', ballotId).where('entry_key', '=', entryKey).execute();
}

export async function confirmEntry(db: Executor, ballotId: string, entryKey: string, by: string): Promise<void> {
  await db.updateTable('paper_entry').set({ confirmed_by: by }).where('ballot_id', '=', ballotId).where('entry_key', '=', entryKey).execute();
}

/** The count is done: what the papers said is in the box now, and the entries go. */
export async function deleteEntries(db: Executor, ballotId: string): Promise<void> {
  await db.deleteFrom('paper_entry').where('ballot_id', '=', ballotId).execute();
}

/** A valid paper joins the ballot box: a random key, no receipt, like any phone's paper. */
export async function insertBoxPapers(db: Executor, rows: { ballot_id: string; ballot_key: string; answers: string }[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    await db
      .insertInto('ballot_box')
      .values(rows.slice(start, start + 200).map((row) => ({ ...row, named_member_id: null })))
      .execute();
  }
}

/** A member as issuing a paper checks them: their term, role and name. */
export function findMember(db: Executor, memberId: string) {
  return db.selectFrom('member').select(['id', 'term_id', 'role', 'name']).where('id', '=', memberId).executeTakeFirst();
}

/** Officers' display names by account id (who entered, who confirmed). */
export async function accountNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('account').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
