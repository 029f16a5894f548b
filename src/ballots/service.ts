// Ballot sheets through their life: draft → open → closed → published, re-votes and manual results.
import { randomId } from '../access/codes.js';
import type { AccountActor, Actor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import type { Kysely } from 'kysely';
import type { BallotTable, Database, MeetingTable } from '../db/database.js';
import { AppError, fail } from '../errors.js';
import { assertCanFollow, attendanceCounts, getMeeting } from '../meetings/service.js';
import type { BallotInput, BallotPatch, ManualResultInput } from './api-schemas.js';
import type { BallotItem } from './schemas.js';
import { keepIds, withNewIds, writeItemRows } from './items.js';
import { resultNotice } from './notice-paper.js';
import * as repository from './repository.js';
import * as papers from './paper-repository.js';
import { type Audience, manualResult, parseItems, presentBallot, type StoredResult, tallyBox } from './results.js';
import type { Electorate } from './rules.js';
import { scrubPendingBallots } from './scrub.js';
import { sealCount } from './seal.js';
import { assertTellersNotCandidates } from '../presidium/teller-rule.js';
import { ballotMachine } from './workflow.js';
import { type Awaiting, type Gate, isControlled, passGate, pendingConfirmations } from './confirmations.js';
import { agreedOpenOptions, type OpenOptions } from './two-person.js';
import type { BallotView } from './api-schemas.js';
import { getTermRules } from '../roster/service.js';
import { withJointDecisionRule } from '../joint/rules.js';

/** Who a meeting's ballots count against: the term's representatives, or a joint meeting's roll. */
async function eligibleOf(db: Kysely<Database>, meeting: MeetingTable): Promise<number> {
  return meeting.sitting === 'joint' ? repository.countJointEligible(db, meeting.id) : repository.countEligible(db, meeting.term_id);
}

/** A statutory matter (法定须经职代会审议通过的事项) is the congress's own: a joint meeting refuses it. */
function refuseStatutoryInJoint(meeting: MeetingTable, statutory: boolean): void {
  if (statutory && meeting.sitting === 'joint') fail('STATUTORY_MATTER');
}

/** What listing ballots with their turnout reads: the database, the open ballots and the kept views. */
export type BallotReadDeps = Pick<AppContext, 'db' | 'votes' | 'ballotViews'>;

/**
 * What the ballots service and routes use: the core, the vote queue and open-ballot registry, the
 * kept ballot views, deadlines and their timers, and for the scrub after a close the raw connection
 * and the logger.
 */
export type BallotDeps = CoreContext & Pick<AppContext, 'votes' | 'ballotViews' | 'deadlines' | 'timers' | 'sqlite' | 'logger' | 'jointRolls'>;

export async function getBallot(context: Pick<AppContext, 'db'>, ballotId: string): Promise<BallotTable> {
  return (await repository.findBallot(context.db, ballotId)) ?? fail('BALLOT_NOT_FOUND');
}

/**
 * Moves a ballot that was read in `from`, inside the caller's transaction; if it has moved on
 * meanwhile, nothing is written and the error names the state it is in now.
 */
async function moveBallot(context: BallotDeps, ballotId: string, from: BallotTable['state'], changes: Parameters<typeof repository.updateBallotInState>[3]): Promise<void> {
  if (await repository.updateBallotInState(context.db, ballotId, from, changes)) return;
  fail('BALLOT_STATE', { state: (await getBallot(context, ballotId)).state });
}

export function audienceOf(actor: Actor): Audience {
  return actor.kind === 'account' && (actor.role === 'secretary' || actor.role === 'scrutineer') ? 'officer' : 'public';
}

/** How many voted of how many may: null for a draft. */
export type Turnout = { voted: number; eligible: number } | null;

/** A ballot's turnout from its row or, open, from the vote queue's count in memory; undefined if it must be counted. */
function keptTurnout(context: Pick<AppContext, 'votes'>, ballot: BallotTable, eligible: number | undefined): Turnout | undefined {
  if (ballot.state === 'draft') return null;
  if (ballot.state !== 'open') return { voted: ballot.ballots_cast ?? 0, eligible: ballot.eligible ?? 0 };
  const voted = context.votes.openBallot(ballot.id)?.voted;
  return voted === undefined || eligible === undefined ? undefined : { voted, eligible };
}

export async function turnoutOf(context: Pick<AppContext, 'db' | 'votes'>, ballot: BallotTable, eligible?: number): Promise<Turnout> {
  const kept = keptTurnout(context, ballot, eligible);
  if (kept !== undefined) return kept;
  const voted = context.votes.openBallot(ballot.id)?.voted ?? (await repository.countParticipation(context.db, ballot.id));
  return { voted, eligible: eligible ?? (await eligibleOf(context.db, await getMeeting(context, ballot.meeting_id))) };
}

/** Officers see the halves of steps awaiting the other officer under two-person control. */
export async function viewBallot(context: Pick<AppContext, 'db' | 'votes'>, ballot: BallotTable, audience: Audience): Promise<BallotView> {
  const view = presentBallot(ballot, audience, await turnoutOf(context, ballot));
  return audience === 'officer' ? { ...view, pendingConfirmations: await pendingConfirmations(context, ballot.id) } : view;
}

/**
 * What open, close and publish answer: the ballot, and under two-person control (双人确认) while
 * the step waits for the other officer, what it waits for (the route answers 202).
 */
export interface StepOutcome {
  ballot: BallotView;
  awaiting?: Awaiting;
}

/** Who confirmed a step performed under two-person control, for its audit row. */
function confirmedDetail(gate: Gate): Record<string, unknown> {
  return gate.perform && gate.confirmedBy.length ? { confirmedBy: gate.confirmedBy } : {};
}

/**
 * A published result as the public notice shows it (表决结果公告), with its sitting: the one view of
 * GET /api/public/ballots/:id and of a session's public notice. Anything not published is not found.
 */
export async function publicResult(context: Pick<AppContext, 'db' | 'votes'>, ballot: BallotTable) {
  if (ballot.state !== 'published') fail('BALLOT_NOT_FOUND');
  const meeting = await getMeeting(context, ballot.meeting_id);
  return { ballot: await viewBallot(context, ballot, 'public'), meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind } };
}

