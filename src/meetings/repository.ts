// SQL for meetings and attendance (签到).
import { type Kysely, sql } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { SqliteHandle } from '../db/connection.js';
import type { AttendanceTable, Database, MeetingTable } from '../db/database.js';
import type { MeetingSitting } from './workflow.js';

type Executor = Kysely<Database>;

export function listMeetings(db: Executor, termId?: string) {
  let query = db.selectFrom('meeting').selectAll().orderBy('created_at', 'desc');
  if (termId) query = query.where('term_id', '=', termId);
  return query.execute();
}

export function findMeeting(db: Executor, id: string) {
  return db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMeetingByDisplayToken(db: Executor, tokenHash: string) {
  return db.selectFrom('meeting').selectAll().where('display_token_hash', '=', tokenHash).executeTakeFirst();
}

/** The meeting a representative's page follows: the one in session, else the newest draft. */
export function findCurrentMeetingOfTerm(db: Executor, termId: string) {
  return db
    .selectFrom('meeting')
    .selectAll()
    .where('term_id', '=', termId)
    .where('state', '!=', 'closed')
    .orderBy(sql`state = 'in_session'`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertMeeting(db: Executor, meeting: MeetingTable): Promise<void> {
  await db.insertInto('meeting').values(meeting).execute();
}

export async function updateMeeting(db: Executor, id: string, changes: Partial<Omit<MeetingTable, 'id'>>): Promise<void> {
  await db.updateTable('meeting').set(changes).where('id', '=', id).execute();
}

/** Writes only if the meeting is still in the state the caller checked; false if it has moved on. */
export async function updateMeetingInState(db: Executor, id: string, state: MeetingTable['state'], changes: Partial<Omit<MeetingTable, 'id'>>): Promise<boolean> {
  const result = await db.updateTable('meeting').set(changes).where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function hasBallotBeyondDraft(db: Executor, meetingId: string): Promise<boolean> {
  return (await db.selectFrom('ballot').select('id').where('meeting_id', '=', meetingId).where('state', '!=', 'draft').limit(1).executeTakeFirst()) !== undefined;
}

export async function hasOpenBallot(db: Executor, meetingId: string): Promise<boolean> {
  return (await db.selectFrom('ballot').select('id').where('meeting_id', '=', meetingId).where('state', '=', 'open').limit(1).executeTakeFirst()) !== undefined;
}

/** Drops every pending two-person confirmation of the meeting's ballots (its setting changed); how many. */
export async function deletePendingConfirmations(db: Executor, meetingId: string): Promise<number> {
  const result = await db
    .deleteFrom('ballot_confirmation')
    .where('ballot_id', 'in', (query) => query.selectFrom('ballot').select('id').where('meeting_id', '=', meetingId))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Whether a ballot of this meeting has this id (a draft included: nothing of it reaches a screen anyway). */
export async function hasBallot(db: Executor, meetingId: string, ballotId: string): Promise<boolean> {
  return (await db.selectFrom('ballot').select('id').where('meeting_id', '=', meetingId).where('id', '=', ballotId).executeTakeFirst()) !== undefined;
}

export async function upsertAttendance(db: Executor, row: AttendanceTable): Promise<void> {
  await db
    .insertInto('attendance')
    .values(row)
    .onConflict((conflict) => conflict.columns(['meeting_id', 'member_id']).doUpdateSet({ status: row.status }))
    .execute();
}

export interface AttendanceCountsRow {
  eligible: number;
  present: number;
  on_leave: number;
  attendees: number;
  attendees_present: number;
}

/**
 * A joint meeting (联席会议) counts its roll instead of the term's representatives (it has no
 * attendees): eligible = its members, present = its members checked in. Every other meeting as before.
 */
export async function countAttendance(db: Executor, meetingId: string, termId: string, sitting?: MeetingSitting): Promise<AttendanceCountsRow> {
  if (sitting === 'joint') return countJointAttendance(db, meetingId);
  const row = await db
    .selectFrom('member')
    .leftJoin('attendance', (join) => join.onRef('attendance.member_id', '=', 'member.id').on('attendance.meeting_id', '=', meetingId))
    .where('member.term_id', '=', termId)
    .select([
      sql<number>`coalesce(sum(member.role = 'representative'), 0)`.as('eligible'),
      sql<number>`coalesce(sum(member.role = 'representative' and attendance.status = 'present'), 0)`.as('present'),
      sql<number>`coalesce(sum(member.role = 'representative' and attendance.status = 'on_leave'), 0)`.as('on_leave'),
      sql<number>`coalesce(sum(member.role = 'attendee'), 0)`.as('attendees'),
      sql<number>`coalesce(sum(member.role = 'attendee' and attendance.status = 'present'), 0)`.as('attendees_present'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

async function countJointAttendance(db: Executor, meetingId: string): Promise<AttendanceCountsRow> {
  const row = await db
    .selectFrom('joint_roll')
    .innerJoin('member', 'member.id', 'joint_roll.member_id')
    .leftJoin('attendance', (join) => join.onRef('attendance.member_id', '=', 'member.id').on('attendance.meeting_id', '=', meetingId))
    .where('joint_roll.meeting_id', '=', meetingId)
    .where('member.role', '=', 'representative')
    .select([
      sql<number>`count(*)`.as('eligible'),
      sql<number>`coalesce(sum(attendance.status = 'present'), 0)`.as('present'),
      sql<number>`coalesce(sum(attendance.status = 'on_leave'), 0)`.as('on_leave'),
      sql<number>`0`.as('attendees'),
      sql<number>`0`.as('attendees_present'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

/** Whether a member sits on a joint meeting's roll (who may check in there). */
export async function onJointRoll(db: Executor, meetingId: string, memberId: string): Promise<boolean> {
  return (await db.selectFrom('joint_roll').select('member_id').where('meeting_id', '=', meetingId).where('member_id', '=', memberId).executeTakeFirst()) !== undefined;
}

/** The check-in list: the term's members, or a joint meeting's roll. */
/** Everyone on the meeting's roll with their status, by delegation and staff number; `page` reads a slice of that order. */
export function listAttendance(db: Executor, meetingId: string, termId: string, sitting?: MeetingSitting, page?: { limit: number; offset: number }) {
  let query = db
    .selectFrom('member')
    .leftJoin('attendance', (join) => join.onRef('attendance.member_id', '=', 'member.id').on('attendance.meeting_id', '=', meetingId))
    .leftJoin('delegation', 'delegation.id', 'member.delegation_id')
    .where('member.term_id', '=', termId)
    .select(['member.id', 'member.name', 'member.staff_number', 'member.role', 'member.delegation_id', 'delegation.name as delegation_name', 'attendance.status'])
    .orderBy('delegation.name')
    .orderBy('member.staff_number');
  if (sitting === 'joint')
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('joint_roll').select('joint_roll.member_id').whereRef('joint_roll.member_id', '=', 'member.id').where('joint_roll.meeting_id', '=', meetingId)),
    );
  if (page) query = query.limit(page.limit).offset(page.offset);
  return query.execute();
}

export function findAttendance(db: Executor, meetingId: string, memberId: string) {
  return db.selectFrom('attendance').select('status').where('meeting_id', '=', meetingId).where('member_id', '=', memberId).executeTakeFirst();
}

const attendanceStatements = new WeakMap<SqliteHandle, Statement<[string, string], Pick<AttendanceTable, 'status'>>>();

/**
 * findAttendance straight from the handle, prepared once: every phone of a reconnecting hall asks for
 * its own, and through Kysely (building and compiling the query, a promise) the lookup cost more than
 * the rest of the phone's snapshot. Outside a transaction only: inside one the handle would see writes
 * not yet committed, where findAttendance waits for the transaction's end.
 */
export function readAttendanceOutsideTransaction(sqlite: SqliteHandle, meetingId: string, memberId: string): Pick<AttendanceTable, 'status'> | undefined {
  let statement = attendanceStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare<[string, string], Pick<AttendanceTable, 'status'>>('SELECT status FROM attendance WHERE meeting_id = ? AND member_id = ?');
    attendanceStatements.set(sqlite, statement);
  }
  return statement.get(meetingId, memberId);
}
