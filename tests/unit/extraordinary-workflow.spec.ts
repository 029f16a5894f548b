// An extraordinary-session proposal's state machine, against cases written out by hand: who signs,
// convenes and withdraws, and what a move on a proposal that no longer collects answers.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { extraordinaryMachine } from '../../src/extraordinary/workflow.js';

function refusal(run: () => unknown): { code: string; details: unknown } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, details: error.details };
  }
}

describe('a proposal to convene an extraordinary session', () => {
  it.each([
    ['collecting', 'sign', 'representative', 'collecting'],
    ['collecting', 'unsign', 'representative', 'collecting'],
    ['collecting', 'convene', 'secretary', 'convened'],
    ['collecting', 'withdraw', 'secretary', 'withdrawn'],
  ] as const)('%s --%s--> by the %s lands in %s', (from, event, party, to) => {
    expect(extraordinaryMachine.next(from, event, [party])).toBe(to);
  });

  it.each([
    ['collecting', 'sign', 'secretary'],
    ['collecting', 'convene', 'representative'],
    ['collecting', 'withdraw', 'representative'],
  ] as const)('refuses %s --%s-- by the %s as FORBIDDEN', (from, event, party) => {
    expect(refusal(() => extraordinaryMachine.next(from, event, [party]))).toEqual({ code: 'FORBIDDEN', details: undefined });
  });

  it.each([
    ['convened', 'sign', 'representative'],
    ['convened', 'unsign', 'representative'],
    ['convened', 'convene', 'secretary'],
    ['convened', 'withdraw', 'secretary'],
    ['withdrawn', 'sign', 'representative'],
    ['withdrawn', 'convene', 'secretary'],
    ['withdrawn', 'withdraw', 'secretary'],
  ] as const)('refuses %s --%s-- as EXTRAORDINARY_NOT_COLLECTING naming the state', (from, event, party) => {
    expect(refusal(() => extraordinaryMachine.next(from, event, [party]))).toEqual({ code: 'EXTRAORDINARY_NOT_COLLECTING', details: { state: from } });
  });

  it('offers the secretary convene and withdraw while it collects, and nothing after', () => {
    expect(extraordinaryMachine.allowed('collecting', ['secretary'])).toEqual(['convene', 'withdraw']);
    expect(extraordinaryMachine.allowed('convened', ['secretary'])).toEqual([]);
    expect(extraordinaryMachine.allowed('withdrawn', ['representative'])).toEqual([]);
  });
});