/**
 * Drafts are the secretariat's working papers: only officers see them. `eligible` (the term's
 * representatives) when the caller already knows it: the snapshot takes it from the hall's figures.
 */
export async function listBallotsFor(context: BallotReadDeps, actor: Actor, meeting: MeetingTable, knownEligible?: number) {
  const { visible, turnouts } = await ballotsWithTurnout(context, actor, meeting, knownEligible);
  return visible.map(({ view }, index) => ({ ...view, turnout: turnouts[index]! }));
}

/**
 * The ballots `actor` sees, as kept in memory (`listed` is the same array until a ballot row
 * changes), and their turnout now, apart: a snapshot sent to a whole hall serializes them once.
 */
export async function ballotsWithTurnout(context: BallotReadDeps, actor: Actor, meeting: MeetingTable, knownEligible?: number) {
  assertCanFollow(actor, meeting);
  const audience = audienceOf(actor);
  const eligible = knownEligible ?? (await eligibleOf(context.db, meeting));
  const listed = await context.ballotViews.listOf(context.db, meeting.id, audience);
  const visible = audience === 'officer' ? listed : listed.filter(({ row }) => row.state !== 'draft');
  // Each phone of a reconnecting hall asks: from memory as a rule, without a promise per ballot.
  const kept = visible.map(({ row }) => keptTurnout(context, row, eligible));
  const turnouts = kept.includes(undefined) ? await Promise.all(visible.map(({ row }) => turnoutOf(context, row, eligible))) : (kept as Turnout[]);
  return { listed, audience, visible, turnouts };
}

