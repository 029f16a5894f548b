// SQL for motions: the motion rows with what a list shows, seconders, numbering, the collection
// settings and the full-text index (their history is src/state-history.ts).
import { type Kysely, sql } from 'kysely';
import type { Database, MotionSeconderTable, MotionSettingsTable, MotionTable } from '../db/database.js';
import type { MotionCategory } from './schemas.js';
import { handlingStates, type MotionState } from './workflow.js';

type Executor = Kysely<Database>;

/** A motion with its proposer, lead department, seconder count and latest reply, as lists show it. */
function selectMotionRows(db: Executor) {
  return db
    .selectFrom('motion')
    .innerJoin('member as proposer', 'proposer.id', 'motion.proposer_member_id')
    .leftJoin('motion_assignment as lead', (join) => join.onRef('lead.motion_id', '=', 'motion.id').on('lead.role', '=', 'lead').on('lead.active', '=', 1))
    .leftJoin('department as lead_department', 'lead_department.id', 'lead.department_id')
    .selectAll('motion')
    .select((eb) => [
      'proposer.name as proposer_name',
      'lead.department_id as lead_department_id',
      'lead_department.name as lead_department_name',
      eb
        .selectFrom('motion_seconder')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .whereRef('motion_seconder.motion_id', '=', 'motion.id')
        .as('seconder_count'),
      eb.selectFrom('motion_reply').select('grade').whereRef('motion_reply.motion_id', '=', 'motion.id').orderBy('round', 'desc').limit(1).as('latest_grade'),
      eb.selectFrom('motion_reply').select('rating').whereRef('motion_reply.motion_id', '=', 'motion.id').where('rating', 'is not', null).orderBy('round', 'desc').limit(1).as('latest_rating'),
      eb.selectFrom('motion_reply').select('on_time').whereRef('motion_reply.motion_id', '=', 'motion.id').orderBy('round', 'asc').limit(1).as('first_reply_on_time'),
    ]);
}

export type MotionRow = Awaited<ReturnType<typeof findMotion>> & {};

export function findMotion(db: Executor, id: string) {
  return selectMotionRows(db).where('motion.id', '=', id).executeTakeFirst();
}

/** Who may see which motions: officers all submitted ones (and paper drafts), a department its own, a representative theirs. */
export type MotionVisibility =
  | { kind: 'officer' }
  | { kind: 'department'; departmentId: string }
  | { kind: 'member'; memberId: string; termId: string; scope: 'own_and_seconded' | 'mine' | 'seconded' | 'seconding' };

export interface MotionFilter {
  visibility: MotionVisibility;
  meetingId?: string | undefined;
  states?: readonly MotionState[] | undefined;
  category?: MotionCategory | undefined;
  departmentId?: string | undefined;
  ids?: readonly string[] | undefined;
  /** Handling, with a deadline before this instant (超期). */
  dueBefore?: string | undefined;
  submittedOnly?: boolean;
  limit: number;
  offset: number;
}

const secondedBy = (memberId: string) => sql<boolean>`exists (select 1 from motion_seconder where motion_seconder.motion_id = motion.id and motion_seconder.member_id = ${memberId})`;
const assignedTo = (departmentId: string) =>
  sql<boolean>`exists (select 1 from motion_assignment where motion_assignment.motion_id = motion.id and motion_assignment.department_id = ${departmentId} and motion_assignment.active = 1)`;

