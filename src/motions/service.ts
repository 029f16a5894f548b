// Motions (提案) through their life. Every move goes through moveMotion, the one place the state
// table is enforced: it re-reads the motion in a transaction, checks the move against
// workflow.ts, applies its effect, writes the history row (src/state-history.ts) and the audit row, and publishes the
// change once committed.
import { randomId } from '../access/codes.js';
import type { Actor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type AppContext, transact } from '../context.js';
import type { MeetingTable, MotionTable } from '../db/database.js';
import { fail } from '../errors.js';
import type { DomainEvent } from '../events.js';
import { getMeeting } from '../meetings/service.js';
import { findMember } from '../roster/service.js';
import type { MotionDeps } from './deps.js';
import { actorName, type Asker, askerOf, canSee, type MotionPeople, partiesFor, visibilityOf } from './access.js';
import { applyEffect, type MotionMove, type Outcome } from './effects.js';
import * as handling from './handling-repository.js';
import * as repository from './repository.js';
import type { MotionRow } from './repository.js';
import type { MotionDetail, MotionInput, MotionListQuery } from './schemas.js';
import { searchQuery, searchTokens } from './search.js';
import { recordTransition, listTransitions } from '../state-history.js';
import { assertWithinQuota, ROW_OVERHEAD_BYTES, textBytes } from '../storage/quotas.js';
import { settingsOf } from './settings.js';
import { presentDetail, presentSummary } from './views.js';
import { type MotionEvent, type MotionParty, type MotionState, motionMachine, ratingEvent } from './workflow.js';

type Executor = AppContext['db'];

export async function loadPeople(db: Executor, motion: MotionRow): Promise<MotionPeople> {
  const [seconders, sources, assignments] = await Promise.all([repository.listSeconders(db, [motion.id]), repository.listMergedSources(db, motion.id), handling.listAssignments(db, [motion.id])]);
  const sourceSeconders = await repository.listSeconders(
    db,
    sources.map((source) => source.id),
  );
  return {
    seconderMemberIds: seconders.map((seconder) => seconder.member_id),
    mergedMemberIds: [...sources.map((source) => source.proposer_member_id), ...sourceSeconders.map((seconder) => seconder.member_id)],
    assignments: assignments.map((row) => ({ id: row.id, departmentId: row.department_id, role: row.role, active: row.active === 1, assignedAt: row.assigned_at })),
  };
}

/** The motion with its people, or MOTION_NOT_FOUND for anyone who may not see it. */
async function visibleMotion(db: Executor, asker: Asker, motionId: string) {
  const motion = await repository.findMotion(db, motionId);
  if (!motion) fail('MOTION_NOT_FOUND');
  const people = await loadPeople(db, motion);
  if (!canSee(asker, motion, people)) fail('MOTION_NOT_FOUND');
  return { motion, people };
}

async function reindex(db: Executor, motionId: string): Promise<void> {
  const motion = await repository.findMotion(db, motionId);
  if (!motion) return;
  const content = [motion.number ?? '', motion.proposer_name, motion.reasons, motion.measures].join('\n');
  await repository.replaceSearchEntry(db, motion.id, searchTokens(motion.subject), searchTokens(content));
}

function eventOf(move: MotionMove, parties: readonly MotionParty[]): MotionEvent {
  if (move.action === 'rate') return ratingEvent(move.rating);
  if (move.action === 'decline') return parties.includes('coHandler') && !parties.includes('leadHandler') ? 'declineCoHandling' : 'decline';
  return move.action;
}

function noteOf(move: MotionMove): string | null {
  if ('reason' in move && move.reason) return move.reason;
  if ('note' in move && move.note) return move.note;
  if (move.action === 'rate') return move.comment ?? null;
  return null;
}

/** A seconder must be another representative of the term who has not seconded yet; said plainly. */
async function checkSeconder(db: Executor, asker: Asker, motion: MotionRow, people: MotionPeople, memberId: string | undefined): Promise<void> {
  if (asker.kind === 'member' && memberId && memberId !== asker.actor.memberId) fail('FORBIDDEN');
  // Only the secretary of a paper motion names a seconder: anyone else is refused before being asked for one.
  if (asker.kind === 'officer' && !partiesFor(asker, motion, people).includes('secretary')) fail('FORBIDDEN', { state: motion.state, event: 'second' });
  if (asker.kind === 'officer' && !memberId) fail('VALIDATION_FAILED', { path: 'memberId', message: 'name the representative who seconded on paper' });
  if (asker.kind === 'handler') return;
  const seconder = asker.kind === 'member' ? { id: asker.actor.memberId, role: asker.actor.role, term_id: asker.actor.termId } : await findMember({ db }, memberId!);
  if (!seconder) fail('MEMBER_NOT_FOUND');
  if (seconder.id === motion.proposer_member_id) fail('CANNOT_SECOND_OWN');
  if (seconder.role !== 'representative' || seconder.term_id !== motion.term_id) fail('MOTION_NOT_REPRESENTATIVE');
  if (people.seconderMemberIds.includes(seconder.id)) fail('ALREADY_SECONDED');
}

