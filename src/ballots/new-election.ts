// 另行选举: when an election leaves seats empty (too few candidates reached the line), a new draft
// ballot in the same meeting, with one election item among the candidates not elected, for the
// seats left and under the same rule. The draft is an ordinary one: it is edited, given tellers
// (never a candidate, src/presidium/teller-rule.ts), opened and counted like any other.
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { transact } from '../context.js';
import { fail } from '../errors.js';
import type { ElectionItem } from './kinds/election.js';
import { parseItems, type StoredResult } from './results.js';
import type { BallotItem, ItemResult } from './schemas.js';
import { type BallotDeps, createBallot, getBallot } from './service.js';
import { ballotMachine } from './workflow.js';

/** The longest ballot title (api-schemas.ts ballotInput) less the mark added here. */
const MARK = '(另行选举)';
const TITLE_MAX = 200 - MARK.length;

/**
 * The new election's item: the listed candidates not elected, for the seats left empty. Write-ins
 * who were not elected are not carried over (they were never put forward); with write-ins allowed,
 * they may be written in again. Without write-ins there were at least as many candidates as seats, so
 * those left are at least the seats left. With write-ins, every listed candidate elected and seats
 * still empty leaves nobody to list (NO_CANDIDATES_LEFT). Pure.
 */
export function newElectionItem(item: ElectionItem & { id: string }, result: ItemResult): Omit<ElectionItem, 'id'> {
  if (result.kind !== 'election') fail('NOT_AN_ELECTION');
  if (result.unfilledSeats < 1) fail('NO_EMPTY_SEATS', { runoff: result.runoff !== null });
  const elected = new Set(result.elected);
  const candidates = item.candidates.filter((candidate) => !elected.has(candidate.id));
  if (candidates.length === 0) fail('NO_CANDIDATES_LEFT');
  const { id: _id, ...rest } = item;
  return { ...rest, title: `${item.title}${MARK}`.slice(0, 500), seats: result.unfilledSeats, candidates };
}

/** From a counted ballot (closed or published) with empty seats on one of its election items. */
export async function createNewElection(context: BallotDeps, actor: AccountActor, ballotId: string, itemId: string) {
  return transact(context, async (inside) => {
    const ballot = await getBallot(inside, ballotId);
    // The same step as a re-vote: only the secretary, only from a counted ballot.
    ballotMachine.next(ballot.state, 'revote', [actor.role]);
    const items: BallotItem[] = parseItems(ballot);
    const index = items.findIndex((item) => item.id === itemId);
    const item = items[index];
    if (!item) fail('BALLOT_ITEM_NOT_FOUND');
    if (item.kind !== 'election') fail('NOT_AN_ELECTION');
    const stored = ballot.result ? (JSON.parse(ballot.result) as StoredResult) : null;
    const result = stored?.items[index];
    if (!result) fail('BALLOT_STATE', { state: ballot.state });
    const next = newElectionItem(item as ElectionItem & { id: string }, result);
    const created = await createBallot(inside, actor, ballot.meeting_id, {
      title: `${ballot.title.slice(0, TITLE_MAX)}${MARK}`,
      secrecy: ballot.secrecy,
      method: ballot.method,
      items: [next as BallotItem],
      deadlineAt: null,
      statutory: ballot.statutory === 1,
    });
    await recordAudit(inside, actor, 'ballot.new-election-created', {
      meetingId: ballot.meeting_id,
      ballotId: created.id,
      detail: { of: ballotId, itemId, seats: next.seats, candidates: next.candidates.map((candidate) => candidate.name) },
    });
    return created;
  });
}
