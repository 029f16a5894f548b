// SQL for the presidium (主席团) and tellers.
import { type Kysely, sql } from 'kysely';
import type { BallotTellerTable, Database, PresidiumElectionTable } from '../db/database.js';

type Executor = Kysely<Database>;

/** The list in order, with each member's name, delegation and tags. */
export function listPresidium(db: Executor, sessionId: string) {
  return db
    .selectFrom('presidium_member')
    .innerJoin('member', 'member.id', 'presidium_member.member_id')
    .leftJoin('delegation', 'delegation.id', 'member.delegation_id')
    .select(['member.id as member_id', 'member.name', 'member.tags', 'delegation.name as delegation_name'])
    .where('presidium_member.session_id', '=', sessionId)
    .orderBy('presidium_member.position')
    .execute();
}

export async function replacePresidium(db: Executor, sessionId: string, memberIds: readonly string[]): Promise<void> {
  await db.deleteFrom('presidium_member').where('session_id', '=', sessionId).execute();
  if (memberIds.length === 0) return;
  await db
    .insertInto('presidium_member')
    .values(memberIds.map((memberId, index) => ({ session_id: sessionId, member_id: memberId, position: index + 1 })))
    .execute();
}

export function findElection(db: Executor, sessionId: string) {
  return db.selectFrom('presidium_election').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

export async function insertElection(db: Executor, row: PresidiumElectionTable): Promise<void> {
  await db.insertInto('presidium_election').values(row).execute();
}

export function countRepresentatives(db: Executor, termId: string) {
  return db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('term_id', '=', termId)
    .where('role', '=', 'representative')
    .executeTakeFirstOrThrow();
}

export function membersOfTerm(db: Executor, termId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('member').select(['id', 'name', 'role']).where('term_id', '=', termId).where('id', 'in', ids).execute();
}

export function termMembers(db: Executor, termId: string) {
  return db.selectFrom('member').select(['id', 'name', 'role']).where('term_id', '=', termId).execute();
}

export function listTellers(db: Executor, ballotId: string) {
  return db
    .selectFrom('ballot_teller')
    .innerJoin('member', 'member.id', 'ballot_teller.member_id')
    .leftJoin('delegation', 'delegation.id', 'member.delegation_id')
    .selectAll('ballot_teller')
    .select(['member.name', 'delegation.name as delegation_name'])
    .where('ballot_teller.ballot_id', '=', ballotId)
    .orderBy('ballot_teller.role')
    .orderBy('member.staff_number')
    .execute();
}

export async function replaceTellers(db: Executor, ballotId: string, rows: readonly BallotTellerTable[]): Promise<void> {
  await db.deleteFrom('ballot_teller').where('ballot_id', '=', ballotId).execute();
  if (rows.length > 0)
    await db
      .insertInto('ballot_teller')
      .values([...rows])
      .execute();
}

/** The sitting's 执行主席 (meeting.presiding_chair_member_id, migration 009); the service checks who may be. */
export async function setPresidingChair(db: Executor, meetingId: string, memberId: string | null): Promise<void> {
  await db.updateTable('meeting').set({ presiding_chair_member_id: memberId }).where('id', '=', meetingId).execute();
}

/**
 * The presidium list as it stood when the hall voted on it: the last list proposed before the ballot
 * opened (or, for a show of hands, before its result was entered), from the audit log, whose ids
 * give the order exactly. Null if no list had been proposed by then.
 */
export async function listProposedWhenVoted(db: Executor, sessionId: string, ballotId: string): Promise<string[] | null> {
  const voted = await db
    .selectFrom('audit_log')
    .select('id')
    .where('ballot_id', '=', ballotId)
    .where('action', 'in', ['ballot.opened', 'ballot.manual-result'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!voted) return null;
  const proposed = await db
    .selectFrom('audit_log')
    .select('detail')
    .where('action', '=', 'presidium.proposed')
    .where('id', '<', voted.id)
    .where(sql<string>`json_extract(detail, '$.sessionId')`, '=', sessionId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!proposed) return null;
  const memberIds = (JSON.parse(proposed.detail) as { memberIds?: unknown }).memberIds;
  return Array.isArray(memberIds) ? memberIds.map(String) : null;
}

/** A ballot's tellers by member id and name (the teller rule compares both with the candidates). */
export function tellerNames(db: Executor, ballotId: string) {
  return db
    .selectFrom('ballot_teller')
    .innerJoin('member', 'member.id', 'ballot_teller.member_id')
    .select(['ballot_teller.member_id as memberId', 'member.name'])
    .where('ballot_teller.ballot_id', '=', ballotId)
    .execute();
}
