// SQL for joint meetings (联席会议): the roll, the decisions awaiting confirmation, and the few reads of
// ballots, sessions and agenda items the confirmation needs (by their ids, never their contents).
import type { Kysely } from 'kysely';
import type { Database, JointDecisionTable, JointRollTable } from '../db/database.js';

type Executor = Kysely<Database>;

export async function rollMemberIds(db: Executor, meetingId: string): Promise<string[]> {
  const rows = await db.selectFrom('joint_roll').select('member_id').where('meeting_id', '=', meetingId).execute();
  return rows.map((row) => row.member_id);
}

export function listRoll(db: Executor, meetingId: string) {
  return db
    .selectFrom('joint_roll')
    .innerJoin('member', 'member.id', 'joint_roll.member_id')
    .leftJoin('delegation', 'delegation.id', 'member.delegation_id')
    .select(['member.id', 'member.name', 'member.staff_number', 'delegation.name as delegation_name', 'joint_roll.capacity'])
    .where('joint_roll.meeting_id', '=', meetingId)
    .orderBy('joint_roll.capacity')
    .orderBy('member.staff_number')
    .execute();
}

export async function hasOpenBallot(db: Executor, meetingId: string): Promise<boolean> {
  return (await db.selectFrom('ballot').select('id').where('meeting_id', '=', meetingId).where('state', '=', 'open').limit(1).executeTakeFirst()) !== undefined;
}

export async function replaceRoll(db: Executor, meetingId: string, rows: JointRollTable[]): Promise<void> {
  await db.deleteFrom('joint_roll').where('meeting_id', '=', meetingId).execute();
  if (rows.length > 0) await db.insertInto('joint_roll').values(rows).execute();
}

/** The representatives of a term among these ids (the roll takes no one else). */
export async function representativesAmong(db: Executor, termId: string, memberIds: string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await db.selectFrom('member').select('id').where('term_id', '=', termId).where('role', '=', 'representative').where('id', 'in', memberIds).execute();
  return new Set(rows.map((row) => row.id));
}

export async function delegationLeaderIds(db: Executor, termId: string): Promise<string[]> {
  const rows = await db.selectFrom('delegation').select('leader_member_id').where('term_id', '=', termId).where('leader_member_id', 'is not', null).execute();
  return rows.map((row) => row.leader_member_id!);
}

/** Settled ballots of the term's joint meetings: the ones whose passed items are its decisions. */
export function settledJointBallots(db: Executor, termId: string) {
  return db
    .selectFrom('ballot')
    .innerJoin('meeting', 'meeting.id', 'ballot.meeting_id')
    .select(['ballot.id', 'ballot.closed_at', 'meeting.id as meeting_id'])
    .where('meeting.term_id', '=', termId)
    .where('meeting.sitting', '=', 'joint')
    .where('ballot.state', 'in', ['closed', 'published'])
    .where('ballot.result', 'is not', null)
    .execute();
}

export async function insertDecision(db: Executor, row: JointDecisionTable): Promise<boolean> {
  const result = await db
    .insertInto('joint_decision')
    .values(row)
    .onConflict((conflict) => conflict.columns(['ballot_id', 'item_id']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export function listDecisions(db: Executor, termId: string) {
  return db
    .selectFrom('joint_decision')
    .innerJoin('meeting', 'meeting.id', 'joint_decision.meeting_id')
    .selectAll('joint_decision')
    .select(['meeting.title as meeting_title', 'meeting.term_id'])
    .where('meeting.term_id', '=', termId)
    .orderBy('joint_decision.decided_at')
    .orderBy('joint_decision.id')
    .execute();
}

export async function linkConfirmation(db: Executor, decisionId: string, ballotId: string, itemId: string): Promise<void> {
  await db.updateTable('joint_decision').set({ confirmation_ballot_id: ballotId, confirmation_item_id: itemId }).where('id', '=', decisionId).where('state', '=', 'pending').execute();
}

export async function settleDecision(db: Executor, decisionId: string, state: 'confirmed' | 'not_confirmed', at: string): Promise<boolean> {
  const result = await db.updateTable('joint_decision').set({ state, settled_at: at }).where('id', '=', decisionId).where('state', '=', 'pending').executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function termOfMeeting(db: Executor, meetingId: string): Promise<string | undefined> {
  return (await db.selectFrom('meeting').select('term_id').where('id', '=', meetingId).executeTakeFirst())?.term_id;
}

/**
 * The term's next plenary session: the regular session of lowest number whose plenary sittings have
 * not been held (none closed). Its confirmation item, if it has one.
 */
export async function nextRegularSession(db: Executor, termId: string) {
  return db
    .selectFrom('congress_session')
    .select(['congress_session.id', 'congress_session.number'])
    .where('congress_session.term_id', '=', termId)
    .where('congress_session.kind', '=', 'regular')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('meeting').select('meeting.id').whereRef('meeting.session_id', '=', 'congress_session.id').where('meeting.sitting', '=', 'plenary').where('meeting.state', '=', 'closed'),
        ),
      ),
    )
    .orderBy('congress_session.number')
    .limit(1)
    .executeTakeFirst();
}

export function sessionTerm(db: Executor, sessionId: string) {
  return db.selectFrom('congress_session').select(['id', 'term_id']).where('id', '=', sessionId).executeTakeFirst();
}
