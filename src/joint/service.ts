// Joint meetings (联席会议) between sessions: their roll, their decisions and the confirmation of those
// decisions by the next plenary. The roll is the joint meeting's electorate (quorum, check-in, votes:
// src/meetings/repository.ts, src/ballots/casting.ts); here are the roll's edits and what follows a
// joint ballot once it is settled.
import type { AccountActor } from '../actors.js';
import { randomId } from '../access/codes.js';
import { addAgendaItem, findAgendaItemOfKind, getAgendaItem, updateAgendaItemBySystem } from '../agenda/service.js';
import { recordAudit } from '../audit/service.js';
import { ballotOutcome, createBallot, recordBallotUse } from '../ballots/service.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import type { MeetingTable } from '../db/database.js';
import { fail } from '../errors.js';
import { attendanceCounts, getMeeting } from '../meetings/service.js';
import { getTerm } from '../roster/service.js';
import { parseTermRules } from '../roster/term-rules.js';
import * as repository from './repository.js';
import { confirmationMaterial, confirmationState, confirmationTitle, decisionsOf } from './rules.js';
import type { JointDecisionView, RollInput } from './schemas.js';

/** What the joint meeting's service uses: the core and the logger (a failed follow-up is logged). */
export type JointDeps = CoreContext & Pick<AppContext, 'logger'>;

export const CONFIRMATION_ITEM_TITLE = '确认联席会议决定';

async function jointMeeting(context: Pick<AppContext, 'db'>, meetingId: string): Promise<MeetingTable> {
  const meeting = await getMeeting(context, meetingId);
  if (meeting.sitting !== 'joint') fail('NOT_A_JOINT_MEETING');
  return meeting;
}

export async function getRoll(context: Pick<AppContext, 'db'>, meetingId: string) {
  const meeting = await jointMeeting(context, meetingId);
  const rules = parseTermRules((await getTerm(context, meeting.term_id)).rules);
  const counts = await attendanceCounts(context, meeting);
  const members = await repository.listRoll(context.db, meetingId);
  return {
    meetingId,
    members: members.map((row) => ({ memberId: row.id, name: row.name, staffNumber: row.staff_number, delegationName: row.delegation_name ?? null, capacity: row.capacity })),
    quorum: {
      numerator: meeting.quorum_numerator,
      denominator: meeting.quorum_denominator,
      required: counts.quorum.required,
      present: counts.present,
      eligible: counts.eligible,
      reached: counts.quorum.reached,
    },
    decisionRule: rules.joint.decision,
    delegationLeaderIds: await repository.delegationLeaderIds(context.db, meeting.term_id),
  };
}

/** Replaces the roll (a draft or sitting joint meeting): only representatives of the meeting's term. */
export async function setRoll(context: CoreContext, actor: AccountActor, meetingId: string, input: RollInput) {
  await transact(context, async (inside) => {
    const meeting = await jointMeeting(inside, meetingId);
    if (meeting.state === 'closed') fail('MEETING_STATE', { state: meeting.state });
    // The roll is the electorate: changing it while a ballot is open would move that ballot's base.
    if (await repository.hasOpenBallot(inside.db, meetingId)) fail('JOINT_ROLL_LOCKED');
    const ids = input.members.map((member) => member.memberId);
    const known = await repository.representativesAmong(inside.db, meeting.term_id, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) fail('JOINT_ROLL_INVALID', { memberIds: unknown });
    await repository.replaceRoll(
      inside.db,
      meetingId,
      input.members.map((member) => ({ meeting_id: meetingId, member_id: member.memberId, capacity: member.capacity })),
    );
    await recordAudit(inside, actor, 'joint.roll-set', { meetingId, detail: { members: input.members.map((member) => ({ memberId: member.memberId, capacity: member.capacity })) } });
  });
  // The roll is the electorate: the hall's figures (eligible, present, quorum) change with it.
  context.events.publish({ type: 'attendance.changed', meetingId });
  context.events.publish({ type: 'meeting.updated', meetingId });
  return getRoll(context, meetingId);
}

