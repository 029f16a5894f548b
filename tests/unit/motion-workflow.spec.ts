// The motion state machine, checked against cases written out by hand from the rules of 提案工作
// (not read from the table under test): every row of the table with a party allowed to make it, moves
// refused for the wrong party, in the wrong state or without a reason, and the parties each kind of
// asker fills.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { handlingStates, type MotionEvent, type MotionParty, type MotionState, motionMachine, type PartyFacts, partiesOf, ratingEvent } from '../../src/motions/workflow.js';

function refusal(run: () => unknown): { status: number; code: string; details: unknown } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.statusCode, code: error.code, details: error.details };
  }
}

const REASON = '与一事一案原则不符,请拆分后再提';
const next = (state: MotionState, event: MotionEvent, party: MotionParty, note: string | null = REASON) => motionMachine.next(state, event, [party], note);

describe('the moves a motion may make', () => {
  // (from, event, a party allowed to make it) → to: one line per row of 提案 work.
  it.each([
    ['draft', 'edit', 'proposer', 'draft'],
    ['draft', 'edit', 'secretary', 'draft'],
    ['draft', 'submit', 'proposer', 'seconding'],
    ['draft', 'submit', 'secretary', 'seconding'],
    ['draft', 'withdraw', 'proposer', 'withdrawn'],
    ['seconding', 'second', 'representative', 'seconding'],
    ['seconding', 'second', 'secretary', 'seconding'],
    ['seconding', 'secondersReached', 'system', 'review'],
    ['seconding', 'withdraw', 'proposer', 'withdrawn'],
    ['seconding', 'reject', 'committee', 'not_accepted'],
    ['review', 'withdraw', 'proposer', 'withdrawn'],
    ['review', 'accept', 'committee', 'accepted'],
    ['review', 'reject', 'committee', 'not_accepted'],
    ['review', 'merge', 'committee', 'merged'],
    ['review', 'return', 'committee', 'returned'],
    ['review', 'escalate', 'committee', 'resolution'],
    ['returned', 'edit', 'proposer', 'returned'],
    ['returned', 'resubmit', 'proposer', 'review'],
    ['returned', 'resubmit', 'secretary', 'review'],
    ['returned', 'withdraw', 'proposer', 'withdrawn'],
    ['accepted', 'assign', 'committee', 'assigned'],
    ['assigned', 'assign', 'committee', 'assigned'],
    ['assigned', 'decline', 'leadHandler', 'accepted'],
    ['assigned', 'declineCoHandling', 'coHandler', 'assigned'],
    ['assigned', 'extend', 'committee', 'assigned'],
    ['assigned', 'reply', 'leadHandler', 'replied'],
    ['replied', 'rateSatisfied', 'proposer', 'rated'],
    ['replied', 'rateDissatisfied', 'proposer', 'rehandling'],
    ['replied', 'resolve', 'committee', 'resolved'],
    ['rehandling', 'extend', 'committee', 'rehandling'],
    ['rehandling', 'reply', 'leadHandler', 'replied'],
    ['rehandling', 'resolve', 'committee', 'resolved'],
    ['rated', 'resolve', 'committee', 'resolved'],
  ] as const)('%s --%s--> by %s lands in %s', (from, event, party, to) => {
    expect(next(from, event, party)).toBe(to);
  });

  it.each([
    ['draft', 'submit', 'committee'],
    ['draft', 'submit', 'representative'],
    ['seconding', 'second', 'proposer'],
    ['seconding', 'second', 'committee'],
    ['seconding', 'secondersReached', 'committee'],
    ['seconding', 'reject', 'proposer'],
    ['review', 'accept', 'proposer'],
    ['review', 'accept', 'secretary'],
    ['review', 'withdraw', 'committee'],
    ['accepted', 'assign', 'leadHandler'],
    ['assigned', 'reply', 'coHandler'],
    ['assigned', 'reply', 'committee'],
    ['assigned', 'decline', 'coHandler'],
    ['assigned', 'declineCoHandling', 'leadHandler'],
    ['assigned', 'extend', 'leadHandler'],
    ['replied', 'rateSatisfied', 'committee'],
    ['replied', 'rateDissatisfied', 'representative'],
    ['replied', 'resolve', 'proposer'],
    ['rated', 'resolve', 'system'],
  ] as const)('refuses %s --%s--> to %s with 403, naming the state and the move', (from, event, party) => {
    expect(refusal(() => next(from, event, party))).toEqual({ status: 403, code: 'FORBIDDEN', details: { state: from, event } });
  });

  it.each([
    ['draft', 'accept', 'committee', '草稿'],
    ['draft', 'second', 'representative', '草稿'],
    ['seconding', 'submit', 'proposer', '征集附议'],
    ['review', 'assign', 'committee', '待审查'],
    ['returned', 'accept', 'committee', '退回修改'],
    ['accepted', 'reply', 'leadHandler', '已立案待交办'],
    ['assigned', 'resolve', 'committee', '办理中'],
    ['replied', 'reply', 'leadHandler', '已答复'],
    ['rehandling', 'rateSatisfied', 'proposer', '重新办理'],
    ['withdrawn', 'resubmit', 'proposer', '已撤回'],
    ['not_accepted', 'edit', 'proposer', '不予立案'],
    ['merged', 'withdraw', 'proposer', '合并立案'],
    ['resolution', 'accept', 'committee', '转为议案'],
    ['resolved', 'extend', 'committee', '已办结'],
  ] as const)('refuses %s --%s--> (by %s) with 409 naming the current state, %s', (state, event, party, stateZh) => {
    expect(refusal(() => next(state, event, party))).toEqual({ status: 409, code: 'MOTION_STATE', details: { state, stateZh, event } });
  });

  it.each([
    ['seconding', 'reject', 'committee'],
    ['review', 'reject', 'committee'],
    ['review', 'return', 'committee'],
    ['assigned', 'decline', 'leadHandler'],
    ['assigned', 'declineCoHandling', 'coHandler'],
    ['assigned', 'extend', 'committee'],
    ['rehandling', 'extend', 'committee'],
    ['replied', 'resolve', 'committee'],
    ['rehandling', 'resolve', 'committee'],
  ] as const)('asks for a written reason for %s --%s--> (by %s)', (state, event, party) => {
    for (const note of [null, '', '   ']) expect(refusal(() => next(state, event, party, note))).toEqual({ status: 400, code: 'MOTION_NOTE_REQUIRED', details: { event } });
  });

  it('needs no reason to accept, assign, reply or resolve a rated motion', () => {
    expect(next('review', 'accept', 'committee', null)).toBe('accepted');
    expect(next('accepted', 'assign', 'committee', null)).toBe('assigned');
    expect(next('assigned', 'reply', 'leadHandler', null)).toBe('replied');
    expect(next('rated', 'resolve', 'committee', null)).toBe('resolved');
  });

  it('checks the state before the party and the party before the reason', () => {
    expect(refusal(() => next('resolved', 'reject', 'proposer', null))).toMatchObject({ status: 409, code: 'MOTION_STATE' });
    expect(refusal(() => next('review', 'reject', 'proposer', null))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('counts a department as working on a motion (超期 possible) only while assigned or re-handling', () => {
    expect([...handlingStates].sort()).toEqual(['assigned', 'rehandling']);
  });
});

const motion: PartyFacts['motion'] = {
  termId: 'term-3',
  proposerMemberId: 'zhang',
  seconderMemberIds: ['li'],
  onPaper: false,
  leadDepartmentId: 'logistics',
  coDepartmentIds: ['finance'],
};

const askers: Record<string, PartyFacts['asker']> = {
  secretary: { kind: 'account', role: 'secretary' },
  committee: { kind: 'account', role: 'committee' },
  scrutineer: { kind: 'account', role: 'scrutineer' },
  'lead handler': { kind: 'handler', departmentId: 'logistics' },
  'co-handler': { kind: 'handler', departmentId: 'finance' },
  'handler of another department': { kind: 'handler', departmentId: 'security' },
  proposer: { kind: 'member', memberId: 'zhang', role: 'representative', termId: 'term-3' },
  'another representative': { kind: 'member', memberId: 'wang', role: 'representative', termId: 'term-3' },
  'a seconder already': { kind: 'member', memberId: 'li', role: 'representative', termId: 'term-3' },
  attendee: { kind: 'member', memberId: 'zhao', role: 'attendee', termId: 'term-3' },
  'a representative of another term': { kind: 'member', memberId: 'qian', role: 'representative', termId: 'term-4' },
};

describe('the parties each asker fills', () => {
  it.each([
    ['secretary', false, ['committee']],
    ['secretary', true, ['committee', 'secretary']],
    ['committee', true, ['committee']],
    ['scrutineer', true, []],
    ['lead handler', false, ['leadHandler']],
    ['co-handler', false, ['coHandler']],
    ['handler of another department', false, []],
    ['proposer', false, ['proposer']],
    ['another representative', false, ['representative']],
    ['a seconder already', false, []],
    ['attendee', false, []],
    ['a representative of another term', false, []],
  ] as const)('%s (paper motion: %s) → %j', (name, onPaper, parties) => {
    expect(partiesOf({ asker: askers[name]!, motion: { ...motion, onPaper } })).toEqual(parties);
  });

  it('lets the proposer, not the committee, submit, resubmit and withdraw; the secretary only for a paper motion', () => {
    const may = (name: string, onPaper: boolean, state: MotionState) => motionMachine.allowed(state, partiesOf({ asker: askers[name]!, motion: { ...motion, onPaper } }));
    expect(may('proposer', false, 'draft')).toEqual(['edit', 'submit', 'withdraw']);
    expect(may('secretary', false, 'draft')).toEqual([]);
    expect(may('secretary', true, 'draft')).toEqual(['edit', 'submit', 'withdraw']);
    expect(may('committee', true, 'draft')).toEqual([]);
    expect(may('proposer', false, 'returned')).toEqual(['edit', 'resubmit', 'withdraw']);
    expect(may('committee', false, 'review')).toEqual(['accept', 'reject', 'merge', 'return', 'escalate']);
  });

  it('lets another representative second, never the proposer, an attendee or someone who already seconded', () => {
    const seconds = (name: string) => motionMachine.allowed('seconding', partiesOf({ asker: askers[name]!, motion })).includes('second');
    expect(seconds('another representative')).toBe(true);
    for (const name of ['proposer', 'attendee', 'a seconder already', 'a representative of another term', 'committee']) expect(seconds(name), name).toBe(false);
  });

  it('lets only the lead department reply; a co-handler may only decline its part', () => {
    const events = (name: string, state: MotionState) => motionMachine.allowed(state, partiesOf({ asker: askers[name]!, motion }));
    expect(events('lead handler', 'assigned')).toEqual(['decline', 'reply']);
    expect(events('co-handler', 'assigned')).toEqual(['declineCoHandling']);
    expect(events('handler of another department', 'assigned')).toEqual([]);
    expect(events('lead handler', 'rehandling')).toEqual(['reply']);
    expect(events('committee', 'assigned')).toEqual(['assign', 'extend']);
  });

  it('sends a dissatisfied rating back for re-handling and lets the others through to resolution', () => {
    expect(ratingEvent('dissatisfied')).toBe<MotionEvent>('rateDissatisfied');
    expect(next('replied', ratingEvent('dissatisfied'), 'proposer')).toBe('rehandling');
    expect(next('replied', ratingEvent('basically_satisfied'), 'proposer')).toBe('rated');
    expect(next('replied', ratingEvent('satisfied'), 'proposer')).toBe('rated');
  });
});
