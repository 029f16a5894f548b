// A resolution put to the vote: one approval item bound to it (resolution_vote, and the ballot-use
// ledger so the item decides nothing else), fixed once its ballot opens, adopted or not once the
// ballot is settled, with the result clause written from the tally. A re-vote of the ballot re-binds.
// The state follows the ballots on every read and after each ballot event (as the joint decisions do).
import { randomId } from '../access/codes.js';
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { ballotInput as ballotSheetInput } from '../ballots/api-schemas.js';
import { writeItemRows } from '../ballots/items.js';
import type { StoredResult } from '../ballots/results.js';
import { parseItems } from '../ballots/results.js';
import { ballotItemUse, createBallot, findBallot, recordBallotUse, releaseBallotUse, revotesOf, updateBallotInState } from '../ballots/service.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import type { BallotTable, ResolutionTable, ResolutionVoteTable } from '../db/database.js';
import { fail } from '../errors.js';
import { getMeeting } from '../meetings/service.js';
import { getTermRules } from '../roster/service.js';
import { getSession } from '../sessions/service.js';
import { currentVote, getResolutionRow, stateOf, textSha256 } from './current.js';
import { resultClause } from './drafting.js';
import * as repository from './repository.js';
import { mayPutToBallot } from './rules.js';
import type { PublicResolution, ResolutionBallotInput } from './schemas.js';

/** What the follow-up uses: the core and the logger (a failed follow-up is logged). */
export type ResolutionDeps = CoreContext & Pick<AppContext, 'logger'>;

/** A plenary sitting of the resolution's session, not closed: where it may be voted. */
async function plenaryOf(context: CoreContext, sessionId: string, meetingId: string) {
  const meeting = await getMeeting(context, meetingId);
  if (meeting.session_id !== sessionId || meeting.sitting !== 'plenary') fail('RESOLUTION_BALLOT_INVALID', { reason: 'not a plenary sitting of the session', meetingId });
  if (meeting.state === 'closed') fail('MEETING_STATE', { state: meeting.state });
  return meeting;
}

/** Adds the item to a draft ballot of such a sitting; returns its id. */
async function addToDraft(context: CoreContext, actor: AccountActor, sessionId: string, ballotId: string, item: Record<string, unknown>) {
  const ballot = (await findBallot(context.db, ballotId)) ?? fail('BALLOT_NOT_FOUND');
  await plenaryOf(context, sessionId, ballot.meeting_id);
  if (ballot.state !== 'draft') fail('RESOLUTION_BALLOT_INVALID', { reason: 'the ballot is not a draft', ballotId, state: ballot.state });
  const added = { ...item, id: randomId(context.random) };
  const items = [...parseItems(ballot), added] as ReturnType<typeof parseItems>;
  if (items.length > 50) fail('RESOLUTION_BALLOT_INVALID', { reason: 'a ballot sheet holds at most 50 items' });
  if (!(await updateBallotInState(context.db, ballot.id, 'draft', { items: JSON.stringify(items) }))) fail('BALLOT_STATE', { state: ballot.state });
  await writeItemRows(context.db, ballot.id, items);
  await recordAudit(context, actor, 'ballot.updated', { meetingId: ballot.meeting_id, ballotId: ballot.id, detail: { fields: ['items'] } });
  return { ballotId: ballot.id, meetingId: ballot.meeting_id, itemId: added.id };
}

