// An extraordinary-session proposal's state machine: collecting → convened or withdrawn. The table is
// the documentation: representatives sign and unsign while it collects (a petition's own rule,
// EXTRAORDINARY_NOT_PETITION, is the service's), the secretariat convenes or withdraws it.
import { defineMachine } from '../state-machine.js';
import { EXTRAORDINARY_PROPOSAL_STATES, type ExtraordinaryProposalState } from './schemas.js';

export const EXTRAORDINARY_EVENTS = ['sign', 'unsign', 'convene', 'withdraw'] as const;
export type ExtraordinaryEvent = (typeof EXTRAORDINARY_EVENTS)[number];
export type ExtraordinaryParty = 'representative' | 'secretary';

/** No row: EXTRAORDINARY_NOT_COLLECTING naming the current state. */
export const extraordinaryMachine = defineMachine<ExtraordinaryProposalState, ExtraordinaryEvent, ExtraordinaryParty>({
  states: EXTRAORDINARY_PROPOSAL_STATES,
  events: EXTRAORDINARY_EVENTS,
  parties: ['representative', 'secretary'],
  transitions: [
    { from: 'collecting', event: 'sign', to: 'collecting', parties: ['representative'] },
    { from: 'collecting', event: 'unsign', to: 'collecting', parties: ['representative'] },
    { from: 'collecting', event: 'convene', to: 'convened', parties: ['secretary'] },
    { from: 'collecting', event: 'withdraw', to: 'withdrawn', parties: ['secretary'] },
  ],
  wrongState: { code: 'EXTRAORDINARY_NOT_COLLECTING', details: (state) => ({ state }) },
});
