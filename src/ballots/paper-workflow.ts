// The paper count's life as a table (纸电同步): a ballot with papers out is voting until it closes,
// then the tellers count (collect, batches, entries, checks), then the count is finished. Who may
// make each move: the tellers (scrutineer accounts) count; a teller or the secretary finishes.
import { ACCOUNT_ROLES, type AccountRole } from '../actors.js';
import { defineMachine } from '../state-machine.js';
import type { BallotState } from './workflow.js';

export const PAPER_COUNT_STATES = ['none', 'voting', 'counting', 'counted'] as const;
export type PaperCountState = (typeof PAPER_COUNT_STATES)[number];

export const PAPER_COUNT_EVENTS = ['collect', 'openBatch', 'enter', 'remove', 'check', 'confirmTotals', 'finish'] as const;
export type PaperCountEvent = (typeof PAPER_COUNT_EVENTS)[number];

const TELLERS = ['scrutineer'] as const;
const COUNTING_MOVES = ['collect', 'openBatch', 'enter', 'remove', 'check', 'confirmTotals'] as const;

const REASONS: Record<PaperCountState, string> = {
  none: 'no papers were issued',
  voting: 'the ballot has not closed',
  counting: 'the count is under way',
  counted: 'the count is finished',
};

export const paperCountMachine = defineMachine<PaperCountState, PaperCountEvent, AccountRole>({
  states: PAPER_COUNT_STATES,
  events: PAPER_COUNT_EVENTS,
  parties: ACCOUNT_ROLES,
  transitions: [
    ...COUNTING_MOVES.map((event) => ({ from: 'counting' as const, event, to: 'counting' as const, parties: TELLERS })),
    { from: 'counting', event: 'finish', to: 'counted', parties: ['scrutineer', 'secretary'] },
  ],
  wrongState: { code: 'PAPER_COUNT_STATE', details: (state) => ({ state, reason: REASONS[state] }) },
});

/**
 * Where a ballot's paper count stands, from the ballot's state and its count row: none without papers
 * once closed, voting while papers are out and the ballot not closed, then counting until finished.
 */
export function paperCountState(ballotState: BallotState, count: { counted_at: string | null } | undefined): PaperCountState {
  if (!count) return ballotState === 'draft' || ballotState === 'open' ? 'voting' : 'none';
  return count.counted_at ? 'counted' : 'counting';
}
