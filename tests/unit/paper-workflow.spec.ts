// The paper count's state machine (纸电同步), every row and every move it refuses: the tellers
// count while the count is under way, a teller or the secretary finishes it, nothing moves before
// the ballot closes or after the count.
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ROLES } from '../../src/actors.js';
import { PAPER_COUNT_EVENTS, PAPER_COUNT_STATES, paperCountMachine, paperCountState } from '../../src/ballots/paper-workflow.js';
import { AppError } from '../../src/errors.js';

function refusal(run: () => unknown): { status: number; code: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.statusCode, code: error.code };
  }
}

describe('the paper count', () => {
  it('lets only the tellers count, and a teller or the secretary finish, while the count is under way', () => {
    for (const event of PAPER_COUNT_EVENTS) {
      for (const role of ACCOUNT_ROLES) {
        const allowed = event === 'finish' ? role === 'scrutineer' || role === 'secretary' : role === 'scrutineer';
        if (allowed) expect(paperCountMachine.next('counting', event, [role])).toBe(event === 'finish' ? 'counted' : 'counting');
        else expect(refusal(() => paperCountMachine.next('counting', event, [role]))).toEqual({ status: 403, code: 'FORBIDDEN' });
      }
    }
  });

  it('refuses every move before the close, without papers, and once counted', () => {
    for (const state of PAPER_COUNT_STATES.filter((state) => state !== 'counting')) {
      for (const event of PAPER_COUNT_EVENTS) expect(refusal(() => paperCountMachine.next(state, event, ['scrutineer']))).toEqual({ status: 409, code: 'PAPER_COUNT_STATE' });
    }
  });

  it('reads the state from the ballot and its count', () => {
    expect(paperCountState('draft', undefined)).toBe('voting');
    expect(paperCountState('open', undefined)).toBe('voting');
    expect(paperCountState('closed', undefined)).toBe('none');
    expect(paperCountState('published', undefined)).toBe('none');
    expect(paperCountState('closed', { counted_at: null })).toBe('counting');
    expect(paperCountState('published', { counted_at: '2026-12-04T10:00:00.000Z' })).toBe('counted');
  });
});
