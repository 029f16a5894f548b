// The motion's state machine as one table: from → event → to, who may do it, and whether a written
// reason is required. Pure: the service computes the asker's parties and asks motionMachine.next.
// MOTION_STATES is the one declaration of a motion's states: the column type, the API's enum and
// the pages' labels derive from it; the SQL CHECK (a migration) is compared with it by a test.
import type { MemberRole } from '../actors.js';
import { defineMachine, type Transition } from '../state-machine.js';

export const MOTION_STATES = [
  'draft',
  'seconding',
  'review',
  'returned',
  'withdrawn',
  'not_accepted',
  'merged',
  'resolution',
  'accepted',
  'assigned',
  'replied',
  'rehandling',
  'rated',
  'resolved',
] as const;
export type MotionState = (typeof MOTION_STATES)[number];

export const motionStateNames: Record<MotionState, string> = {
  draft: '草稿',
  seconding: '征集附议',
  review: '待审查',
  returned: '退回修改',
  withdrawn: '已撤回',
  not_accepted: '不予立案',
  merged: '合并立案',
  resolution: '转为议案',
  accepted: '已立案待交办',
  assigned: '办理中',
  replied: '已答复',
  rehandling: '重新办理',
  rated: '待办结',
  resolved: '已办结',
};

export const MOTION_EVENTS = [
  'edit',
  'submit',
  'second',
  'secondersReached',
  'withdraw',
  'accept',
  'reject',
  'merge',
  'return',
  'resubmit',
  'escalate',
  'assign',
  'decline',
  'declineCoHandling',
  'extend',
  'reply',
  'rateSatisfied',
  'rateDissatisfied',
  'resolve',
] as const;
export type MotionEvent = (typeof MOTION_EVENTS)[number];

/**
 * Who may act on a motion, as seen from that motion:
 * - proposer: the representative who raised it (提案人);
 * - representative: another representative of the term who has not seconded it yet (附议人);
 * - committee: the motions committee (提案工作委员会), which the secretary also holds;
 * - secretary: the secretariat entering a paper motion's steps on the proposer's or a seconder's behalf (代录);
 * - leadHandler / coHandler: a handler of the lead (主办) or a co-handling (协办) department it is assigned to;
 * - system: the server itself (the seconder count reaching the setting).
 */
export const MOTION_PARTIES = ['proposer', 'representative', 'committee', 'secretary', 'leadHandler', 'coHandler', 'system'] as const;
export type MotionParty = (typeof MOTION_PARTIES)[number];

/** note 'required': the move needs a written reason (退回修改, 不予立案, 申请退回, 延期 …). */
export type MotionTransition = Transition<MotionState, MotionEvent, MotionParty>;

const PROPOSER = ['proposer', 'secretary'] as const;
const COMMITTEE = ['committee'] as const;

