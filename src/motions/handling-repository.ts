// SQL for handling motions: assignments (交办) to departments, replies (答复) and ratings,
// attachments, and the facts the tracker's figures are computed from.
import { type Kysely, sql } from 'kysely';
import type { Database, MotionAssignmentTable, MotionAttachmentTable, MotionReplyTable } from '../db/database.js';

type Executor = Kysely<Database>;

export function listAssignments(db: Executor, motionIds: readonly string[]) {
  if (motionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('motion_assignment')
    .innerJoin('department', 'department.id', 'motion_assignment.department_id')
    .selectAll('motion_assignment')
    .select('department.name as department_name')
    .where('motion_assignment.motion_id', 'in', [...motionIds])
    .orderBy('motion_assignment.assigned_at')
    .orderBy('motion_assignment.role', 'desc')
    .execute();
}

export async function insertAssignment(db: Executor, assignment: MotionAssignmentTable): Promise<void> {
  await db.insertInto('motion_assignment').values(assignment).execute();
}

export async function deactivateAssignments(db: Executor, motionId: string): Promise<void> {
  await db.updateTable('motion_assignment').set({ active: 0 }).where('motion_id', '=', motionId).where('active', '=', 1).execute();
}

export async function declineAssignment(db: Executor, assignmentId: string, at: string, reason: string): Promise<void> {
  await db.updateTable('motion_assignment').set({ active: 0, declined_at: at, decline_reason: reason }).where('id', '=', assignmentId).execute();
}

export function listReplies(db: Executor, motionId: string) {
  return db
    .selectFrom('motion_reply')
    .innerJoin('department', 'department.id', 'motion_reply.department_id')
    .selectAll('motion_reply')
    .select('department.name as department_name')
    .where('motion_reply.motion_id', '=', motionId)
    .orderBy('motion_reply.round')
    .execute();
}

export async function insertReply(db: Executor, reply: MotionReplyTable): Promise<void> {
  await db.insertInto('motion_reply').values(reply).execute();
}

export async function updateReply(db: Executor, id: string, changes: Partial<Pick<MotionReplyTable, 'rating' | 'rating_comment' | 'rated_at'>>): Promise<void> {
  await db.updateTable('motion_reply').set(changes).where('id', '=', id).execute();
}

export function listAttachments(db: Executor, motionId: string) {
  return db.selectFrom('motion_attachment').selectAll().where('motion_id', '=', motionId).orderBy('uploaded_at').orderBy(sql`rowid`).execute();
}

export function findAttachment(db: Executor, motionId: string, attachmentId: string) {
  return db.selectFrom('motion_attachment').selectAll().where('motion_id', '=', motionId).where('id', '=', attachmentId).executeTakeFirst();
}

export async function insertAttachment(db: Executor, attachment: MotionAttachmentTable): Promise<void> {
  await db.insertInto('motion_attachment').values(attachment).execute();
}

export async function deleteAttachment(db: Executor, attachmentId: string): Promise<void> {
  await db.deleteFrom('motion_attachment').where('id', '=', attachmentId).execute();
}

/** Every submitted motion (drafts never count) with its lead department, first reply and latest rating. */
export function listMotionFacts(db: Executor, meetingId: string | undefined) {
  let query = db
    .selectFrom('motion')
    .leftJoin('motion_assignment as lead', (join) => join.onRef('lead.motion_id', '=', 'motion.id').on('lead.role', '=', 'lead').on('lead.active', '=', 1))
    .leftJoin('department', 'department.id', 'lead.department_id')
    .select((eb) => [
      'motion.id',
      'motion.number',
      'motion.subject',
      'motion.category',
      'motion.state',
      'motion.review_outcome',
      'motion.due_at',
      'lead.department_id',
      'department.name as department_name',
      eb.selectFrom('motion_reply').select('on_time').whereRef('motion_reply.motion_id', '=', 'motion.id').orderBy('round', 'asc').limit(1).as('first_reply_on_time'),
      eb.selectFrom('motion_reply').select('rating').whereRef('motion_reply.motion_id', '=', 'motion.id').where('rating', 'is not', null).orderBy('round', 'desc').limit(1).as('latest_rating'),
    ])
    .where('motion.number', 'is not', null);
  if (meetingId) query = query.where('motion.meeting_id', '=', meetingId);
  return query.orderBy('motion.meeting_id').orderBy('motion.sequence').execute();
}
