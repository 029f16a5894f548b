// The 二上二下 state machine of a document as one table: from → event → to, who may do it, and whether
// a written reason is required. A document's state is the phase of its current round (collecting,
// consolidating, responding) or what lies between rounds. Pure: the service computes the parties.
// DOCUMENT_STATES and DOCUMENT_KINDS are the one declaration of those enums (column types and the
// API derive from them; a test compares them with the migrations' CHECKs).
import type { MemberRole } from '../actors.js';
import { defineMachine, type Transition } from '../state-machine.js';

export const DOCUMENT_KINDS = ['collective_contract', 'rules', 'pay_scheme', 'reform_plan', 'implementing_opinions', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATES = ['drafting', 'collecting', 'consolidating', 'responding', 'revising', 'final', 'voting', 'approved', 'rejected'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export const documentStateNames: Record<DocumentState, string> = {
  drafting: '起草中',
  collecting: '征求意见中',
  consolidating: '代表团汇总中',
  responding: '答复意见中',
  revising: '修改中',
  final: '待表决',
  voting: '表决中',
  approved: '已通过',
  rejected: '未通过',
};

export const DOCUMENT_EVENTS = [
  'edit',
  'saveDraft',
  'issue',
  'extendDeadline',
  'submitOpinion',
  'endCollection',
  'consolidate',
  'endConsolidation',
  'respond',
  'closeRound',
  'closeFinalRound',
  'linkChanges',
  'putToVote',
  'ballotApproved',
  'ballotRejected',
  'ballotWithdrawn',
  'startRound',
] as const;
export type DocumentEvent = (typeof DOCUMENT_EVENTS)[number];

/**
 * Who may act on a document, as seen from that document:
 * - secretary: the secretariat (秘书处), which runs the rounds and puts the document to the vote;
 * - drafter: the drafting department (起草部门): handler accounts of the document's department, and
 *   the secretary, who always holds it (many units' union office drafts, or types in the answers);
 * - representative / attendee: a representative or an attendee (列席代表) of the document's term.
 *   Attendees may speak, so they may give opinions; they never vote;
 * - delegationLeader: a delegation leader (团长) of the term, consolidating their delegation (一上/二上);
 * - system: the server itself (the published ballot result, or the ballot withdrawn before it opened).
 */
export const DOCUMENT_PARTIES = ['secretary', 'drafter', 'representative', 'attendee', 'delegationLeader', 'system'] as const;
export type DocumentParty = (typeof DOCUMENT_PARTIES)[number];

export type DocumentTransition = Transition<DocumentState, DocumentEvent, DocumentParty>;

const SECRETARY = ['secretary'] as const;
const DRAFTERS = ['secretary', 'drafter'] as const;
const row = (from: DocumentState, event: DocumentEvent, to: DocumentState, parties: readonly DocumentParty[], note: 'required' | 'optional' = 'optional'): DocumentTransition => ({
  from,
  event,
  to,
  parties,
  note,
});

const documentTransitions: readonly DocumentTransition[] = [
  row('drafting', 'edit', 'drafting', SECRETARY),
  row('drafting', 'saveDraft', 'drafting', DRAFTERS),
  row('drafting', 'issue', 'collecting', SECRETARY),
  row('collecting', 'extendDeadline', 'collecting', SECRETARY),
  row('collecting', 'submitOpinion', 'collecting', ['representative', 'attendee']),
  row('collecting', 'endCollection', 'consolidating', SECRETARY),
  row('consolidating', 'consolidate', 'consolidating', ['delegationLeader', 'secretary']),
  row('consolidating', 'endConsolidation', 'responding', SECRETARY),
  row('responding', 'respond', 'responding', ['drafter']),
  row('responding', 'closeRound', 'revising', SECRETARY),
  row('responding', 'closeFinalRound', 'final', SECRETARY),
  row('revising', 'edit', 'revising', SECRETARY),
  row('revising', 'saveDraft', 'revising', DRAFTERS),
  row('revising', 'linkChanges', 'revising', ['drafter']),
  row('revising', 'issue', 'collecting', SECRETARY),
  row('final', 'edit', 'final', SECRETARY),
  row('final', 'saveDraft', 'final', DRAFTERS),
  row('final', 'linkChanges', 'final', ['drafter']),
  row('final', 'putToVote', 'voting', SECRETARY),
  row('voting', 'ballotApproved', 'approved', ['system']),
  row('voting', 'ballotRejected', 'rejected', ['system']),
  // The draft ballot was deleted or its item removed before opening: the document waits for the vote again.
  row('voting', 'ballotWithdrawn', 'final', ['system']),
  row('rejected', 'startRound', 'revising', SECRETARY, 'required'),
];

/**
 * No row: DOCUMENT_STATE (409) naming the current state. A row without the asker's parties:
 * FORBIDDEN (403). A reason required and none given: DOCUMENT_NOTE_REQUIRED.
 */
export const documentMachine = defineMachine({
  states: DOCUMENT_STATES,
  events: DOCUMENT_EVENTS,
  parties: DOCUMENT_PARTIES,
  transitions: documentTransitions,
  wrongState: { code: 'DOCUMENT_STATE', details: (state, event) => ({ state, stateZh: documentStateNames[state], event }) },
  forbiddenDetails: (state, event) => ({ state, event }),
  noteRequired: 'DOCUMENT_NOTE_REQUIRED',
});

/** Kept by this name for the vote's side (src/documents/voting.ts): the machine's own check. */
export const nextDocumentState = documentMachine.next;

/** What the server knows about the asker and the document, as plain data. */
export interface DocumentPartyFacts {
  asker: { kind: 'account'; role: 'secretary' | 'committee' | 'scrutineer' | 'handler'; departmentId: string | null } | { kind: 'member'; role: MemberRole; termId: string; leadsDelegation: boolean };
  document: { termId: string; draftingDepartmentId: string | null };
}

export function documentPartiesOf({ asker, document }: DocumentPartyFacts): DocumentParty[] {
  if (asker.kind === 'account') {
    if (asker.role === 'secretary') return ['secretary', 'drafter'];
    if (asker.role === 'handler' && asker.departmentId !== null && asker.departmentId === document.draftingDepartmentId) return ['drafter'];
    return [];
  }
  if (asker.termId !== document.termId) return [];
  const parties: DocumentParty[] = [asker.role];
  if (asker.leadsDelegation) parties.push('delegationLeader');
  return parties;
}

/** Closing the round that the setting says is the last one leads to the vote; any other leads to revision. */
export function closingEvent(roundNumber: number, roundsPlanned: number): DocumentEvent {
  return roundNumber >= roundsPlanned ? 'closeFinalRound' : 'closeRound';
}

/** 一下/一上, 二下/二上 …: the words for a round going down and coming up. */
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function roundNames(roundNumber: number): { down: string; up: string } {
  const numeral = NUMERALS[roundNumber - 1] ?? String(roundNumber);
  return { down: `${numeral}下`, up: `${numeral}上` };
}