interface Recorded {
  from: MotionState;
  to: MotionState;
  /** 'create' starts the history; it is not a move of the table. */
  event: MotionEvent | 'create';
  note: string | null;
  outcome: Outcome;
}

/** Writes the new state, the history row and (for officers and handlers) the audit row. */
async function record(context: MotionDeps, asker: Asker | null, motion: MotionRow, step: Recorded, now: Date): Promise<void> {
  const at = now.toISOString();
  await repository.updateMotion(context.db, motion.id, { ...step.outcome.changes, state: step.to, updated_at: at });
  // The secretary acting as proposer or seconder (on a paper motion) acts for someone: say for whom.
  const transition = step.event === 'create' ? undefined : motionMachine.find(step.from, step.event);
  const asSecretary = asker?.kind === 'officer' && !transition?.parties.includes('committee');
  await recordTransition(context.db, {
    entity: 'motion',
    entityId: motion.id,
    at: now,
    event: step.event,
    from: step.from,
    to: step.to,
    actor: asker === null ? null : { kind: asker.kind === 'member' ? 'member' : 'account', id: asker.kind === 'member' ? asker.actor.memberId : asker.actor.id, name: actorName(asker) },
    onBehalfOfMemberId: asSecretary ? (step.outcome.onBehalfOf ?? motion.proposer_member_id) : null,
    note: step.note,
    detail: step.outcome.detail ?? {},
  });
  if (asker && asker.kind !== 'member') {
    await recordAudit(context, asker.actor, `motion.${step.event}`, { meetingId: motion.meeting_id, detail: { motionId: motion.id, number: motion.number, from: step.from, to: step.to } });
  }
}

/** Enough seconders: the server moves the motion on to review (a row of its own in the history). */
async function reachSeconders(context: MotionDeps, motionId: string, now: Date): Promise<boolean> {
  const motion = (await repository.findMotion(context.db, motionId))!;
  const settings = await settingsOf(context, motion.meeting_id);
  if (motion.state !== 'seconding' || Number(motion.seconder_count ?? 0) < settings.required_seconders) return false;
  const to = motionMachine.next('seconding', 'secondersReached', ['system']);
  await record(context, null, motion, { from: 'seconding', to, event: 'secondersReached', note: null, outcome: { detail: { seconders: Number(motion.seconder_count ?? 0) } } }, now);
  return true;
}

/** The one place a motion changes state. */
/** The checks of moveMotion without the move: for a route to run before it reads an upload. The move's transaction checks again. */
export async function checkMove(context: MotionDeps, actor: Actor, motionId: string, move: MotionMove): Promise<void> {
  const asker = await askerOf(context, actor);
  const { motion, people } = await visibleMotion(context.db, asker, motionId);
  const parties = partiesFor(asker, motion, people);
  motionMachine.next(motion.state, eventOf(move, parties), parties, noteOf(move));
}

export async function moveMotion(context: MotionDeps, actor: Actor, motionId: string, move: MotionMove): Promise<MotionDetail> {
  const asker = await askerOf(context, actor);
  const published: DomainEvent[] = [];
  await transact(context, async (inside) => {
    const transaction = inside.db;
    const now = context.clock();
    const { motion, people } = await visibleMotion(transaction, asker, motionId);
    if (move.action === 'second' && motion.state === 'seconding') await checkSeconder(transaction, asker, motion, people, move.memberId);
    const parties = partiesFor(asker, motion, people);
    const event = eventOf(move, parties);
    const note = noteOf(move);
    const to = motionMachine.next(motion.state, event, parties, note);
    const settings = await settingsOf(inside, motion.meeting_id);
    const outcome = await applyEffect({ context: inside, asker, motion, people, settings, event, now }, move);
    await record(inside, asker, motion, { from: motion.state, to, event, note, outcome }, now);
    published.push({ type: 'motion.changed', meetingId: motion.meeting_id, motionId, event });
    for (const touched of outcome.touched ?? []) published.push({ type: 'motion.changed', meetingId: motion.meeting_id, motionId: touched, event });
    if (to === 'seconding' && (await reachSeconders(inside, motionId, now))) {
      published.push({ type: 'motion.changed', meetingId: motion.meeting_id, motionId, event: 'secondersReached' });
    }
    await reindex(transaction, motionId);
  });
  for (const event of published) context.events.publish(event);
  // The asker sees the result of their own move, even one that ends their access (a department's decline).
  const motion = (await repository.findMotion(context.db, motionId))!;
  return detailFor(context, asker, motion, await loadPeople(context.db, motion));
}