/**
 * Brings a term's decisions up to date: a settled joint ballot's passed approval items become
 * decisions 待大会确认; a settled confirmation ballot confirms them or not; the pending ones are put
 * on the next plenary's agenda. Idempotent, and run one at a time (a ballot's close and a read of
 * the decisions may ask together).
 */
let syncing: Promise<unknown> = Promise.resolve();
export function syncDecisions(context: CoreContext, termId: string): Promise<void> {
  // One transaction: a decision and its audit row are written together or not at all.
  const run = syncing.then(() => (context.db.isTransaction ? syncNow(context, termId) : transact(context, (inside) => syncNow(inside, termId))));
  syncing = run.catch(() => undefined);
  return run;
}

async function syncNow(context: CoreContext, termId: string): Promise<void> {
  for (const ballot of await repository.settledJointBallots(context.db, termId)) {
    const outcome = await ballotOutcome(context, ballot.id);
    for (const decision of decisionsOf(outcome)) {
      const inserted = await repository.insertDecision(context.db, {
        id: randomId(context.random),
        meeting_id: ballot.meeting_id,
        ballot_id: ballot.id,
        item_id: decision.itemId,
        title: decision.title,
        decided_at: ballot.closed_at ?? nowIso(context),
        state: 'pending',
        confirmation_ballot_id: null,
        confirmation_item_id: null,
        settled_at: null,
      });
      if (inserted) await recordAudit(context, null, 'joint.decision-recorded', { meetingId: ballot.meeting_id, ballotId: ballot.id, detail: { title: decision.title } });
    }
  }
  const outcomes = new Map<string, Awaited<ReturnType<typeof ballotOutcome>>>();
  for (const decision of await repository.listDecisions(context.db, termId)) {
    if (decision.state !== 'pending' || !decision.confirmation_ballot_id) continue;
    const ballotId = decision.confirmation_ballot_id;
    const outcome = outcomes.get(ballotId) ?? (await ballotOutcome(context, ballotId));
    outcomes.set(ballotId, outcome);
    const state = confirmationState(outcome, decision.confirmation_item_id, decision.title);
    if (state && (await repository.settleDecision(context.db, decision.id, state, nowIso(context)))) {
      await recordAudit(context, null, `joint.decision-${state === 'confirmed' ? 'confirmed' : 'not-confirmed'}`, { ballotId, detail: { decisionId: decision.id, title: decision.title } });
    }
  }
  await placePendingDecisions(context, termId);
}

/**
 * Puts the decisions awaiting confirmation on the agenda of the term's next plenary session (the
 * regular session of lowest number whose plenary has not been held): one 确认联席会议决定 item per
 * session, its material the list. Nothing while there is no such session: creating one calls this.
 * In the caller's transaction when there is one.
 */
export async function placePendingDecisions(context: CoreContext, termId: string): Promise<void> {
  const place = async (inside: CoreContext) => {
    const waiting = (await repository.listDecisions(inside.db, termId)).filter((decision) => decision.state === 'pending' && decision.confirmation_ballot_id === null);
    if (waiting.length === 0) return;
    const session = await repository.nextRegularSession(inside.db, termId);
    if (!session) return;
    const material = confirmationMaterial(waiting.map((decision) => ({ title: decision.title, meetingTitle: decision.meeting_title, decidedAt: decision.decided_at })));
    const item = await findAgendaItemOfKind(inside, session.id, 'joint_confirmation');
    // The item lists the decisions it will confirm, refreshed until its ballot is made.
    if (item) {
      if (item.ballot_id === null && item.material !== material) await updateAgendaItemBySystem(inside, item.id, { material });
    } else await addAgendaItem(inside, null, session.id, { kind: 'joint_confirmation', title: CONFIRMATION_ITEM_TITLE, material });
  };
  await (context.db.isTransaction ? place(context) : transact(context, place));
}

