// A resolution's state, from the ballot item it was last put to: pure, so the console, the public
// result and the refusals all read it the same way.
import type { BallotState } from '../ballots/workflow.js';

export const RESOLUTION_STATES = ['draft', 'on_ballot', 'voting', 'adopted', 'not_adopted'] as const;
export type ResolutionState = (typeof RESOLUTION_STATES)[number];

/** What a settled vote made of it (resolution_vote.outcome): the one declaration of the enum. */
export const RESOLUTION_OUTCOMES = ['adopted', 'not_adopted'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export interface CurrentVote {
  ballotState: BallotState;
  /** Whether the item is still on the sheet (a draft's items may be edited away). */
  itemOnSheet: boolean;
  outcome: ResolutionOutcome | null;
}

/**
 * draft: on no ballot (or its draft ballot was deleted); on_ballot: an item of a draft ballot;
 * voting: the ballot opened and has no recorded outcome yet; adopted / not_adopted: settled.
 */
export function resolutionState(vote: CurrentVote | null): ResolutionState {
  if (!vote) return 'draft';
  if (vote.ballotState === 'draft') return vote.itemOnSheet ? 'on_ballot' : 'draft';
  return vote.outcome ?? 'voting';
}

/** The text may change only before any ballot carrying it opened: once frozen, always frozen (a re-vote included). */
export function mayEdit(state: ResolutionState, frozenAt: string | null): boolean {
  return frozenAt === null && (state === 'draft' || state === 'on_ballot');
}

/** It may be deleted, or put to a new ballot, only while on no ballot and never voted. */
export function mayPutToBallot(state: ResolutionState, frozenAt: string | null): boolean {
  return frozenAt === null && state === 'draft';
}

/** Which resolutions go into the session's paper: those adopted (the default), or every one voted on. */
export const RESOLUTION_PAPER_SCOPES = ['adopted', 'voted'] as const;
export type ResolutionPaperScope = (typeof RESOLUTION_PAPER_SCOPES)[number];

export function inPaper(state: ResolutionState, scope: ResolutionPaperScope): boolean {
  return state === 'adopted' || (scope === 'voted' && state === 'not_adopted');
}
