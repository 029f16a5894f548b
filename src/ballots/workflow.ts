// The ballot's state machine as a table: from → event → to, and who may do it.
import type { AccountRole } from '../actors.js';
import { fail } from '../errors.js';

export type BallotState = 'draft' | 'open' | 'closed' | 'published';
export type BallotEvent = 'edit' | 'delete' | 'open' | 'close' | 'enterManualResult' | 'publish' | 'revote';

export interface BallotTransition {
  from: BallotState;
  event: BallotEvent;
  to: BallotState;
  roles: readonly AccountRole[];
}

export const ballotTransitions: readonly BallotTransition[] = [
  { from: 'draft', event: 'edit', to: 'draft', roles: ['secretary'] },
  { from: 'draft', event: 'delete', to: 'draft', roles: ['secretary'] },
  { from: 'draft', event: 'open', to: 'open', roles: ['secretary'] },
  { from: 'draft', event: 'enterManualResult', to: 'closed', roles: ['secretary'] },
  { from: 'open', event: 'close', to: 'closed', roles: ['secretary', 'scrutineer'] },
  { from: 'closed', event: 'publish', to: 'published', roles: ['secretary'] },
  { from: 'closed', event: 'revote', to: 'closed', roles: ['secretary'] },
  { from: 'published', event: 'revote', to: 'published', roles: ['secretary'] },
];

/** The next state, or a clear error naming the current state (BALLOT_STATE) or the role (FORBIDDEN). */
export function nextBallotState(state: BallotState, event: BallotEvent, role: AccountRole | 'system'): BallotState {
  const transition = ballotTransitions.find((row) => row.from === state && row.event === event);
  if (!transition) fail('BALLOT_STATE', { state, event });
  if (role !== 'system' && !transition.roles.includes(role)) fail('FORBIDDEN');
  return transition.to;
}
