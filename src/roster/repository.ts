// SQL for terms, delegations, the roster and access codes.
import type { Kysely } from 'kysely';
import type { Database, DelegationTable, MemberTable, TermTable } from '../db/database.js';

type Executor = Kysely<Database>;

export function listTerms(db: Executor) {
  return db.selectFrom('term').selectAll().orderBy('number', 'desc').execute();
}

export function findTerm(db: Executor, id: string) {
  return db.selectFrom('term').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateTermRules(db: Executor, termId: string, rules: string): Promise<void> {
  await db.updateTable('term').set({ rules }).where('id', '=', termId).execute();
}

export function findTermByNumber(db: Executor, number: number) {
  return db.selectFrom('term').selectAll().where('number', '=', number).executeTakeFirst();
}

export async function insertTerm(db: Executor, term: TermTable): Promise<void> {
  await db.insertInto('term').values(term).execute();
}

export function listDelegations(db: Executor, termId: string) {
  return db.selectFrom('delegation').selectAll().where('term_id', '=', termId).orderBy('name').execute();
}

export function findDelegation(db: Executor, id: string) {
  return db.selectFrom('delegation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDelegation(db: Executor, delegation: DelegationTable): Promise<void> {
  await db.insertInto('delegation').values(delegation).execute();
}

export async function updateDelegation(db: Executor, id: string, changes: Partial<Pick<DelegationTable, 'name' | 'leader_member_id'>>) {
  await db.updateTable('delegation').set(changes).where('id', '=', id).execute();
}

/** A leader who leaves their delegation stops leading it, as when they leave the roster. */
export async function clearLeaderOutsideDelegation(db: Executor, memberId: string, delegationId: string | null): Promise<void> {
  let query = db.updateTable('delegation').set({ leader_member_id: null }).where('leader_member_id', '=', memberId);
  if (delegationId) query = query.where('id', '!=', delegationId);
  await query.execute();
}

export async function deleteDelegation(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('delegation').where('id', '=', id).execute();
}

export function listMembers(db: Executor, termId: string) {
  return db
    .selectFrom('member')
    .leftJoin('delegation', 'delegation.id', 'member.delegation_id')
    .selectAll('member')
    .select('delegation.name as delegation_name')
    .where('member.term_id', '=', termId)
    .orderBy('delegation.name')
    .orderBy('member.staff_number')
    .execute();
}

/** A page of the term's members in id order, with only what the credentials report counts and vouches for. */
export function listMemberCredentialsPage(db: Executor, termId: string, afterId: string | null, limit: number) {
  let query = db.selectFrom('member').select(['id', 'role', 'delegation_id', 'tags']).where('term_id', '=', termId).orderBy('id').limit(limit);
  if (afterId !== null) query = query.where('id', '>', afterId);
  return query.execute();
}

export function findMember(db: Executor, id: string) {
  return db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A member with their delegation's name, in one statement (a reconnecting phone's snapshot). */
export function findMemberWithDelegation(db: Executor, id: string) {
  return db
    .selectFrom('member')
    .leftJoin('delegation', 'delegation.id', 'member.delegation_id')
    .select(['member.id', 'member.name', 'member.role', 'delegation.name as delegation_name'])
    .where('member.id', '=', id)
    .executeTakeFirst();
}

export function findMemberByStaffNumber(db: Executor, termId: string, staffNumber: string) {
  return db.selectFrom('member').selectAll().where('term_id', '=', termId).where('staff_number', '=', staffNumber).executeTakeFirst();
}

export async function insertMembers(db: Executor, members: MemberTable[]): Promise<void> {
  for (let start = 0; start < members.length; start += 500) {
    await db
      .insertInto('member')
      .values(members.slice(start, start + 500))
      .execute();
  }
}

export async function updateMember(db: Executor, id: string, changes: Partial<Omit<MemberTable, 'id' | 'term_id'>>) {
  await db.updateTable('member').set(changes).where('id', '=', id).execute();
}

export async function deleteMember(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('member').where('id', '=', id).execute();
}

export async function countMembersInDelegation(db: Executor, delegationId: string): Promise<number> {
  const row = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('delegation_id', '=', delegationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function hasParticipated(db: Executor, memberId: string): Promise<boolean> {
  const row = await db.selectFrom('participation').select('member_id').where('member_id', '=', memberId).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function termHasMeetingInSession(db: Executor, termId: string): Promise<boolean> {
  const row = await db.selectFrom('meeting').select('id').where('term_id', '=', termId).where('state', '=', 'in_session').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function revokeCodesOfMember(db: Executor, memberId: string, at: string): Promise<void> {
  await db.updateTable('access_code').set({ revoked_at: at }).where('member_id', '=', memberId).where('revoked_at', 'is', null).execute();
  await db.deleteFrom('auth_session').where('member_id', '=', memberId).execute();
}

export async function insertAccessCode(db: Executor, code: Database['access_code']): Promise<void> {
  await db.insertInto('access_code').values(code).execute();
}

/** The member an active (unrevoked) code belongs to, with their delegation's name, in one statement: every phone's handshake asks it. */
export function findMemberOfActiveCode(db: Executor, codeHash: string) {
  return db
    .selectFrom('access_code')
    .innerJoin('member', 'member.id', 'access_code.member_id')
    .leftJoin('delegation', 'delegation.id', 'member.delegation_id')
    .selectAll('member')
    .select('delegation.name as delegation_name')
    .where('access_code.code_hash', '=', codeHash)
    .where('access_code.revoked_at', 'is', null)
    .executeTakeFirst();
}

export function listActiveCodeHolders(db: Executor, termId: string) {
  return db
    .selectFrom('access_code')
    .innerJoin('member', 'member.id', 'access_code.member_id')
    .select(['access_code.member_id', 'access_code.issued_at'])
    .where('member.term_id', '=', termId)
    .where('access_code.revoked_at', 'is', null)
    .execute();
}
