// What each allowed move does besides changing the state: numbering on submission, seconders,
// review outcomes, merging, assignment and declining, the one extension, replies and ratings.
// Each runs inside the move's transaction, after workflow.ts has allowed it; the guards here are
// the ones that depend on data (the collection window, the decline window, the merge target …).
import { randomId } from '../access/codes.js';
import { ballotInput } from '../ballots/api-schemas.js';
import { createBallot, getBallot } from '../ballots/service.js';
import type { MotionAttachmentTable, MotionSettingsTable, MotionTable } from '../db/database.js';
import { fail } from '../errors.js';
import { assertWithinQuota, ROW_OVERHEAD_BYTES, textBytes } from '../storage/quotas.js';
import type { MotionDeps } from './deps.js';
import { type Asker, activeAssignment, actorName, type MotionPeople, requireOfficer } from './access.js';
import { getDepartment } from '../departments/service.js';
import * as handling from './handling-repository.js';
import * as repository from './repository.js';
import type { MotionRow } from './repository.js';
import type { MotionAction, MotionPatch } from './schemas.js';
import { addDays, collectionOpen, motionNumber, numberYear } from './settings.js';
import type { MotionEvent, MotionState } from './workflow.js';

export const MAX_ATTACHMENTS = 10;
const MERGE_TARGET_STATES: readonly MotionState[] = ['review', 'accepted', 'assigned'];

/** An edit: new text, or one attachment added or removed (the file itself is written outside). */
export type EditMove = { action: 'edit'; patch: MotionPatch; addAttachment?: MotionAttachmentTable; removeAttachmentId?: string };
export type MotionMove = MotionAction | EditMove;

export interface Step {
  /** Its db is the move's transaction. */
  context: MotionDeps;
  asker: Asker;
  motion: MotionRow;
  people: MotionPeople;
  settings: MotionSettingsTable;
  event: MotionEvent;
  now: Date;
}

export interface Outcome {
  changes?: Partial<MotionTable>;
  detail?: Record<string, unknown>;
  /** The member the secretary acted for, when it is not the proposer (a paper seconder). */
  onBehalfOf?: string;
  /** Other motions this move changed (a merge target), for live updates. */
  touched?: string[];
}

/** What an edit adds to the proposer's storage: longer text, an attachment, the history row. */
function editGrowth(motion: Step['motion'], move: EditMove): number {
  const { patch } = move;
  const before = textBytes(patch.subject === undefined ? '' : motion.subject, patch.reasons === undefined ? '' : motion.reasons, patch.measures === undefined ? '' : motion.measures);
  const after = textBytes(patch.subject, patch.reasons, patch.measures);
  return after - before + (move.addAttachment?.size ?? 0) + ROW_OVERHEAD_BYTES;
}

async function edit({ context, motion }: Step, move: EditMove): Promise<Outcome> {
  const { patch } = move;
  if (move.addAttachment) {
    if ((await handling.listAttachments(context.db, motion.id)).length >= MAX_ATTACHMENTS) fail('ATTACHMENT_LIMIT', { max: MAX_ATTACHMENTS });
  }
  if (!move.removeAttachmentId) await assertWithinQuota(context, { memberId: motion.proposer_member_id, bytes: editGrowth(motion, move) });
  if (move.addAttachment) {
    await handling.insertAttachment(context.db, move.addAttachment);
  }
  if (move.removeAttachmentId) await handling.deleteAttachment(context.db, move.removeAttachmentId);
  return {
    changes: {
      ...(patch.subject === undefined ? {} : { subject: patch.subject }),
      ...(patch.reasons === undefined ? {} : { reasons: patch.reasons }),
      ...(patch.measures === undefined ? {} : { measures: patch.measures }),
      ...(patch.category === undefined ? {} : { category: patch.category }),
    },
    detail: {
      fields: Object.keys(patch),
      ...(move.addAttachment ? { attachmentAdded: move.addAttachment.filename } : {}),
      ...(move.removeAttachmentId ? { attachmentRemoved: move.removeAttachmentId } : {}),
    },
  };
}

