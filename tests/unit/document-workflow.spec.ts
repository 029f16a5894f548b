// The 二上二下 state machine, checked against cases written out by hand from how a consultation runs
// (not read from the table under test): each move with a party allowed to make it, moves refused for
// the wrong party, in the wrong state or without a reason, and the parties each asker fills.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import {
  closingEvent,
  type DocumentEvent,
  type DocumentParty,
  type DocumentPartyFacts,
  type DocumentState,
  documentMachine,
  documentPartiesOf,
  nextDocumentState,
  roundNames,
} from '../../src/documents/workflow.js';

function refusal(run: () => unknown): { status: number; code: string; details: unknown } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.statusCode, code: error.code, details: error.details };
  }
}

const REASON = '表决未通过,按代表意见修改薪酬档次后重新征求意见';
const next = (state: DocumentState, event: DocumentEvent, party: DocumentParty, note: string | null = REASON) => documentMachine.next(state, event, [party], note);

describe('the moves a document may make', () => {
  it.each([
    ['drafting', 'edit', 'secretary', 'drafting'],
    ['drafting', 'saveDraft', 'drafter', 'drafting'],
    ['drafting', 'saveDraft', 'secretary', 'drafting'],
    ['drafting', 'issue', 'secretary', 'collecting'],
    ['collecting', 'extendDeadline', 'secretary', 'collecting'],
    ['collecting', 'submitOpinion', 'representative', 'collecting'],
    ['collecting', 'submitOpinion', 'attendee', 'collecting'],
    ['collecting', 'endCollection', 'secretary', 'consolidating'],
    ['consolidating', 'consolidate', 'delegationLeader', 'consolidating'],
    ['consolidating', 'consolidate', 'secretary', 'consolidating'],
    ['consolidating', 'endConsolidation', 'secretary', 'responding'],
    ['responding', 'respond', 'drafter', 'responding'],
    ['responding', 'closeRound', 'secretary', 'revising'],
    ['responding', 'closeFinalRound', 'secretary', 'final'],
    ['revising', 'edit', 'secretary', 'revising'],
    ['revising', 'saveDraft', 'drafter', 'revising'],
    ['revising', 'linkChanges', 'drafter', 'revising'],
    ['revising', 'issue', 'secretary', 'collecting'],
    ['final', 'edit', 'secretary', 'final'],
    ['final', 'saveDraft', 'drafter', 'final'],
    ['final', 'linkChanges', 'drafter', 'final'],
    ['final', 'putToVote', 'secretary', 'voting'],
    ['voting', 'ballotApproved', 'system', 'approved'],
    ['voting', 'ballotRejected', 'system', 'rejected'],
    ['voting', 'ballotWithdrawn', 'system', 'final'],
    ['rejected', 'startRound', 'secretary', 'revising'],
  ] as const)('%s --%s--> by %s lands in %s', (from, event, party, to) => {
    expect(next(from, event, party)).toBe(to);
  });

  it.each([
    ['drafting', 'edit', 'drafter'],
    ['drafting', 'issue', 'drafter'],
    ['collecting', 'submitOpinion', 'secretary'],
    ['collecting', 'submitOpinion', 'drafter'],
    ['collecting', 'endCollection', 'delegationLeader'],
    ['consolidating', 'consolidate', 'representative'],
    ['consolidating', 'consolidate', 'drafter'],
    ['responding', 'respond', 'secretary'],
    ['responding', 'respond', 'delegationLeader'],
    ['responding', 'closeRound', 'drafter'],
    ['revising', 'linkChanges', 'secretary'],
    ['final', 'putToVote', 'drafter'],
    ['voting', 'ballotApproved', 'secretary'],
    ['voting', 'ballotRejected', 'secretary'],
    ['voting', 'ballotWithdrawn', 'secretary'],
    ['rejected', 'startRound', 'drafter'],
  ] as const)('refuses %s --%s--> to %s with 403, naming the state and the move', (from, event, party) => {
    expect(refusal(() => next(from, event, party))).toEqual({ status: 403, code: 'FORBIDDEN', details: { state: from, event } });
  });

  it.each([
    ['drafting', 'submitOpinion', 'representative', '起草中'],
    ['drafting', 'putToVote', 'secretary', '起草中'],
    ['collecting', 'respond', 'drafter', '征求意见中'],
    ['consolidating', 'submitOpinion', 'attendee', '代表团汇总中'],
    ['responding', 'issue', 'secretary', '答复意见中'],
    ['revising', 'putToVote', 'secretary', '修改中'],
    ['final', 'issue', 'secretary', '待表决'],
    ['voting', 'edit', 'secretary', '表决中'],
    ['approved', 'startRound', 'secretary', '已通过'],
    ['approved', 'edit', 'secretary', '已通过'],
    ['rejected', 'putToVote', 'secretary', '未通过'],
  ] as const)('refuses %s --%s--> (by %s) with 409 naming the current state, %s', (state, event, party, stateZh) => {
    expect(refusal(() => next(state, event, party))).toEqual({ status: 409, code: 'DOCUMENT_STATE', details: { state, stateZh, event } });
  });

  it('asks for a written reason to send a rejected document back for another round, and for nothing else', () => {
    for (const note of [null, '', '  '])
      expect(refusal(() => next('rejected', 'startRound', 'secretary', note))).toEqual({ status: 400, code: 'DOCUMENT_NOTE_REQUIRED', details: { event: 'startRound' } });
    expect(next('drafting', 'issue', 'secretary', null)).toBe('collecting');
    expect(next('responding', 'closeRound', 'secretary', null)).toBe('revising');
    expect(next('final', 'putToVote', 'secretary', null)).toBe('voting');
  });

  it('answers the vote’s side by the same check (nextDocumentState)', () => {
    expect(nextDocumentState('final', 'putToVote', ['secretary'])).toBe('voting');
  });

  it('walks two rounds down and up, then the vote, along the rows', () => {
    const path: [DocumentEvent, DocumentParty][] = [
      ['issue', 'secretary'],
      ['submitOpinion', 'representative'],
      ['submitOpinion', 'attendee'],
      ['endCollection', 'secretary'],
      ['consolidate', 'delegationLeader'],
      ['endConsolidation', 'secretary'],
      ['respond', 'drafter'],
      ['closeRound', 'secretary'],
      ['saveDraft', 'drafter'],
      ['linkChanges', 'drafter'],
      ['issue', 'secretary'],
      ['submitOpinion', 'representative'],
      ['endCollection', 'secretary'],
      ['consolidate', 'secretary'],
      ['endConsolidation', 'secretary'],
      ['respond', 'drafter'],
      ['closeFinalRound', 'secretary'],
      ['putToVote', 'secretary'],
      ['ballotRejected', 'system'],
      ['startRound', 'secretary'],
    ];
    let state: DocumentState = 'drafting';
    const seen: string[] = [];
    for (const [event, party] of path) {
      state = next(state, event, party);
      seen.push(state);
    }
    expect(seen).toEqual([
      'collecting',
      'collecting',
      'collecting',
      'consolidating',
      'consolidating',
      'responding',
      'responding',
      'revising',
      'revising',
      'revising',
      'collecting',
      'collecting',
      'consolidating',
      'consolidating',
      'responding',
      'responding',
      'final',
      'voting',
      'rejected',
      'revising',
    ]);
  });

  it('leaves an approved document where it is: nothing moves it', () => {
    expect(documentMachine.allowed('approved', ['secretary', 'drafter', 'representative', 'attendee', 'delegationLeader', 'system'])).toEqual([]);
  });

  it('lets only the server record the ballot result', () => {
    for (const event of ['ballotApproved', 'ballotRejected'] as const) {
      expect(documentMachine.allowed('voting', ['secretary', 'drafter', 'representative', 'attendee', 'delegationLeader'])).not.toContain(event);
      expect(documentMachine.allowed('voting', ['system'])).toContain(event);
    }
  });
});