/** A published ballot's notice as a paper, from its public view only (a secret ballot: counts only); BALLOT_NOT_FOUND otherwise, as the public result route answers. */
export async function publishedNotice(context: Pick<AppContext, 'db' | 'votes'>, ballotId: string) {
  const { ballot, meeting } = await publicResult(context, await getBallot(context, ballotId));
  return resultNotice(ballot, meeting);
}

export async function getBallotFor(context: BallotDeps, actor: Actor, ballotId: string) {
  const ballot = await getBallot(context, ballotId);
  const meeting = await getMeeting(context, ballot.meeting_id);
  assertCanFollow(actor, meeting);
  const audience = audienceOf(actor);
  if (ballot.state === 'draft' && audience !== 'officer') fail('BALLOT_NOT_FOUND');
  return viewBallot(context, ballot, audience);
}

/** A joint meeting decides by its own rule (the term's rules.joint.decision) unless an item names another: on a new sheet and on every edit of one. */
async function withMeetingRule<Item extends BallotItem>(context: Pick<CoreContext, 'db'>, meeting: MeetingTable, items: readonly Item[]): Promise<readonly Item[]> {
  return meeting.sitting === 'joint' ? withJointDecisionRule(items, (await getTermRules(context, meeting.term_id)).joint.decision) : items;
}

export async function createBallot(context: CoreContext, actor: AccountActor, meetingId: string, input: BallotInput, revoteOf: string | null = null) {
  const meeting = await getMeeting(context, meetingId);
  if (meeting.state === 'closed') fail('MEETING_STATE', { state: meeting.state });
  const statutory = input.statutory ?? false;
  refuseStatutoryInJoint(meeting, statutory);
  const given = await withMeetingRule(context, meeting, input.items);
  // Ids sent in are not kept: a new sheet (a re-vote's, a copy's) shares no item with another.
  const items = withNewIds(given, () => randomId(context.random));
  const row: BallotTable = {
    id: randomId(context.random),
    meeting_id: meetingId,
    title: input.title,
    secrecy: input.secrecy,
    method: input.method,
    state: 'draft',
    items: JSON.stringify(items),
    deadline_at: input.deadlineAt ?? null,
    revote_of: revoteOf,
    quorum_overridden: 0,
    eligible: null,
    present: null,
    ballots_cast: null,
    result: null,
    created_at: nowIso(context),
    opened_at: null,
    closed_at: null,
    published_at: null,
    statutory: statutory ? 1 : 0,
    final_hash: null,
  };
  // The sheet and its item rows together; the caller's transaction when there is one (a motion's or a document's).
  const write = async (inside: CoreContext) => {
    await repository.insertBallot(inside.db, row);
    await writeItemRows(inside.db, row.id, items);
  };
  await (context.db.isTransaction ? write(context) : transact(context, write));
  await recordAudit(context, actor, revoteOf ? 'ballot.revote-created' : 'ballot.created', { meetingId, ballotId: row.id, detail: { title: row.title, revoteOf } });
  context.events.publish({ type: 'ballot.updated', meetingId, ballotId: row.id });
  return presentBallot(row, 'officer', null);
}

