// A resolution's row and the ballot item that carries it now, read together: what the service and
// the voting follow-up both decide from.
import { createHash } from 'node:crypto';
import { findBallot } from '../ballots/service.js';
import { parseItems } from '../ballots/results.js';
import type { AppContext } from '../context.js';
import type { ResolutionTable } from '../db/database.js';
import { fail } from '../errors.js';
import { frozenText } from './drafting.js';
import * as repository from './repository.js';
import { type ResolutionState, resolutionState } from './rules.js';

type Reader = Pick<AppContext, 'db'>;

export async function getResolutionRow(context: Reader, id: string): Promise<ResolutionTable> {
  return (await repository.findResolution(context.db, id)) ?? fail('RESOLUTION_NOT_FOUND');
}

/** SHA-256 (hex) of the frozen title and body. */
export function textSha256(resolution: Pick<ResolutionTable, 'title' | 'body'>): string {
  return createHash('sha256').update(frozenText(resolution)).digest('hex');
}

/** The item it is put to now (the last one bound), with that ballot's row; null when on none. */
export async function currentVote(context: Reader, resolutionId: string) {
  const vote = (await repository.listVotes(context.db, resolutionId)).at(-1);
  if (!vote) return null;
  const ballot = await findBallot(context.db, vote.ballot_id);
  if (!ballot) return null;
  return { vote, ballot, itemOnSheet: parseItems(ballot).some((item) => item.id === vote.item_id) };
}

/** The state from the row's current vote (see rules.ts). */
export function stateOf(current: Awaited<ReturnType<typeof currentVote>>): ResolutionState {
  return resolutionState(current && { ballotState: current.ballot.state, itemOnSheet: current.itemOnSheet, outcome: current.vote.outcome });
}