/** The decisions, and the 确认联席会议决定 item on the next plenary's agenda (where the confirmation ballot is made). */
export async function listDecisions(
  context: CoreContext,
  termId: string,
): Promise<{ decisions: JointDecisionView[]; confirmationItem: { agendaItemId: string; sessionId: string; sessionNumber: number; ballotId: string | null } | null }> {
  await getTerm(context, termId);
  await syncDecisions(context, termId);
  const session = await repository.nextRegularSession(context.db, termId);
  const item = session ? await findAgendaItemOfKind(context, session.id, 'joint_confirmation') : undefined;
  const decisions = (await repository.listDecisions(context.db, termId)).map((row) => ({
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    ballotId: row.ballot_id,
    itemId: row.item_id,
    title: row.title,
    decidedAt: row.decided_at,
    state: row.state,
    confirmationBallotId: row.confirmation_ballot_id,
    settledAt: row.settled_at,
  }));
  return { decisions, confirmationItem: session && item ? { agendaItemId: item.id, sessionId: session.id, sessionNumber: session.number, ballotId: item.ballot_id } : null };
}

/**
 * 生成确认表决: a draft ballot in a plenary sitting of the item's session, one approval item per
 * decision awaiting confirmation (确认联席会议关于《…》的决定), linked to the agenda item. Its result,
 * once settled, confirms each decision or not.
 */
export async function createConfirmationBallot(context: CoreContext, actor: AccountActor, agendaItemId: string, meetingId: string) {
  const item = await getAgendaItem(context, agendaItemId);
  const session = (await repository.sessionTerm(context.db, item.session_id)) ?? fail('SESSION_NOT_FOUND');
  await syncDecisions(context, session.term_id);
  return transact(context, async (inside) => {
    const meeting = await getMeeting(inside, meetingId);
    if (item.kind !== 'joint_confirmation' || meeting.session_id !== item.session_id || meeting.sitting !== 'plenary') fail('JOINT_CONFIRMATION_INVALID');
    if (meeting.state === 'closed') fail('MEETING_STATE', { state: meeting.state });
    const waiting = (await repository.listDecisions(inside.db, session.term_id)).filter((decision) => decision.state === 'pending' && decision.confirmation_ballot_id === null);
    if (waiting.length === 0) fail('JOINT_NOTHING_TO_CONFIRM');
    const rules = parseTermRules((await getTerm(inside, session.term_id)).rules);
    const ballot = await createBallot(inside, actor, meetingId, {
      title: CONFIRMATION_ITEM_TITLE,
      secrecy: 'secret',
      method: 'electronic',
      items: waiting.map((decision) => ({ kind: 'approval' as const, title: confirmationTitle(decision.title), passingRule: 'all_majority' as const, majorityWording: rules.majorityWording })),
      deadlineAt: null,
    });
    for (const [index, decision] of waiting.entries()) {
      const itemId = ballot.items[index]!.id;
      await repository.linkConfirmation(inside.db, decision.id, ballot.id, itemId);
      // Each item confirms its decision and serves nothing else (no agenda amendment, no adoption).
      await recordBallotUse(inside.db, { ballotId: ballot.id, itemId, purpose: 'joint_confirmation', subjectId: decision.id, at: nowIso(context) });
    }
    await updateAgendaItemBySystem(inside, agendaItemId, { ballotId: ballot.id });
    await recordAudit(inside, actor, 'joint.confirmation-ballot-created', { meetingId, ballotId: ballot.id, detail: { agendaItemId, decisions: waiting.map((decision) => decision.id) } });
    return ballot;
  });
}

/** After a ballot is settled (closed, a manual result, published): its term's decisions follow. */
export function watchJointBallots(context: JointDeps): () => void {
  return context.events.subscribe((event) => {
    if (event.type !== 'ballot.closed' && event.type !== 'ballot.published') return;
    repository
      .termOfMeeting(context.db, event.meetingId)
      .then((termId) => (termId ? syncDecisions(context, termId) : undefined))
      .catch((error: unknown) => context.logger.error({ err: error, ballotId: event.ballotId }, 'joint decisions follow-up failed'));
  });
}