export async function updateBallot(context: BallotDeps, actor: AccountActor, ballotId: string, patch: BallotPatch) {
  const ballot = await transact(context, async (inside) => {
    const current = await getBallot(inside, ballotId);
    ballotMachine.next(current.state, 'edit', [actor.role]);
    const meeting = await getMeeting(inside, current.meeting_id);
    if (patch.statutory) refuseStatutoryInJoint(meeting, true);
    // Papers issued belong to an electronic secret ballot: it stays one while they are out.
    if ((patch.method === 'manual' || patch.secrecy === 'named') && (await papers.countIssued(inside.db, ballotId)) > 0)
      fail('BALLOT_STATE', { state: current.state, reason: 'papers have been issued for this ballot' });
    const items = patch.items === undefined ? undefined : keepIds(parseItems(current), await withMeetingRule(inside, meeting, patch.items), () => randomId(context.random));
    // Only a draft is edited: an edit racing an open must not change an open ballot's items.
    await moveBallot(inside, ballotId, current.state, {
      ...(patch.title === undefined ? {} : { title: patch.title }),
      ...(patch.secrecy === undefined ? {} : { secrecy: patch.secrecy }),
      ...(patch.method === undefined ? {} : { method: patch.method }),
      ...(items === undefined ? {} : { items: JSON.stringify(items) }),
      ...(patch.deadlineAt === undefined ? {} : { deadline_at: patch.deadlineAt }),
      ...(patch.statutory === undefined ? {} : { statutory: patch.statutory ? 1 : 0 }),
    });
    if (items) await writeItemRows(inside.db, ballotId, items);
    // A teller is never a candidate in an election they count (issue 12): no edit may add one.
    if (items) await assertTellersNotCandidates(inside.db, ballotId, items);
    await recordAudit(inside, actor, 'ballot.updated', { meetingId: current.meeting_id, ballotId, detail: { fields: Object.keys(patch) } });
    return current;
  });
  context.events.publish({ type: 'ballot.updated', meetingId: ballot.meeting_id, ballotId });
  return viewBallot(context, await getBallot(context, ballotId), 'officer');
}

export async function deleteBallot(context: BallotDeps, actor: AccountActor, ballotId: string) {
  const ballot = await transact(context, async (inside) => {
    const current = await getBallot(inside, ballotId);
    ballotMachine.next(current.state, 'delete', [actor.role]);
    if (!(await repository.deleteBallotInState(inside.db, ballotId, current.state))) fail('BALLOT_STATE', { state: (await getBallot(inside, ballotId)).state });
    await recordAudit(inside, actor, 'ballot.deleted', { meetingId: current.meeting_id, ballotId, detail: { title: current.title } });
    return current;
  });
  context.events.publish({ type: 'ballot.updated', meetingId: ballot.meeting_id, ballotId });
}

/** setTimeout waits at most 2^31-1 ms (about 24.8 days); a later deadline is reached in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
/** A deadline close that failed for the server's reasons (a full disk) is tried again this often. */
const CLOSE_RETRY_MS = 5_000;

function armDeadline(context: BallotDeps, ballotId: string, deadlineAt: string | null, retryInMs?: number): void {
  if (!deadlineAt) return;
  const remaining = retryInMs ?? Math.max(0, Date.parse(deadlineAt) - context.clock().getTime());
  const cancel = context.timers.set(
    () => {
      context.deadlines.delete(ballotId);
      if (Date.parse(deadlineAt) > context.clock().getTime()) return armDeadline(context, ballotId, deadlineAt);
      closeBallot(context, null, ballotId).catch((error: unknown) => {
        context.logger.error({ err: error, ballotId }, 'auto-close failed');
        if (error instanceof AppError && error.code === 'CLOSE_FAILED') armDeadline(context, ballotId, deadlineAt, CLOSE_RETRY_MS);
      });
    },
    Math.min(remaining, LONGEST_TIMER_MS),
  );
  context.deadlines.set(ballotId, cancel);
}

