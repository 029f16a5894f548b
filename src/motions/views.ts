// Turns motion rows into what the API returns: a summary for lists, the full record with its
// people, handling and history for one motion.
import type { MotionAttachmentTable } from '../db/database.js';
import type { listTransitions } from '../state-history.js';
import { isOverdue } from './dashboard.js';
import type * as handling from './handling-repository.js';
import type { MotionRow } from './repository.js';
import type * as motions from './repository.js';
import type { MotionDetail, MotionSummary } from './schemas.js';
import { type MotionEvent, motionStateNames } from './workflow.js';

type Rows<T extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<T>>;

export function presentSummary(row: MotionRow, now: Date): MotionSummary {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    number: row.number,
    subject: row.subject,
    category: row.category,
    state: row.state,
    stateName: motionStateNames[row.state],
    proposer: { memberId: row.proposer_member_id, name: row.proposer_name },
    onPaper: row.entered_by_name !== null,
    seconderCount: Number(row.seconder_count ?? 0),
    leadDepartment: row.lead_department_id && row.lead_department_name ? { id: row.lead_department_id, name: row.lead_department_name } : null,
    dueAt: row.due_at,
    overdue: isOverdue({ state: row.state, dueAt: row.due_at }, now),
    latestGrade: row.latest_grade ?? null,
    latestRating: row.latest_rating ?? null,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
  };
}

export interface MotionRecord {
  row: MotionRow;
  seconders: Rows<typeof motions.listSeconders>;
  mergedInto: { id: string; number: string | null; subject: string } | null;
  mergedFrom: Rows<typeof motions.listMergedSources>;
  mergedSeconders: Rows<typeof motions.listSeconders>;
  assignments: Rows<typeof handling.listAssignments>;
  replies: Rows<typeof handling.listReplies>;
  attachments: MotionAttachmentTable[];
  history: Rows<typeof listTransitions>;
}

const person = (memberId: string, name: string) => ({ memberId, name });

export function presentAttachment(row: MotionAttachmentTable) {
  return { id: row.id, filename: row.filename, mediaType: row.media_type, size: row.size, uploadedAt: row.uploaded_at };
}

export function presentDetail(record: MotionRecord, now: Date, allowedEvents: MotionEvent[]): MotionDetail {
  const { row } = record;
  const mergedFrom = record.mergedFrom.map((source) => ({
    id: source.id,
    number: source.number,
    subject: source.subject,
    proposer: person(source.proposer_member_id, source.proposer_name),
    seconders: record.mergedSeconders.filter((seconder) => seconder.motion_id === source.id).map((seconder) => person(seconder.member_id, seconder.name)),
  }));
  return {
    ...presentSummary(row, now),
    reasons: row.reasons,
    measures: row.measures,
    enteredBy: row.entered_by_name,
    seconders: record.seconders.map((seconder) => ({ ...person(seconder.member_id, seconder.name), secondedAt: seconder.seconded_at, onPaper: seconder.entered_by_account_id !== null })),
    proposers: [person(row.proposer_member_id, row.proposer_name), ...mergedFrom.map((source) => source.proposer)],
    mergedInto: record.mergedInto,
    mergedFrom,
    reviewOutcome: row.review_outcome,
    rejection: row.rejection_reason === null ? null : { reason: row.rejection_reason, convertedToSuggestion: row.converted_to_suggestion === 1 },
    resolutionBallotId: row.resolution_ballot_id,
    assignments: record.assignments.map((assignment) => ({
      department: { id: assignment.department_id, name: assignment.department_name },
      role: assignment.role,
      assignedAt: assignment.assigned_at,
      active: assignment.active === 1,
      declinedAt: assignment.declined_at,
      declineReason: assignment.decline_reason,
    })),
    extension: row.extension_days === null ? null : { days: row.extension_days, reason: row.extension_reason ?? '' },
    replies: record.replies.map((reply) => ({
      round: reply.round,
      department: { id: reply.department_id, name: reply.department_name },
      author: reply.author_name,
      content: reply.content,
      grade: reply.grade,
      repliedAt: reply.replied_at,
      dueAt: reply.due_at,
      onTime: reply.on_time === 1,
      rating: reply.rating,
      ratingComment: reply.rating_comment,
      ratedAt: reply.rated_at,
    })),
    resolvedAt: row.resolved_at,
    resolutionNote: row.resolution_note,
    attachments: record.attachments.map(presentAttachment),
    history: record.history.map((entry) => ({
      at: entry.at,
      event: entry.event,
      from: entry.from_state,
      to: entry.to_state,
      actor: { kind: entry.actor_kind, name: entry.actor_name },
      onBehalfOf: entry.on_behalf_of_member_id && entry.on_behalf_of_name ? person(entry.on_behalf_of_member_id, entry.on_behalf_of_name) : null,
      note: entry.note,
      detail: JSON.parse(entry.detail) as Record<string, unknown>,
    })),
    allowedEvents,
  };
}
