// The motion state machine: every row of the table, every move it does not allow, per party and
// per real role, and the parties each kind of asker fills.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import {
  allowedEvents,
  findTransition,
  type MotionEvent,
  motionEvents,
  type MotionParty,
  motionParties,
  type MotionState,
  motionStateNames,
  motionStates,
  motionTransitions,
  nextMotionState,
  type PartyFacts,
  partiesOf,
  ratingEvent,
} from '../../src/motions/workflow.js';

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

describe('every row of the motion table', () => {
  it.each(motionTransitions.flatMap((row) => row.parties.map((party) => [row.from, row.event, party, row.to] as const)))('%s --%s--> by %s lands in %s', (from, event, party, to) => {
    expect(nextMotionState(from, event, [party], REASON)).toBe(to);
  });

  it.each(motionTransitions.flatMap((row) => motionParties.filter((party) => !row.parties.includes(party)).map((party) => [row.from, row.event, party] as const)))(
    'refuses %s --%s--> to %s with 403',
    (from, event, party) => {
      expect(refusal(() => nextMotionState(from, event, [party], REASON))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    },
  );

  it('refuses every move that has no row, for every party, with 409 naming the current state', () => {
    let checked = 0;
    for (const state of motionStates) {
      for (const event of motionEvents) {
        if (findTransition(state, event)) continue;
        for (const party of motionParties) {
          expect(refusal(() => nextMotionState(state, event, [party], REASON))).toEqual({
            status: 409,
            code: 'MOTION_STATE',
            details: { state, stateZh: motionStateNames[state], event },
          });
          checked++;
        }
      }
    }
    expect(checked).toBe((motionStates.length * motionEvents.length - motionTransitions.length) * motionParties.length);
  });

  it('asks for a written reason where the table says so: not accepting, returning, declining, extending, resolving without a rating', () => {
    const required = motionTransitions.filter((row) => row.note === 'required');
    expect(required.map((row) => `${row.from}:${row.event}`).sort()).toEqual(
      ['assigned:decline', 'assigned:declineCoHandling', 'assigned:extend', 'rehandling:extend', 'rehandling:resolve', 'replied:resolve', 'review:reject', 'review:return', 'seconding:reject'].sort(),
    );
    for (const row of required) {
      expect(refusal(() => nextMotionState(row.from, row.event, row.parties, '   '))).toMatchObject({ status: 400, code: 'MOTION_NOTE_REQUIRED' });
    }
    expect(nextMotionState('rated', 'resolve', ['committee'])).toBe('resolved');
  });

  it('has exactly one row per state and event, so a move always has one outcome', () => {
    const keys = motionTransitions.map((row) => `${row.from}:${row.event}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('ends in withdrawn, not accepted, merged, a resolution motion or resolved, and nothing moves on from there', () => {
    const terminal: MotionState[] = ['withdrawn', 'not_accepted', 'merged', 'resolution', 'resolved'];
    for (const state of terminal) expect(motionTransitions.filter((row) => row.from === state)).toEqual([]);
    const reachable = new Set<MotionState>(['draft']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const row of motionTransitions) if (reachable.has(row.from) && !reachable.has(row.to)) grew = reachable.add(row.to).size > 0;
    }
    expect([...reachable].sort()).toEqual([...motionStates].sort());
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

  it('walks every state and event for every real asker: allowed exactly where the table names one of their parties', () => {
    for (const [name, asker] of Object.entries(askers)) {
      for (const onPaper of [false, true]) {
        const parties = partiesOf({ asker, motion: { ...motion, onPaper } });
        for (const state of motionStates) {
          for (const event of motionEvents) {
            const row = findTransition(state, event);
            const outcome = refusal(() => nextMotionState(state, event, parties, REASON));
            if (!row) expect(outcome, `${name} ${state} ${event}`).toMatchObject({ status: 409, code: 'MOTION_STATE' });
            else if (row.parties.some((party) => parties.includes(party))) expect(outcome, `${name} ${state} ${event}`).toBeNull();
            else expect(outcome, `${name} ${state} ${event}`).toMatchObject({ status: 403, code: 'FORBIDDEN' });
          }
        }
      }
    }
  });

  it('lets the proposer, not the committee, submit, resubmit and withdraw; the secretary only for a paper motion', () => {
    const may = (name: string, onPaper: boolean, state: MotionState) => allowedEvents(state, partiesOf({ asker: askers[name]!, motion: { ...motion, onPaper } }));
    expect(may('proposer', false, 'draft')).toEqual(['edit', 'submit', 'withdraw']);
    expect(may('secretary', false, 'draft')).toEqual([]);
    expect(may('secretary', true, 'draft')).toEqual(['edit', 'submit', 'withdraw']);
    expect(may('committee', true, 'draft')).toEqual([]);
    expect(may('proposer', false, 'returned')).toEqual(['edit', 'resubmit', 'withdraw']);
    expect(may('committee', false, 'review')).toEqual(['accept', 'reject', 'merge', 'return', 'escalate']);
  });

  it('lets another representative second, never the proposer, an attendee or someone who already seconded', () => {
    const seconds = (name: string) => allowedEvents('seconding', partiesOf({ asker: askers[name]!, motion })).includes('second');
    expect(seconds('another representative')).toBe(true);
    for (const name of ['proposer', 'attendee', 'a seconder already', 'a representative of another term', 'committee']) expect(seconds(name), name).toBe(false);
  });

  it('lets only the lead department reply; a co-handler may only decline its part', () => {
    const events = (name: string, state: MotionState) => allowedEvents(state, partiesOf({ asker: askers[name]!, motion }));
    expect(events('lead handler', 'assigned')).toEqual(['decline', 'reply']);
    expect(events('co-handler', 'assigned')).toEqual(['declineCoHandling']);
    expect(events('handler of another department', 'assigned')).toEqual([]);
    expect(events('lead handler', 'rehandling')).toEqual(['reply']);
    expect(events('committee', 'assigned')).toEqual(['assign', 'extend']);
  });

  it('sends a dissatisfied rating back for re-handling and lets the others through to resolution', () => {
    expect(ratingEvent('dissatisfied')).toBe<MotionEvent>('rateDissatisfied');
    expect(nextMotionState('replied', ratingEvent('dissatisfied'), ['proposer'])).toBe('rehandling');
    expect(nextMotionState('replied', ratingEvent('basically_satisfied'), ['proposer'])).toBe('rated');
    expect(nextMotionState('replied', ratingEvent('satisfied'), ['proposer'])).toBe('rated');
  });

  it('names every state in Chinese and every party in the table is a known one', () => {
    for (const state of motionStates) expect(motionStateNames[state]).toMatch(/\p{Script=Han}/u);
    const used = new Set<MotionParty>(motionTransitions.flatMap((row) => row.parties));
    expect([...used].sort()).toEqual([...motionParties].sort());
  });
});