export async function openBallot(context: BallotDeps, actor: AccountActor, ballotId: string, given: OpenOptions): Promise<StepOutcome> {
  // Of simultaneous opens only the first finds a draft: one open, one timer, one audit row.
  const outcome = await transact(context, async (inside) => {
    const current = await getBallot(inside, ballotId);
    const meetingRow = await getMeeting(inside, current.meeting_id);
    // Under two-person control the step is the pair's, the secretary's among them: the table checks the state.
    ballotMachine.next(current.state, 'open', [isControlled(meetingRow, current, 'open') ? 'secretary' : actor.role]);
    if (current.method === 'manual') fail('BALLOT_STATE', { state: current.state, reason: 'manual ballots take counts, not votes' });
    await assertTellersNotCandidates(inside.db, ballotId, parseItems(current));
    refuseStatutoryInJoint(meetingRow, current.statutory === 1);
    if (meetingRow.state !== 'in_session') fail('MEETING_NOT_IN_SESSION');
    // Opening past its deadline would close the ballot at once, and a closed ballot never reopens.
    if (current.deadline_at && Date.parse(current.deadline_at) <= context.clock().getTime()) fail('DEADLINE_PASSED', { deadlineAt: current.deadline_at });
    const gate = await passGate(inside, actor, current, meetingRow, 'open', given);
    // The second half opens with the first's options: a different quorum override (or reason) is refused.
    const options = gate.perform && gate.first ? (agreedOpenOptions(gate.first.options as unknown as OpenOptions, given) ?? fail('CONFIRMATION_OPTIONS_DIFFER', { first: gate.first.options })) : given;
    // A half is recorded only for an open that could happen now: a refusal rolls it back.
    const counts = await attendanceCounts(inside, meetingRow);
    if (!counts.quorum.reached && !options.overrideQuorum) fail('QUORUM_NOT_REACHED', { present: counts.present, required: counts.quorum.required });
    if (!gate.perform) return { awaiting: gate.awaiting };
    const overridden = !counts.quorum.reached;
    await moveBallot(inside, ballotId, current.state, { state: 'open', opened_at: nowIso(context), quorum_overridden: overridden ? 1 : 0 });
    await recordAudit(inside, actor, 'ballot.opened', {
      meetingId: meetingRow.id,
      ballotId,
      detail: {
        present: counts.present,
        eligible: counts.eligible,
        quorumRequired: counts.quorum.required,
        ...(overridden ? { quorumOverridden: true, reason: options.reason ?? '' } : {}),
        ...confirmedDetail(gate),
      },
    });
    // Papers issued while it was a draft: their holders take part on paper, never on a phone.
    const paperHolders = new Set(await papers.listPaperHolders(inside.db, ballotId));
    return { opened: { ballot: current, meeting: meetingRow, paperHolders } };
  });
  if (!outcome.opened) return { ballot: await viewBallot(context, await getBallot(context, ballotId), 'officer'), awaiting: outcome.awaiting };
  const { ballot, meeting, paperHolders } = outcome.opened;
  context.votes.registerOpen({
    id: ballotId,
    meetingId: meeting.id,
    termId: meeting.term_id,
    secrecy: ballot.secrecy,
    voted: 0,
    voters: new Set(paperHolders),
    paperHolders,
    joint: meeting.sitting === 'joint',
  });
  armDeadline(context, ballotId, ballot.deadline_at);
  context.events.publish({ type: 'ballot.opened', meetingId: meeting.id, ballotId });
  return { ballot: await viewBallot(context, await getBallot(context, ballotId), 'officer') };
}

export function electorateFor(meeting: MeetingTable, eligible: number, present: number, cast: number): Electorate {
  return { eligible, present, cast, body: meeting.sitting === 'joint' ? 'joint' : meeting.kind === 'general_assembly' ? 'staff' : 'representatives' };
}

/** A close that failed for a reason of the server's (a full disk, say) gets a code of its own. */
function closeFailure(context: BallotDeps, ballotId: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  context.logger.error({ err: error, ballotId }, 'closing the ballot failed; it stays open');
  const full = error instanceof Error && 'code' in error && error.code === 'SQLITE_FULL';
  return new AppError('CLOSE_FAILED', full ? { reason: 'storage full' } : undefined);
}

/**
 * Closing is all or nothing, and atomic with votes in flight: queued votes are committed first,
 * later ones wait; the tally, the new state, the secret ballot's rewrite in key order and the
 * scrub it owes commit in one transaction. If that fails the ballot is still open, the votes that
 * waited are counted, and a retry can succeed. The WAL is emptied after the commit (the scrub:
 * pending until it succeeds).
 */