export function listMotions(db: Executor, filter: MotionFilter) {
  let query = selectMotionRows(db);
  const { visibility } = filter;
  if (visibility.kind === 'officer') query = query.where((eb) => eb.or([eb('motion.number', 'is not', null), eb('motion.entered_by_name', 'is not', null)]));
  if (visibility.kind === 'department') query = query.where(assignedTo(visibility.departmentId));
  if (visibility.kind === 'member') {
    const { memberId, termId, scope } = visibility;
    if (scope === 'mine') query = query.where('motion.proposer_member_id', '=', memberId);
    if (scope === 'seconded') query = query.where(secondedBy(memberId));
    if (scope === 'own_and_seconded') query = query.where((eb) => eb.or([eb('motion.proposer_member_id', '=', memberId), secondedBy(memberId)]));
    if (scope === 'seconding') query = query.where('motion.term_id', '=', termId).where('motion.state', '=', 'seconding');
  }
  if (filter.submittedOnly) query = query.where('motion.number', 'is not', null);
  if (filter.meetingId) query = query.where('motion.meeting_id', '=', filter.meetingId);
  if (filter.states?.length) query = query.where('motion.state', 'in', [...filter.states]);
  if (filter.category) query = query.where('motion.category', '=', filter.category);
  if (filter.departmentId) query = query.where(assignedTo(filter.departmentId));
  if (filter.ids) query = filter.ids.length ? query.where('motion.id', 'in', [...filter.ids]) : query.where(sql<boolean>`0`);
  if (filter.dueBefore) query = query.where('motion.state', 'in', [...handlingStates]).where('motion.due_at', '<', filter.dueBefore);
  return query.orderBy(sql`motion.sequence IS NULL`).orderBy('motion.meeting_id').orderBy('motion.sequence').orderBy('motion.created_at').limit(filter.limit).offset(filter.offset).execute();
}

export async function insertMotion(db: Executor, motion: MotionTable): Promise<void> {
  await db.insertInto('motion').values(motion).execute();
}

export async function updateMotion(db: Executor, id: string, changes: Partial<Omit<MotionTable, 'id' | 'meeting_id'>>): Promise<void> {
  await db.updateTable('motion').set(changes).where('id', '=', id).execute();
}

/** The next number in the meeting's submission order; run inside the submitting transaction. */
export async function nextSequence(db: Executor, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('motion')
    .select((eb) => eb.fn.max('sequence').as('last'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** Motions already merged into `fromId` follow it into `toId`, so merges never chain. */
export async function repointMerged(db: Executor, fromId: string, toId: string): Promise<void> {
  await db.updateTable('motion').set({ merged_into_id: toId }).where('merged_into_id', '=', fromId).execute();
}

export function listMergedSources(db: Executor, targetId: string) {
  return db
    .selectFrom('motion')
    .innerJoin('member', 'member.id', 'motion.proposer_member_id')
    .select(['motion.id', 'motion.number', 'motion.subject', 'motion.proposer_member_id', 'member.name as proposer_name'])
    .where('motion.merged_into_id', '=', targetId)
    .orderBy('motion.sequence')
    .execute();
}

export function listSeconders(db: Executor, motionIds: readonly string[]) {
  if (motionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('motion_seconder')
    .innerJoin('member', 'member.id', 'motion_seconder.member_id')
    .select(['motion_seconder.motion_id', 'motion_seconder.member_id', 'motion_seconder.seconded_at', 'motion_seconder.entered_by_account_id', 'member.name'])
    .where('motion_seconder.motion_id', 'in', [...motionIds])
    .orderBy('motion_seconder.seconded_at')
    .orderBy(sql`motion_seconder.rowid`)
    .execute();
}

export async function insertSeconder(db: Executor, seconder: MotionSeconderTable): Promise<void> {
  await db.insertInto('motion_seconder').values(seconder).execute();
}

export function findSettings(db: Executor, meetingId: string) {
  return db.selectFrom('motion_settings').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
}

export async function upsertSettings(db: Executor, row: MotionSettingsTable): Promise<void> {
  const { meeting_id: _meetingId, ...changes } = row;
  await db
    .insertInto('motion_settings')
    .values(row)
    .onConflict((conflict) => conflict.column('meeting_id').doUpdateSet(changes))
    .execute();
}

/** The index row of a motion holds pre-tokenised text (search.ts); it is rewritten on every change. */
export async function replaceSearchEntry(db: Executor, motionId: string, subject: string, content: string): Promise<void> {
  await db.deleteFrom('motion_search').where('motion_id', '=', motionId).execute();
  await db.insertInto('motion_search').values({ motion_id: motionId, subject, content }).execute();
}

export async function searchMotionIds(db: Executor, match: string): Promise<string[]> {
  const rows = await sql<{ motion_id: string }>`SELECT motion_id FROM motion_search WHERE motion_search MATCH ${match} ORDER BY rank LIMIT 5000`.execute(db);
  return rows.rows.map((row) => row.motion_id);
}
