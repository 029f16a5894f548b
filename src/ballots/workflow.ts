// The ballot's state machine as a table: from → event → to, and who may do it. BALLOT_STATES,
// BALLOT_SECRECIES and BALLOT_METHODS are the one declaration of those enums (column types and the
// API derive from them; a test compares them with the migrations' CHECKs).
import { ACCOUNT_ROLES, type AccountRole } from '../actors.js';
import { defineMachine } from '../state-machine.js';

export const BALLOT_STATES = ['draft', 'open', 'closed', 'published'] as const;
export type BallotState = (typeof BALLOT_STATES)[number];
export const BALLOT_SECRECIES = ['secret', 'named'] as const;
export type BallotSecrecy = (typeof BALLOT_SECRECIES)[number];
export const BALLOT_METHODS = ['electronic', 'manual'] as const;
export type BallotMethod = (typeof BALLOT_METHODS)[number];

export const BALLOT_EVENTS = ['edit', 'delete', 'open', 'close', 'enterManualResult', 'publish', 'revote'] as const;
export type BallotEvent = (typeof BALLOT_EVENTS)[number];

/** An account's role, or the server itself (closing at the deadline). */
export type BallotParty = AccountRole | 'system';

const SECRETARY = ['secretary'] as const;

/** The next state, or an error naming the current state (BALLOT_STATE) or FORBIDDEN for the role. */
export const ballotMachine = defineMachine<BallotState, BallotEvent, BallotParty>({
  states: BALLOT_STATES,
  events: BALLOT_EVENTS,
  parties: [...ACCOUNT_ROLES, 'system'],
  transitions: [
    { from: 'draft', event: 'edit', to: 'draft', parties: SECRETARY },
    { from: 'draft', event: 'delete', to: 'draft', parties: SECRETARY },
    { from: 'draft', event: 'open', to: 'open', parties: SECRETARY },
    { from: 'draft', event: 'enterManualResult', to: 'closed', parties: SECRETARY },
    { from: 'open', event: 'close', to: 'closed', parties: ['secretary', 'scrutineer', 'system'] },
    { from: 'closed', event: 'publish', to: 'published', parties: SECRETARY },
    { from: 'closed', event: 'revote', to: 'closed', parties: SECRETARY },
    { from: 'published', event: 'revote', to: 'published', parties: SECRETARY },
  ],
  wrongState: { code: 'BALLOT_STATE', details: (state, event) => ({ state, event }) },
});