export async function closeBallot(context: BallotDeps, actor: AccountActor | null, ballotId: string): Promise<StepOutcome> {
  const ballot = await getBallot(context, ballotId);
  ballotMachine.next(ballot.state, 'close', [actor?.role ?? 'system']);
  // Under two-person control a first half is recorded without holding the votes: only a call that
  // finds the other half goes on to close. The server's own close at the deadline needs no half:
  // both agreed to the deadline when the ballot opened. (The setting does not change while a ballot is open.)
  if (actor && isControlled(await getMeeting(context, ballot.meeting_id), ballot, 'close')) {
    const gate = await closeGate(context, actor, ballotId);
    if (!gate.perform) return { ballot: await viewBallot(context, await getBallot(context, ballotId), 'officer'), awaiting: gate.awaiting };
  }
  // Only the first of two simultaneous closes finds the ballot open and not already closing.
  if (!context.votes.beginClose(ballotId)) fail('BALLOT_STATE', { state: 'closed' });
  let closed: { meetingId: string } | { awaiting: Awaiting };
  try {
    closed = await transact(context, async (inside) => {
      const meeting = await getMeeting(inside, ballot.meeting_id);
      // Again, in the transaction that closes: the other half may have been withdrawn meanwhile.
      const gate = actor ? await passGate(inside, actor, ballot, meeting, 'close') : null;
      if (gate && !gate.perform) return { awaiting: gate.awaiting };
      const counts = await attendanceCounts(inside, meeting);
      const box = (await repository.listBoxAnswers(inside.db, ballotId)).map((row) => row.answers);
      const participation = await repository.countParticipation(inside.db, ballotId);
      // Paper holders take part too: their papers are counted by the tellers after the close.
      const issued = await papers.countIssued(inside.db, ballotId);
      if (participation !== box.length + issued) context.logger.error({ ballotId }, 'participation and ballot box disagree');
      const present = await repository.countPresentOrVoted(inside.db, ballotId, meeting.id, meeting.term_id, meeting.sitting === 'joint');
      // With papers out, the ballot is closed but not counted until the tellers finish (src/ballots/paper-service.ts).
      const result = issued > 0 ? null : tallyBox(parseItems(ballot), box, electorateFor(meeting, counts.eligible, present, box.length));
      await moveBallot(inside, ballotId, 'open', {
        state: 'closed',
        closed_at: nowIso(context),
        eligible: counts.eligible,
        present,
        ballots_cast: result ? box.length : null,
        result: result ? JSON.stringify(result) : null,
      });
      if (issued > 0) await papers.startCount(inside.db, ballotId);
      if (ballot.secrecy === 'secret') {
        await repository.rewriteInKeyOrder(inside.db, ballotId);
        await repository.markScrubPending(inside.db, ballotId);
      }
      // After the rewrite in key order (the seal reads the box as it now stays); before the state's own
      // audit row, so `ballot.closed` stays the newest entry of a close. With papers out there is no
      // count yet: the seal follows the tellers' count (src/ballots/paper-service.ts).
      if (issued === 0) await sealCount(inside, actor, ballotId);
      await recordAudit(inside, actor, 'ballot.closed', {
        meetingId: meeting.id,
        ballotId,
        detail: { cast: box.length, eligible: counts.eligible, ...(issued > 0 ? { papersIssued: issued } : {}), ...(gate ? confirmedDetail(gate) : {}) },
      });
      return { meetingId: meeting.id };
    });
  } catch (error) {
    context.votes.abortClose(ballotId);
    throw closeFailure(context, ballotId, error);
  }
  if ('awaiting' in closed) {
    context.votes.abortClose(ballotId);
    return { ballot: await viewBallot(context, await getBallot(context, ballotId), 'officer'), awaiting: closed.awaiting };
  }
  const { meetingId } = closed;
  context.votes.finishClose(ballotId);
  context.deadlines.get(ballotId)?.();
  context.deadlines.delete(ballotId);
  await scrubPendingBallots(context);
  context.events.publish({ type: 'ballot.closed', meetingId, ballotId });
  return { ballot: await viewBallot(context, await getBallot(context, ballotId), 'officer') };
}