async function submit({ context, motion, settings, now }: Step): Promise<Outcome> {
  if (!collectionOpen(settings, now)) fail('MOTION_COLLECTION_CLOSED', { opensAt: settings.opens_at, closesAt: settings.closes_at });
  // Numbered once, in submission order, and never renumbered.
  if (motion.sequence !== null) return {};
  const sequence = await repository.nextSequence(context.db, motion.meeting_id);
  const number = motionNumber(numberYear(settings, now), sequence);
  return { changes: { sequence, number, submitted_at: now.toISOString() }, detail: { number } };
}

async function second({ context, asker, motion, now }: Step, move: Extract<MotionAction, { action: 'second' }>): Promise<Outcome> {
  const memberId = asker.kind === 'member' ? asker.actor.memberId : move.memberId!;
  const enteredBy = asker.kind === 'officer' ? asker.actor.id : null;
  await repository.insertSeconder(context.db, { motion_id: motion.id, member_id: memberId, seconded_at: now.toISOString(), entered_by_account_id: enteredBy });
  return { detail: { memberId }, ...(enteredBy ? { onBehalfOf: memberId } : {}) };
}

async function merge({ context, motion, now }: Step, move: Extract<MotionAction, { action: 'merge' }>): Promise<Outcome> {
  const target = await repository.findMotion(context.db, move.targetMotionId);
  if (!target || target.id === motion.id || target.meeting_id !== motion.meeting_id || !MERGE_TARGET_STATES.includes(target.state)) {
    fail('MOTION_MERGE_TARGET', { targetMotionId: move.targetMotionId, targetState: target?.state ?? null });
  }
  await repository.repointMerged(context.db, motion.id, target.id);
  return {
    changes: { merged_into_id: target.id, review_outcome: 'merged', reviewed_at: now.toISOString() },
    detail: { targetMotionId: target.id, targetNumber: target.number },
    touched: [target.id],
  };
}

/** 议案: the motion goes to the congress as a ballot item, on a ballot given or a new draft one. */
async function escalate({ context, asker, motion, now }: Step, move: Extract<MotionAction, { action: 'escalate' }>): Promise<Outcome> {
  const actor = requireOfficer(asker);
  let ballotId = move.ballotId;
  if (ballotId) await getBallot(context, ballotId);
  else {
    const title = `关于《${motion.subject}》的议案`;
    ballotId = (await createBallot(context, actor, motion.meeting_id, ballotInput.parse({ title, items: [{ kind: 'approval', title }] }))).id;
  }
  return { changes: { review_outcome: 'resolution', reviewed_at: now.toISOString(), resolution_ballot_id: ballotId }, detail: { ballotId } };
}

async function assign({ context, motion, settings, now }: Step, move: Extract<MotionAction, { action: 'assign' }>): Promise<Outcome> {
  const coDepartmentIds = [...new Set(move.coDepartmentIds)];
  for (const departmentId of [move.leadDepartmentId, ...coDepartmentIds]) {
    if ((await getDepartment(context, departmentId)).disabled) fail('DEPARTMENT_DISABLED', { departmentId });
  }
  const dueAt = move.deadline ? new Date(move.deadline).toISOString() : addDays(now, settings.reply_deadline_days);
  if (Date.parse(dueAt) <= now.getTime()) fail('MOTION_DEADLINE_INVALID');
  await handling.deactivateAssignments(context.db, motion.id);
  const at = now.toISOString();
  const rows = [{ departmentId: move.leadDepartmentId, role: 'lead' as const }, ...coDepartmentIds.map((departmentId) => ({ departmentId, role: 'co' as const }))];
  for (const row of rows) {
    await handling.insertAssignment(context.db, {
      id: randomId(context.random),
      motion_id: motion.id,
      department_id: row.departmentId,
      role: row.role,
      assigned_at: at,
      active: 1,
      declined_at: null,
      decline_reason: null,
    });
  }
  return { changes: { due_at: dueAt, assigned_at: at }, detail: { leadDepartmentId: move.leadDepartmentId, coDepartmentIds, dueAt } };
}