/** A representative drafts their own motion; the secretary enters a paper one for a representative (代录). */
async function proposerOf(context: MotionDeps, asker: Asker, meeting: MeetingTable, proposerMemberId: string | undefined) {
  if (asker.kind === 'handler') fail('FORBIDDEN');
  if (asker.kind === 'officer' && asker.actor.role !== 'secretary') fail('FORBIDDEN');
  if (asker.kind === 'member' && proposerMemberId && proposerMemberId !== asker.actor.memberId) fail('FORBIDDEN');
  const memberId =
    asker.kind === 'member' ? asker.actor.memberId : (proposerMemberId ?? fail('VALIDATION_FAILED', { path: 'proposerMemberId', message: 'name the representative whose paper motion this is' }));
  const member = (await findMember(context, memberId)) ?? fail('MEMBER_NOT_FOUND');
  if (member.role !== 'representative' || member.term_id !== meeting.term_id) fail('MOTION_NOT_REPRESENTATIVE');
  return member;
}

export async function createMotion(context: MotionDeps, actor: Actor, meetingId: string, input: MotionInput): Promise<MotionDetail> {
  const asker = await askerOf(context, actor);
  const meeting = await getMeeting(context, meetingId);
  const proposer = await proposerOf(context, asker, meeting, input.proposerMemberId);
  const at = context.clock().toISOString();
  const onPaper = asker.kind === 'officer';
  const row: MotionTable = {
    id: randomId(context.random),
    meeting_id: meeting.id,
    term_id: meeting.term_id,
    sequence: null,
    number: null,
    proposer_member_id: proposer.id,
    entered_by_account_id: onPaper ? asker.actor.id : null,
    entered_by_name: onPaper ? asker.actor.displayName : null,
    subject: input.subject,
    reasons: input.reasons,
    measures: input.measures,
    category: input.category,
    state: 'draft',
    review_outcome: null,
    merged_into_id: null,
    converted_to_suggestion: 0,
    rejection_reason: null,
    resolution_ballot_id: null,
    due_at: null,
    extension_days: null,
    extension_reason: null,
    created_at: at,
    submitted_at: null,
    reviewed_at: null,
    assigned_at: null,
    resolved_at: null,
    resolution_note: null,
    updated_at: at,
  };
  await transact(context, async (inside) => {
    const transaction = inside.db;
    // A paper motion is the representative's too: it counts against their quota like their own drafts.
    await assertWithinQuota(inside, { memberId: proposer.id, drafts: 1, bytes: textBytes(row.subject, row.reasons, row.measures) + ROW_OVERHEAD_BYTES });
    await repository.insertMotion(transaction, row);
    const motion = (await repository.findMotion(transaction, row.id))!;
    await record(inside, asker, motion, { from: 'draft', to: 'draft', event: 'create', note: null, outcome: { detail: { onPaper } } }, context.clock());
    await reindex(transaction, row.id);
  });
  context.events.publish({ type: 'motion.changed', meetingId: meeting.id, motionId: row.id, event: 'create' });
  return getMotionFor(context, actor, row.id);
}

export async function getMotionFor(context: MotionDeps, actor: Actor, motionId: string): Promise<MotionDetail> {
  const asker = await askerOf(context, actor);
  const { motion, people } = await visibleMotion(context.db, asker, motionId);
  return detailFor(context, asker, motion, people);
}

async function detailFor(context: MotionDeps, asker: Asker, motion: MotionRow, people: MotionPeople): Promise<MotionDetail> {
  const [seconders, mergedFrom, assignments, replies, attachments, history, target] = await Promise.all([
    repository.listSeconders(context.db, [motion.id]),
    repository.listMergedSources(context.db, motion.id),
    handling.listAssignments(context.db, [motion.id]),
    handling.listReplies(context.db, motion.id),
    handling.listAttachments(context.db, motion.id),
    listTransitions(context.db, 'motion', motion.id),
    motion.merged_into_id ? repository.findMotion(context.db, motion.merged_into_id) : undefined,
  ]);
  const mergedSeconders = await repository.listSeconders(
    context.db,
    mergedFrom.map((source) => source.id),
  );
  const mergedInto = target ? { id: target.id, number: target.number, subject: target.subject } : null;
  const allowed = motionMachine.allowed(motion.state, partiesFor(asker, motion, people)).filter((event) => event !== 'secondersReached');
  return presentDetail({ row: motion, seconders, mergedInto, mergedFrom, mergedSeconders, assignments, replies, attachments, history }, context.clock(), allowed);
}

export async function listMotionsFor(context: MotionDeps, actor: Actor, query: MotionListQuery) {
  const asker = await askerOf(context, actor);
  const match = query.q ? searchQuery(query.q) : null;
  const ids = match ? await repository.searchMotionIds(context.db, match) : undefined;
  const now = context.clock();
  const rows = await repository.listMotions(context.db, {
    visibility: visibilityOf(asker, query.scope),
    meetingId: query.meetingId,
    states: query.state === undefined ? undefined : [query.state].flat(),
    category: query.category,
    departmentId: query.departmentId,
    ids,
    dueBefore: query.overdue ? now.toISOString() : undefined,
    limit: query.limit,
    offset: query.offset,
  });
  return rows.map((row) => presentSummary(row, now));
}

/** For attachments: the motion as the asker sees it (404 otherwise). */
export async function motionVisibleTo(context: MotionDeps, actor: Actor, motionId: string) {
  return visibleMotion(context.db, await askerOf(context, actor), motionId);
}