/** Before holding the votes: records a first half of a controlled close, or says the close may go on. */
async function closeGate(context: BallotDeps, actor: AccountActor, ballotId: string): Promise<Gate> {
  return transact(context, async (inside) => {
    const current = await getBallot(inside, ballotId);
    if (current.state !== 'open') fail('BALLOT_STATE', { state: current.state });
    return passGate(inside, actor, current, await getMeeting(inside, current.meeting_id), 'close');
  });
}

export async function enterManualResult(context: BallotDeps, actor: AccountActor, ballotId: string, input: ManualResultInput) {
  const meetingId = await transact(context, async (inside) => {
    const ballot = await getBallot(inside, ballotId);
    ballotMachine.next(ballot.state, 'enterManualResult', [actor.role]);
    if (ballot.method !== 'manual') fail('BALLOT_STATE', { state: ballot.state, reason: 'only manual ballots take counts' });
    await assertTellersNotCandidates(inside.db, ballotId, parseItems(ballot));
    const meeting = await getMeeting(inside, ballot.meeting_id);
    refuseStatutoryInJoint(meeting, ballot.statutory === 1);
    const counts = await attendanceCounts(inside, meeting);
    const result = manualResult(parseItems(ballot), input, electorateFor(meeting, counts.eligible, input.present, input.cast));
    const at = nowIso(context);
    await moveBallot(inside, ballotId, ballot.state, {
      state: 'closed',
      opened_at: at,
      closed_at: at,
      eligible: counts.eligible,
      present: input.present,
      ballots_cast: input.cast,
      result: JSON.stringify(result),
    });
    await sealCount(inside, actor, ballotId);
    await recordAudit(inside, actor, 'ballot.manual-result', { meetingId: meeting.id, ballotId, detail: { method: input.method, present: input.present, cast: input.cast } });
    return meeting.id;
  });
  context.events.publish({ type: 'ballot.closed', meetingId, ballotId });
  return viewBallot(context, await getBallot(context, ballotId), 'officer');
}

export async function publishBallot(context: BallotDeps, actor: AccountActor, ballotId: string): Promise<StepOutcome> {
  const outcome = await transact(context, async (inside) => {
    const current = await getBallot(inside, ballotId);
    const meeting = await getMeeting(inside, current.meeting_id);
    // Under two-person control the step is the pair's, the secretary's among them: the table checks the state.
    ballotMachine.next(current.state, 'publish', [isControlled(meeting, current, 'publish') ? 'secretary' : actor.role]);
    // Closed with papers out but not yet counted: nothing to publish.
    if (current.result === null) fail('PAPER_COUNT_INCOMPLETE', { reason: 'the papers have not been counted' });
    const gate = await passGate(inside, actor, current, meeting, 'publish');
    if (!gate.perform) return { awaiting: gate.awaiting };
    await moveBallot(inside, ballotId, current.state, { state: 'published', published_at: nowIso(context) });
    await recordAudit(inside, actor, 'ballot.published', { meetingId: current.meeting_id, ballotId, ...(gate.confirmedBy.length ? { detail: confirmedDetail(gate) } : {}) });
    return { published: current };
  });
  if (outcome.published) context.events.publish({ type: 'ballot.published', meetingId: outcome.published.meeting_id, ballotId });
  return { ballot: await viewBallot(context, await getBallot(context, ballotId), 'officer'), ...(outcome.awaiting ? { awaiting: outcome.awaiting } : {}) };
}

export interface BallotOutcome {
  ballotId: string;
  meetingId: string;
  title: string;
  /** Counted (closed or published, by phones or by hand): the items below are final. */
  settled: boolean;
  manual: boolean;
  items: { id: string; title: string; kind: string; passed: boolean | null; elected: string[] | null }[];
}

