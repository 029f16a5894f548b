// The ballot's and the meeting's state machines, and the engine they share, checked against cases
// written out by hand: who opens, closes and publishes, and the error each wrong move answers.
import { describe, expect, it } from 'vitest';
import { ballotMachine } from '../../src/ballots/workflow.js';
import { AppError } from '../../src/errors.js';
import { meetingMachine } from '../../src/meetings/workflow.js';
import { defineMachine } from '../../src/state-machine.js';

function refusal(run: () => unknown): { status: number; code: string; details: unknown } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.statusCode, code: error.code, details: error.details };
  }
}

describe('a ballot', () => {
  it.each([
    ['draft', 'edit', 'secretary', 'draft'],
    ['draft', 'delete', 'secretary', 'draft'],
    ['draft', 'open', 'secretary', 'open'],
    ['draft', 'enterManualResult', 'secretary', 'closed'],
    ['open', 'close', 'secretary', 'closed'],
    ['open', 'close', 'scrutineer', 'closed'],
    ['open', 'close', 'system', 'closed'],
    ['closed', 'publish', 'secretary', 'published'],
    ['closed', 'revote', 'secretary', 'closed'],
    ['published', 'revote', 'secretary', 'published'],
  ] as const)('%s --%s--> by %s lands in %s', (from, event, party, to) => {
    expect(ballotMachine.next(from, event, [party])).toBe(to);
  });

  it.each([
    ['draft', 'open', 'scrutineer'],
    ['draft', 'open', 'committee'],
    ['open', 'close', 'handler'],
    ['open', 'close', 'committee'],
    ['closed', 'publish', 'scrutineer'],
    ['draft', 'edit', 'system'],
    ['closed', 'publish', 'system'],
  ] as const)('refuses %s --%s--> to %s with a bare 403', (from, event, party) => {
    expect(refusal(() => ballotMachine.next(from, event, [party]))).toEqual({ status: 403, code: 'FORBIDDEN', details: undefined });
  });

  it.each([
    ['open', 'edit'],
    ['open', 'open'],
    ['closed', 'close'],
    ['published', 'publish'],
    ['draft', 'close'],
    ['draft', 'publish'],
    ['open', 'delete'],
    ['draft', 'revote'],
  ] as const)('refuses %s --%s--> with 409 naming the state', (state, event) => {
    expect(refusal(() => ballotMachine.next(state, event, ['secretary']))).toEqual({ status: 409, code: 'BALLOT_STATE', details: { state, event } });
  });
});

describe('a meeting', () => {
  it('is opened and closed by the secretary, in that order', () => {
    expect(meetingMachine.next('draft', 'open', ['secretary'])).toBe('in_session');
    expect(meetingMachine.next('in_session', 'close', ['secretary'])).toBe('closed');
  });

  it.each([
    ['draft', 'close'],
    ['in_session', 'open'],
    ['closed', 'open'],
    ['closed', 'close'],
  ] as const)('refuses %s --%s--> with 409 naming the state', (state, event) => {
    expect(refusal(() => meetingMachine.next(state, event, ['secretary']))).toEqual({ status: 409, code: 'MEETING_STATE', details: { state } });
  });

  it('lets no other role open or close it', () => {
    for (const role of ['scrutineer', 'committee', 'handler'] as const) expect(refusal(() => meetingMachine.next('draft', 'open', [role]))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});

describe('the engine', () => {
  it('refuses a table with two rows for one state and event', () => {
    expect(() =>
      defineMachine({
        states: ['a', 'b'],
        events: ['go'],
        parties: ['anyone'],
        transitions: [
          { from: 'a', event: 'go', to: 'b', parties: ['anyone'] },
          { from: 'a', event: 'go', to: 'a', parties: ['anyone'] },
        ],
        wrongState: { code: 'VALIDATION_FAILED', details: () => undefined },
      }),
    ).toThrow(/two rows/);
  });

  it('lists the states an event leaves from, in the order the states are declared', () => {
    expect(ballotMachine.statesWith('revote')).toEqual(['closed', 'published']);
    expect(meetingMachine.statesWith('open')).toEqual(['draft']);
  });
});
