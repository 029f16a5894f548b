// Casting a vote, through HTTP or a socket alike: checks, then the group-commit queue; and receipts.
import { randomId } from '../access/codes.js';
import type { Actor } from '../actors.js';
import { requireMember } from '../access/permissions.js';
import type { AppContext } from '../context.js';
import { AppError, fail } from '../errors.js';
import { assertCanFollow, getMeeting } from '../meetings/service.js';
import type { CastInput } from './api-schemas.js';
import * as repository from './repository.js';
import { parseItems, type StoredResult } from './results.js';
import { type BallotItem, validateAnswer } from './rules.js';
import { type BallotDeps, getBallot } from './service.js';

const itemsCache = new Map<string, BallotItem[]>();

async function itemsOf(context: BallotDeps, ballotId: string): Promise<BallotItem[]> {
  const cached = itemsCache.get(ballotId);
  if (cached) return cached;
  const items = parseItems(await getBallot(context, ballotId));
  if (itemsCache.size > 1000) itemsCache.clear();
  itemsCache.set(ballotId, items);
  return items;
}

/** Why a ballot that is not in the open registry refuses votes. */
async function refusalFor(context: BallotDeps, actor: Actor, ballotId: string): Promise<never> {
  const ballot = await repository.findBallot(context.db, ballotId);
  if (!ballot) fail('BALLOT_NOT_FOUND');
  assertCanFollow(actor, await getMeeting(context, ballot.meeting_id));
  fail(ballot.state === 'draft' ? 'BALLOT_NOT_OPEN' : 'BALLOT_CLOSED');
}

/**
 * A representative's ballot paper. The receipt is the device's own random secret; it is stored in a
 * table of its own, beside neither the paper nor the representative. Resolves once the vote is durable.
 */
export async function castVote(context: BallotDeps, actor: Actor, ballotId: string, input: CastInput): Promise<{ ballotId: string; receipt: string; voted: number }> {
  const member = requireMember(actor, 'ballot.cast');
  const open = context.votes.openBallot(ballotId);
  if (!open) return refusalFor(context, actor, ballotId);
  if (open.termId !== member.termId) fail('FORBIDDEN');
  // The cheap refusals first: a repeat costs a set lookup, never a check of its answers.
  if (open.voters.has(member.memberId)) fail(open.paperHolders?.has(member.memberId) ? 'PAPER_ISSUED' : 'ALREADY_VOTED');
  // Only a joint meeting's ballot asks more: is the voter on its roll (kept in memory, exact after any change)?
  if (open.joint && !(await context.jointRolls.includes(context.db, open.meetingId, member.memberId))) fail('JOINT_NOT_ON_ROLL');
  const items = await itemsOf(context, ballotId);
  if (input.answers.length !== items.length) fail('INVALID_ANSWER', { reason: 'one answer per item' });
  const answers = items.map((item, index) => {
    const checked = validateAnswer(item, input.answers[index]);
    if (!checked.ok) throw new AppError(checked.code, { item: index });
    return checked.answer;
  });
  const { receipt } = input;
  await context.votes.enqueue({
    ballotId,
    meetingId: open.meetingId,
    memberId: member.memberId,
    ballotKey: randomId(context.random),
    receipt,
    answers: JSON.stringify(answers),
    namedMemberId: open.secrecy === 'named' ? member.memberId : null,
  });
  // The turnout with this vote in it, so the voter's phone counts it at once instead of waiting for
  // the next coalesced broadcast; it only grows while open, so the phone keeps the larger of the two.
  return { ballotId, receipt, voted: open.voted };
}

/** Lets a device that lost its acknowledgement ask whether its receipt is in the ballot box. */
export async function checkReceipt(context: BallotDeps, actor: Actor, ballotId: string, receipt: string): Promise<{ counted: boolean }> {
  const ballot = await getBallot(context, ballotId);
  assertCanFollow(actor, await getMeeting(context, ballot.meeting_id));
  return { counted: await repository.receiptInBox(context.db, ballotId, receipt) };
}

/**
 * After publication: every counted receipt, sorted, never with a choice, beside the number of
 * ballots cast as recorded at close, so anyone can check that the two agree.
 */
export async function publishedReceipts(context: BallotDeps, ballotId: string): Promise<{ ballotId: string; cast: number; electronic: number; receipts: string[] }> {
  const ballot = await getBallot(context, ballotId);
  if (ballot.state !== 'published') fail('NOT_PUBLISHED');
  const receipts = await repository.listReceipts(context.db, ballotId);
  // Paper ballots have no receipt: the list numbers the phones' ballots (electronic), of all cast.
  const stored = ballot.result ? (JSON.parse(ballot.result) as StoredResult) : null;
  const cast = ballot.ballots_cast ?? 0;
  return { ballotId, cast, electronic: stored?.electronic ?? cast, receipts };
}

/**
 * Which of these ballots the member has voted in: an open ballot knows its voters in memory (they
 * are committed votes, as in the table); only the others are asked of the database.
 */
export async function votedBallots(context: Pick<AppContext, 'db' | 'votes'>, memberId: string, ballots: { id: string }[]): Promise<string[]> {
  const stored: string[] = [];
  const voted = new Set<string>();
  for (const { id } of ballots) {
    const open = context.votes.openBallot(id);
    if (!open) stored.push(id);
    else if (open.voters.has(memberId)) voted.add(id);
  }
  for (const id of await repository.ballotsVotedBy(context.db, memberId, stored)) voted.add(id);
  return ballots.filter(({ id }) => voted.has(id)).map(({ id }) => id);
}

/**
 * Which of these open ballots the member holds a paper for (纸电同步): their phone says so instead of
 * offering a paper to fill in. From memory only: a snapshot costs no query for it.
 */
export function paperBallots(context: Pick<AppContext, 'votes'>, memberId: string, ballots: { id: string }[]): string[] {
  return ballots.filter(({ id }) => context.votes.openBallot(id)?.paperHolders?.has(memberId)).map(({ id }) => id);
}