/**
 * What a ballot decided, for what it decides elsewhere (an agenda adopted, a presidium elected, a
 * report adopted): per item, whether it passed (approval) and who was elected (election, candidate
 * ids by votes). Only counts, never a paper: a secret ballot stays secret.
 */
export async function ballotOutcome(context: Pick<AppContext, 'db'>, ballotId: string): Promise<BallotOutcome> {
  const ballot = await getBallot(context, ballotId);
  const stored = ballot.result && (ballot.state === 'closed' || ballot.state === 'published') ? (JSON.parse(ballot.result) as StoredResult) : null;
  return {
    ballotId: ballot.id,
    meetingId: ballot.meeting_id,
    title: ballot.title,
    settled: stored !== null,
    manual: stored?.manual ?? false,
    items: parseItems(ballot).map((item, index) => {
      const result = stored?.items[index];
      return {
        id: item.id,
        title: item.title,
        kind: item.kind,
        passed: result && 'passed' in result ? result.passed : null,
        elected: result && 'elected' in result ? result.elected : null,
      };
    }),
  };
}

export { type BallotUsePurpose, ballotItemUse, claimPassedApproval, recordBallotUse, releaseBallotUse } from './uses.js';

/** 重新表决: a new draft linked to the first; both results are kept. */
export async function createRevote(context: BallotDeps, actor: AccountActor, ballotId: string) {
  const ballot = await getBallot(context, ballotId);
  ballotMachine.next(ballot.state, 'revote', [actor.role]);
  return createBallot(
    context,
    actor,
    ballot.meeting_id,
    { title: `${ballot.title}(重新表决)`, secrecy: ballot.secrecy, method: ballot.method, items: parseItems(ballot), deadlineAt: null, statutory: ballot.statutory === 1 },
    ballot.id,
  );
}

/** At start: re-register open ballots and re-arm their deadlines (a passed deadline closes now). */
export async function restoreOpenBallots(context: BallotDeps): Promise<void> {
  for (const ballot of await repository.listOpenBallots(context.db)) {
    const voters = new Set(await repository.listVoters(context.db, ballot.id));
    const paperHolders = new Set(await papers.listPaperHolders(context.db, ballot.id));
    context.votes.registerOpen({
      id: ballot.id,
      meetingId: ballot.meeting_id,
      termId: ballot.term_id,
      secrecy: ballot.secrecy,
      voted: voters.size - paperHolders.size,
      voters,
      paperHolders,
      joint: ballot.sitting === 'joint',
    });
    armDeadline(context, ballot.id, ballot.deadline_at);
  }
}

/** A named (记名) ballot's votes, name by name, for officers once it has closed. Never for a secret ballot. */
export async function namedVotes(context: BallotDeps, ballotId: string) {
  const ballot = await getBallot(context, ballotId);
  if (ballot.secrecy !== 'named') fail('FORBIDDEN');
  if (ballot.state !== 'closed' && ballot.state !== 'published') fail('BALLOT_STATE', { state: ballot.state });
  const rows = await repository.listNamedVotes(context.db, ballotId);
  return rows.map((row) => ({ memberId: row.id, name: row.name, staffNumber: row.staff_number, answers: JSON.parse(row.answers) as unknown[] }));
}

// A document's articles are put to the vote as a ballot: the documents domain reads that ballot's
// row and edits its items while it is a draft through these, rather than through the repository.
// They take the database (or the transaction) first, like the repository functions they stand for.
export function findBallot(db: Kysely<Database>, ballotId: string) {
  return repository.findBallot(db, ballotId);
}

export function updateBallotInState(db: Kysely<Database>, ballotId: string, state: BallotTable['state'], changes: Partial<Omit<BallotTable, 'id' | 'meeting_id'>>): Promise<boolean> {
  return repository.updateBallotInState(db, ballotId, state, changes);
}

/** The re-votes (重新表决) made of a ballot, oldest first: what followed a vote that did not settle a matter. */
export function revotesOf(db: Kysely<Database>, ballotId: string) {
  return repository.listRevotesOf(db, ballotId);
}