/** 付诸表决: an approval item under the term's passing rule, in a new draft ballot or added to one. */
export async function putToBallot(context: CoreContext, actor: AccountActor, id: string, input: ResolutionBallotInput) {
  const placed = await transact(context, async (inside) => {
    await syncSession(inside, (await getResolutionRow(inside, id)).session_id);
    const row = await getResolutionRow(inside, id);
    const state = stateOf(await currentVote(inside, id));
    if (!mayPutToBallot(state, row.frozen_at)) fail('RESOLUTION_ON_BALLOT', { state });
    const session = await getSession(inside, row.session_id);
    const rules = await getTermRules(inside, session.term_id);
    const item = { kind: 'approval' as const, title: row.title, passingRule: 'all_majority' as const, majorityWording: rules.majorityWording };
    let where: { ballotId: string; meetingId: string; itemId: string };
    if (input.meetingId) {
      await plenaryOf(inside, row.session_id, input.meetingId);
      const sheet = ballotSheetInput.parse({ title: input.ballotTitle ?? row.title.slice(0, 200), secrecy: input.secrecy, method: input.method, items: [item] });
      const ballot = await createBallot(inside, actor, input.meetingId, sheet);
      where = { ballotId: ballot.id, meetingId: input.meetingId, itemId: ballot.items[0]!.id };
    } else where = await addToDraft(inside, actor, row.session_id, input.ballotId!, item);
    const at = nowIso(context);
    await bind(inside, row, where.ballotId, where.itemId, at);
    await recordAudit(inside, actor, 'resolution.put-to-vote', { meetingId: where.meetingId, ballotId: where.ballotId, detail: { sessionId: row.session_id, resolutionId: id, itemId: where.itemId } });
    return where;
  });
  context.events.publish({ type: 'ballot.updated', meetingId: placed.meetingId, ballotId: placed.ballotId });
}

/** One item decides one resolution once: its ledger row is claimed in the same transaction. */
async function bind(context: CoreContext, row: ResolutionTable, ballotId: string, itemId: string, at: string): Promise<void> {
  await repository.insertVote(context.db, { ballot_id: ballotId, item_id: itemId, resolution_id: row.id, bound_at: at, outcome: null, result_clause: null, settled_at: null });
  await recordBallotUse(context.db, { ballotId, itemId, purpose: 'resolution_adoption', subjectId: row.id, at });
}

/** While on a draft ballot, the item is named as the resolution is. */
export async function retitleItem(context: CoreContext, actor: AccountActor, ballot: BallotTable, vote: ResolutionVoteTable, title: string): Promise<void> {
  const items = parseItems(ballot).map((item) => (item.id === vote.item_id ? { ...item, title } : item));
  if (!(await updateBallotInState(context.db, ballot.id, 'draft', { items: JSON.stringify(items) }))) fail('RESOLUTION_FROZEN');
  await writeItemRows(context.db, ballot.id, items);
  await recordAudit(context, actor, 'ballot.updated', { meetingId: ballot.meeting_id, ballotId: ballot.id, detail: { fields: ['items'], resolutionId: vote.resolution_id } });
  context.events.publish({ type: 'ballot.updated', meetingId: ballot.meeting_id, ballotId: ballot.id });
}

/** What the settled ballot decided for the item: its outcome and result clause, or null while unsettled. */
async function settledOutcome(context: CoreContext, ballot: BallotTable, row: ResolutionTable, itemId: string) {
  if (!ballot.result || (ballot.state !== 'closed' && ballot.state !== 'published')) return null;
  const stored = JSON.parse(ballot.result) as StoredResult;
  const items = parseItems(ballot);
  const index = items.findIndex((item) => item.id === itemId);
  const item = items[index];
  const result = stored.items[index];
  if (item?.kind !== 'approval' || result?.kind !== 'approval') return null;
  // The hall voted on the words on the sheet: an item renamed on the ballot was not a vote on this text.
  if (item.title !== row.title) return { outcome: 'not_adopted' as const, clause: `表决事项“${item.title}”与本决议名称不符，本决议未经表决通过。` };
  const meeting = await getMeeting(context, ballot.meeting_id);
  const clause = resultClause({
    manualMethod: stored.manual ? (stored.manualMethod ?? 'show_of_hands') : null,
    secrecy: ballot.secrecy,
    eligible: stored.eligible,
    present: stored.present,
    counts: result.counts,
    passed: result.passed,
    passingRule: item.passingRule,
    majorityWording: item.majorityWording,
    baseLabel: result.baseLabel,
    staff: meeting.kind === 'general_assembly',
  });
  return { outcome: result.passed ? ('adopted' as const) : ('not_adopted' as const), clause };
}