const motionTransitions: readonly MotionTransition[] = [
  { from: 'draft', event: 'edit', to: 'draft', parties: PROPOSER, note: 'optional' },
  { from: 'draft', event: 'submit', to: 'seconding', parties: PROPOSER, note: 'optional' },
  { from: 'draft', event: 'withdraw', to: 'withdrawn', parties: PROPOSER, note: 'optional' },
  { from: 'seconding', event: 'second', to: 'seconding', parties: ['representative', 'secretary'], note: 'optional' },
  { from: 'seconding', event: 'secondersReached', to: 'review', parties: ['system'], note: 'optional' },
  { from: 'seconding', event: 'withdraw', to: 'withdrawn', parties: PROPOSER, note: 'optional' },
  { from: 'seconding', event: 'reject', to: 'not_accepted', parties: COMMITTEE, note: 'required' },
  { from: 'review', event: 'withdraw', to: 'withdrawn', parties: PROPOSER, note: 'optional' },
  { from: 'review', event: 'accept', to: 'accepted', parties: COMMITTEE, note: 'optional' },
  { from: 'review', event: 'reject', to: 'not_accepted', parties: COMMITTEE, note: 'required' },
  { from: 'review', event: 'merge', to: 'merged', parties: COMMITTEE, note: 'optional' },
  { from: 'review', event: 'return', to: 'returned', parties: COMMITTEE, note: 'required' },
  { from: 'review', event: 'escalate', to: 'resolution', parties: COMMITTEE, note: 'optional' },
  { from: 'returned', event: 'edit', to: 'returned', parties: PROPOSER, note: 'optional' },
  { from: 'returned', event: 'resubmit', to: 'review', parties: PROPOSER, note: 'optional' },
  { from: 'returned', event: 'withdraw', to: 'withdrawn', parties: PROPOSER, note: 'optional' },
  { from: 'accepted', event: 'assign', to: 'assigned', parties: COMMITTEE, note: 'optional' },
  { from: 'assigned', event: 'assign', to: 'assigned', parties: COMMITTEE, note: 'optional' },
  { from: 'assigned', event: 'decline', to: 'accepted', parties: ['leadHandler'], note: 'required' },
  { from: 'assigned', event: 'declineCoHandling', to: 'assigned', parties: ['coHandler'], note: 'required' },
  { from: 'assigned', event: 'extend', to: 'assigned', parties: COMMITTEE, note: 'required' },
  { from: 'assigned', event: 'reply', to: 'replied', parties: ['leadHandler'], note: 'optional' },
  { from: 'replied', event: 'rateSatisfied', to: 'rated', parties: PROPOSER, note: 'optional' },
  { from: 'replied', event: 'rateDissatisfied', to: 'rehandling', parties: PROPOSER, note: 'optional' },
  { from: 'replied', event: 'resolve', to: 'resolved', parties: COMMITTEE, note: 'required' },
  { from: 'rehandling', event: 'extend', to: 'rehandling', parties: COMMITTEE, note: 'required' },
  { from: 'rehandling', event: 'reply', to: 'replied', parties: ['leadHandler'], note: 'optional' },
  { from: 'rehandling', event: 'resolve', to: 'resolved', parties: COMMITTEE, note: 'required' },
  { from: 'rated', event: 'resolve', to: 'resolved', parties: COMMITTEE, note: 'optional' },
];

/**
 * No row for (state, event): MOTION_STATE (409), naming the current state. A row, but none of the
 * asker's parties on it: FORBIDDEN (403). A row needing a reason and none given: MOTION_NOTE_REQUIRED (400).
 */
export const motionMachine = defineMachine({
  states: MOTION_STATES,
  events: MOTION_EVENTS,
  parties: MOTION_PARTIES,
  transitions: motionTransitions,
  wrongState: { code: 'MOTION_STATE', details: (state, event) => ({ state, stateZh: motionStateNames[state], event }) },
  forbiddenDetails: (state, event) => ({ state, event }),
  noteRequired: 'MOTION_NOTE_REQUIRED',
});

/** What the server knows about the asker and the motion, as plain data. */
export interface PartyFacts {
  asker: { kind: 'account'; role: 'secretary' | 'committee' | 'scrutineer' } | { kind: 'handler'; departmentId: string } | { kind: 'member'; memberId: string; role: MemberRole; termId: string };
  motion: {
    termId: string;
    proposerMemberId: string;
    seconderMemberIds: readonly string[];
    /** Entered on paper by the secretariat (代录). */
    onPaper: boolean;
    leadDepartmentId: string | null;
    coDepartmentIds: readonly string[];
  };
}

/** Which parties the asker fills for this motion. The secretary acts for people only on paper motions. */
export function partiesOf({ asker, motion }: PartyFacts): MotionParty[] {
  if (asker.kind === 'account') {
    if (asker.role === 'committee') return ['committee'];
    if (asker.role === 'secretary') return motion.onPaper ? ['committee', 'secretary'] : ['committee'];
    return [];
  }
  if (asker.kind === 'handler') {
    const parties: MotionParty[] = [];
    if (motion.leadDepartmentId === asker.departmentId) parties.push('leadHandler');
    if (motion.coDepartmentIds.includes(asker.departmentId)) parties.push('coHandler');
    return parties;
  }
  if (asker.termId !== motion.termId) return [];
  if (asker.memberId === motion.proposerMemberId) return ['proposer'];
  if (asker.role === 'representative' && !motion.seconderMemberIds.includes(asker.memberId)) return ['representative'];
  return [];
}

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** 满意 and 基本满意 let the committee resolve; 不满意 sends the motion back for re-handling. */
export function ratingEvent(rating: Rating): MotionEvent {
  return rating === 'dissatisfied' ? 'rateDissatisfied' : 'rateSatisfied';
}

/** States in which a department is working against a deadline (超期 is counted only here): those the lead department may reply from. */
export const handlingStates: readonly MotionState[] = motionMachine.statesWith('reply');