/** A department that is not responsible says so within the window; the lead's decline sends the motion back for reassignment. */
async function decline({ context, asker, motion, people, settings, event, now }: Step, move: Extract<MotionAction, { action: 'decline' }>): Promise<Outcome> {
  const departmentId = asker.kind === 'handler' ? asker.departmentId : fail('FORBIDDEN');
  const assignment = activeAssignment(people, event === 'decline' ? 'lead' : 'co', departmentId) ?? fail('FORBIDDEN');
  const until = addDays(assignment.assignedAt, settings.decline_window_days);
  if (now.getTime() > Date.parse(until)) fail('MOTION_DECLINE_WINDOW_PASSED', { until });
  await handling.declineAssignment(context.db, assignment.id, now.toISOString(), move.reason);
  if (event === 'declineCoHandling') return { detail: { departmentId, role: 'co' } };
  // The committee reassigns the whole handling, co-departments included.
  await handling.deactivateAssignments(context.db, motion.id);
  return { changes: { due_at: null, assigned_at: null }, detail: { departmentId, role: 'lead' } };
}

function extend({ motion, settings, now }: Step, move: Extract<MotionAction, { action: 'extend' }>): Outcome {
  if (motion.extension_days !== null) fail('MOTION_ALREADY_EXTENDED');
  if (move.days > settings.extension_max_days) fail('MOTION_EXTENSION_TOO_LONG', { max: settings.extension_max_days });
  const dueAt = addDays(motion.due_at ?? now, move.days);
  return { changes: { due_at: dueAt, extension_days: move.days, extension_reason: move.reason }, detail: { days: move.days, dueAt } };
}

async function reply({ context, asker, motion, people, now }: Step, move: Extract<MotionAction, { action: 'reply' }>): Promise<Outcome> {
  const lead = activeAssignment(people, 'lead') ?? fail('FORBIDDEN');
  const round = (await handling.listReplies(context.db, motion.id)).length + 1;
  const dueAt = motion.due_at ?? now.toISOString();
  const onTime = now.getTime() <= Date.parse(dueAt);
  await handling.insertReply(context.db, {
    id: randomId(context.random),
    motion_id: motion.id,
    round,
    department_id: lead.departmentId,
    author_account_id: asker.kind === 'member' ? null : asker.actor.id,
    author_name: actorName(asker),
    content: move.content,
    grade: move.grade,
    replied_at: now.toISOString(),
    due_at: dueAt,
    on_time: onTime ? 1 : 0,
    rating: null,
    rating_comment: null,
    rated_at: null,
  });
  return { detail: { round, grade: move.grade, onTime } };
}

/** 不满意: the department handles it again, with a new deadline from now. */
async function rate({ context, motion, settings, now }: Step, move: Extract<MotionAction, { action: 'rate' }>): Promise<Outcome> {
  const latest = (await handling.listReplies(context.db, motion.id)).at(-1) ?? fail('MOTION_STATE', { state: motion.state });
  await handling.updateReply(context.db, latest.id, { rating: move.rating, rating_comment: move.comment ?? null, rated_at: now.toISOString() });
  if (move.rating !== 'dissatisfied') return { detail: { rating: move.rating, round: latest.round } };
  const dueAt = addDays(now, settings.reply_deadline_days);
  return { changes: { due_at: dueAt }, detail: { rating: move.rating, round: latest.round, dueAt } };
}

export async function applyEffect(step: Step, move: MotionMove): Promise<Outcome> {
  const at = step.now.toISOString();
  switch (move.action) {
    case 'edit':
      return edit(step, move);
    case 'submit':
      return submit(step);
    case 'second':
      return second(step, move);
    case 'accept':
      return { changes: { review_outcome: 'accepted', reviewed_at: at } };
    case 'reject':
      return {
        changes: { review_outcome: 'not_accepted', reviewed_at: at, rejection_reason: move.reason, converted_to_suggestion: move.convertToSuggestion ? 1 : 0 },
        detail: { convertToSuggestion: move.convertToSuggestion },
      };
    case 'merge':
      return merge(step, move);
    case 'escalate':
      return escalate(step, move);
    case 'assign':
      return assign(step, move);
    case 'decline':
      return decline(step, move);
    case 'extend':
      return extend(step, move);
    case 'reply':
      return reply(step, move);
    case 'rate':
      return rate(step, move);
    case 'resolve':
      return { changes: { resolved_at: at, resolution_note: move.reason ?? null } };
    case 'resubmit':
    case 'withdraw':
    case 'return':
      return {};
  }
}