/** Brings one resolution up to date with the ballot carrying it; each step writes once and audits. */
async function syncResolution(context: CoreContext, resolutionId: string): Promise<void> {
  const row = await getResolutionRow(context, resolutionId);
  const current = await currentVote(context, resolutionId);
  if (!current) return;
  const { ballot, vote } = current;
  const target = { meetingId: ballot.meeting_id, ballotId: ballot.id };
  if (ballot.state === 'draft') {
    // An item edited off its draft sheet leaves the resolution free again.
    if (!current.itemOnSheet) {
      await repository.deleteVote(context.db, ballot.id, vote.item_id);
      await releaseBallotUse(context.db, ballot.id, vote.item_id);
      await recordAudit(context, null, 'resolution.left-ballot', { ...target, detail: { sessionId: row.session_id, resolutionId, itemId: vote.item_id } });
    }
    return;
  }
  if (row.frozen_at === null && (await repository.freeze(context.db, resolutionId, ballot.opened_at ?? nowIso(context), textSha256(row)))) {
    await recordAudit(context, null, 'resolution.frozen', { ...target, detail: { sessionId: row.session_id, resolutionId, textSha256: textSha256(row) } });
  }
  if (vote.outcome === null) {
    const settled = await settledOutcome(context, ballot, row, vote.item_id);
    if (!settled) return;
    if (await repository.settleVote(context.db, ballot.id, vote.item_id, { outcome: settled.outcome, result_clause: settled.clause, settled_at: nowIso(context) })) {
      await recordAudit(context, null, settled.outcome === 'adopted' ? 'resolution.adopted' : 'resolution.not-adopted', {
        ...target,
        detail: { sessionId: row.session_id, resolutionId, resultClause: settled.clause },
      });
    }
  }
  // 重新表决: the re-vote's item in the same place on the copied sheet decides it now.
  const revote = (await revotesOf(context.db, ballot.id)).at(-1);
  const index = parseItems(ballot).findIndex((item) => item.id === vote.item_id);
  const item = revote ? parseItems(revote)[index] : undefined;
  if (!revote || item?.kind !== 'approval' || (await ballotItemUse(context.db, revote.id, item.id)) !== null) return;
  await bind(context, row, revote.id, item.id, nowIso(context));
  await recordAudit(context, null, 'resolution.rebound', {
    meetingId: revote.meeting_id,
    ballotId: revote.id,
    detail: { sessionId: row.session_id, resolutionId, itemId: item.id, revoteOf: ballot.id },
  });
  await syncResolution(context, resolutionId);
}

/** Brings a session's resolutions up to date, in the caller's transaction when there is one. */
export async function syncSession(context: CoreContext, sessionId: string): Promise<void> {
  const run = async (inside: CoreContext) => {
    for (const row of await repository.listResolutions(inside.db, sessionId)) await syncResolution(inside, row.id);
  };
  await (context.db.isTransaction ? run(context) : transact(context, run));
}

/** The resolutions a published ballot decided, with their full text: what its public result shows. Nothing before publication. */
export async function publishedResolutionsOfBallot(context: CoreContext, ballotId: string): Promise<PublicResolution[]> {
  const ballot = await findBallot(context.db, ballotId);
  if (ballot?.state !== 'published') return [];
  // Settled after each ballot event already; a read settles only what is still open (a follow-up that failed).
  const unsettled = (await repository.listVotesOfBallot(context.db, ballotId)).some((vote) => vote.outcome === null);
  const sessionId = unsettled ? await repository.sessionOfMeeting(context.db, ballot.meeting_id) : null;
  if (sessionId) await syncSession(context, sessionId);
  const shown: PublicResolution[] = [];
  for (const vote of await repository.listVotesOfBallot(context.db, ballotId)) {
    if (vote.outcome === null || vote.result_clause === null) continue;
    const row = await getResolutionRow(context, vote.resolution_id);
    shown.push({ id: row.id, itemId: vote.item_id, title: row.title, text: `${row.body}\n${vote.result_clause}`, outcome: vote.outcome, resultClause: vote.result_clause });
  }
  return shown;
}

/** After each ballot event of a session's sitting: its resolutions follow (frozen, settled, re-bound). */
export function watchResolutionBallots(context: ResolutionDeps): () => void {
  return context.events.subscribe((event) => {
    if (event.type !== 'ballot.opened' && event.type !== 'ballot.closed' && event.type !== 'ballot.published' && event.type !== 'ballot.updated') return;
    repository
      .sessionOfMeeting(context.db, event.meetingId)
      .then((sessionId) => (sessionId ? syncSession(context, sessionId) : undefined))
      .catch((error: unknown) => context.logger.error({ err: error, ballotId: event.ballotId }, 'resolutions follow-up failed'));
  });
}
