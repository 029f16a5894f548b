// The 二上二下 state machine: every row of the table, every move it does not allow, per party, and
// the parties each kind of asker fills for a document.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import {
  allowedDocumentEvents,
  closingEvent,
  type DocumentPartyFacts,
  documentEvents,
  documentParties,
  documentPartiesOf,
  documentStateNames,
  documentStates,
  documentTransitions,
  findTransition,
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

describe('every row of the document table', () => {
  it.each(documentTransitions.flatMap((row) => row.parties.map((party) => [row.from, row.event, party, row.to] as const)))('%s --%s--> by %s lands in %s', (from, event, party, to) => {
    expect(nextDocumentState(from, event, [party], REASON)).toBe(to);
  });

  it.each(documentTransitions.flatMap((row) => documentParties.filter((party) => !row.parties.includes(party)).map((party) => [row.from, row.event, party] as const)))(
    'refuses %s --%s--> to %s with 403',
    (from, event, party) => {
      expect(refusal(() => nextDocumentState(from, event, [party], REASON))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    },
  );

  it('refuses every move that has no row, for every party, with 409 naming the current state', () => {
    let checked = 0;
    for (const state of documentStates) {
      for (const event of documentEvents) {
        if (findTransition(state, event)) continue;
        for (const party of documentParties) {
          expect(refusal(() => nextDocumentState(state, event, [party], REASON))).toEqual({
            status: 409,
            code: 'DOCUMENT_STATE',
            details: { state, stateZh: documentStateNames[state], event },
          });
          checked++;
        }
      }
    }
    expect(checked).toBe((documentStates.length * documentEvents.length - documentTransitions.length) * documentParties.length);
  });

  it('asks for a written reason only to send a rejected document back for another round', () => {
    expect(documentTransitions.filter((row) => row.note === 'required').map((row) => `${row.from}:${row.event}`)).toEqual(['rejected:startRound']);
    expect(refusal(() => nextDocumentState('rejected', 'startRound', ['secretary'], '  '))).toMatchObject({ status: 400, code: 'DOCUMENT_NOTE_REQUIRED' });
  });

  it('has exactly one row per state and event, so a move always has one outcome', () => {
    const keys = documentTransitions.map((row) => `${row.from}:${row.event}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('walks two rounds down and up, then the vote, along the rows', () => {
    const path: [string, (typeof documentParties)[number]][] = [
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
    let state: (typeof documentStates)[number] = 'drafting';
    const seen: string[] = [];
    for (const [event, party] of path) {
      state = nextDocumentState(state, event as (typeof documentEvents)[number], [party], REASON);
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
    expect(allowedDocumentEvents('approved', documentParties)).toEqual([]);
  });

  it('lets only the server record the ballot result', () => {
    for (const event of ['ballotApproved', 'ballotRejected'] as const) {
      expect(findTransition('voting', event)?.parties).toEqual(['system']);
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
    expect(allowedDocumentEvents('collecting', ['attendee'])).toEqual(['submitOpinion']);
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