describe('who fills which party', () => {
  const document = { termId: 't3', draftingDepartmentId: 'hr' };
  const facts = (asker: DocumentPartyFacts['asker']): DocumentPartyFacts => ({ asker, document });

  it('makes the secretary both secretariat and drafter', () => {
    expect(documentPartiesOf(facts({ kind: 'account', role: 'secretary', departmentId: null }))).toEqual(['secretary', 'drafter']);
  });

  it('makes a handler of the drafting department a drafter, and of another department nothing', () => {
    expect(documentPartiesOf(facts({ kind: 'account', role: 'handler', departmentId: 'hr' }))).toEqual(['drafter']);
    expect(documentPartiesOf(facts({ kind: 'account', role: 'handler', departmentId: 'finance' }))).toEqual([]);
    expect(documentPartiesOf({ asker: { kind: 'account', role: 'handler', departmentId: 'hr' }, document: { termId: 't3', draftingDepartmentId: null } })).toEqual([]);
  });

  it('gives the motions committee and scrutineers no part in a consultation', () => {
    expect(documentPartiesOf(facts({ kind: 'account', role: 'committee', departmentId: null }))).toEqual([]);
    expect(documentPartiesOf(facts({ kind: 'account', role: 'scrutineer', departmentId: null }))).toEqual([]);
  });

  it('lets representatives and attendees of the term give opinions, and a leader consolidate too', () => {
    expect(documentPartiesOf(facts({ kind: 'member', role: 'representative', termId: 't3', leadsDelegation: false }))).toEqual(['representative']);
    expect(documentPartiesOf(facts({ kind: 'member', role: 'attendee', termId: 't3', leadsDelegation: false }))).toEqual(['attendee']);
    expect(documentPartiesOf(facts({ kind: 'member', role: 'representative', termId: 't3', leadsDelegation: true }))).toEqual(['representative', 'delegationLeader']);
    expect(documentMachine.allowed('collecting', ['attendee'])).toEqual(['submitOpinion']);
  });

  it('gives a member of another term nothing', () => {
    expect(documentPartiesOf(facts({ kind: 'member', role: 'representative', termId: 't4', leadsDelegation: true }))).toEqual([]);
  });
});

describe('rounds', () => {
  it('closes into revision before the last round and into the vote at it', () => {
    expect(closingEvent(1, 2)).toBe('closeRound');
    expect(closingEvent(2, 2)).toBe('closeFinalRound');
    expect(closingEvent(2, 3)).toBe('closeRound');
    expect(closingEvent(3, 3)).toBe('closeFinalRound');
  });

  it('names the rounds the way a congress does', () => {
    expect(roundNames(1)).toEqual({ down: '一下', up: '一上' });
    expect(roundNames(2)).toEqual({ down: '二下', up: '二上' });
    expect(roundNames(3)).toEqual({ down: '三下', up: '三上' });
  });
});
