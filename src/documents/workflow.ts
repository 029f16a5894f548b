// The 二上二下 state machine of a document as one table: from → event → to, who may do it, and whether
// a written reason is required. A document's state is the phase of its current round (collecting,
// consolidating, responding) or what lies between rounds. Pure: the service computes the parties.
import { fail } from '../errors.js';

export const documentStates = ['drafting', 'collecting', 'consolidating', 'responding', 'revising', 'final', 'voting', 'approved', 'rejected'] as const;
export type DocumentState = (typeof documentStates)[number];

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

export const documentEvents = [
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
export type DocumentEvent = (typeof documentEvents)[number];

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
export const documentParties = ['secretary', 'drafter', 'representative', 'attendee', 'delegationLeader', 'system'] as const;
export type DocumentParty = (typeof documentParties)[number];

export interface DocumentTransition {
  from: DocumentState;
  event: DocumentEvent;
  to: DocumentState;
  parties: readonly DocumentParty[];
  note: 'required' | 'optional';
}

const SECRETARY = ['secretary'] as const;
const DRAFTERS = ['secretary', 'drafter'] as const;
const row = (from: DocumentState, event: DocumentEvent, to: DocumentState, parties: readonly DocumentParty[], note: 'required' | 'optional' = 'optional'): DocumentTransition => ({
  from,
  event,
  to,
  parties,
  note,
});

export const documentTransitions: readonly DocumentTransition[] = [
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

export function findTransition(state: DocumentState, event: DocumentEvent): DocumentTransition | undefined {
  return documentTransitions.find((entry) => entry.from === state && entry.event === event);
}

/**
 * The one place a move is checked. No row: DOCUMENT_STATE (409) naming the current state. A row
 * without the asker's parties: FORBIDDEN (403). A reason required and none given: DOCUMENT_NOTE_REQUIRED.
 */
export function nextDocumentState(state: DocumentState, event: DocumentEvent, parties: readonly DocumentParty[], note?: string | null): DocumentState {
  const transition = findTransition(state, event);
  if (!transition) fail('DOCUMENT_STATE', { state, stateZh: documentStateNames[state], event });
  if (!transition.parties.some((party) => parties.includes(party))) fail('FORBIDDEN', { state, event });
  if (transition.note === 'required' && !note?.trim()) fail('DOCUMENT_NOTE_REQUIRED', { event });
  return transition.to;
}

/** The events this asker may start from this state (what a page offers as buttons). */
export function allowedDocumentEvents(state: DocumentState, parties: readonly DocumentParty[]): DocumentEvent[] {
  return documentTransitions.filter((entry) => entry.from === state && entry.parties.some((party) => parties.includes(party))).map((entry) => entry.event);
}

/** What the server knows about the asker and the document, as plain data. */
export interface DocumentPartyFacts {
  asker:
    | { kind: 'account'; role: 'secretary' | 'committee' | 'scrutineer' | 'handler'; departmentId: string | null }
    | { kind: 'member'; role: 'representative' | 'attendee'; termId: string; leadsDelegation: boolean };
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
