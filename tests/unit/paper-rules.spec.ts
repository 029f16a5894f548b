// The combined count of paper and phones (纸电同步) at its edges, and what a teller's entry reads as.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { combineCount, contentKey, readPaper, totalsDiffer } from '../../src/ballots/paper-rules.js';
import { ballotItemSchema, type BallotItem, type ItemAnswer } from '../../src/ballots/rules.js';

const approval = ballotItemSchema.parse({ id: 'i1', kind: 'approval', title: '集体合同' }) as BallotItem;
const election = ballotItemSchema.parse({
  id: 'i2',
  kind: 'election',
  title: '补选委员',
  seats: 1,
  candidates: [
    { id: 'a', name: '张三' },
    { id: 'b', name: '李四' },
  ],
}) as BallotItem;

const phones = (answers: string[]) => answers.map((answer) => [answer as ItemAnswer]);

describe('combineCount', () => {
  it('adds returned papers to the phones, invalid ones cast but without an answer', () => {
    const count = combineCount(phones(['yes', 'no']), 3, 3, [{ answers: ['yes'] }, { invalid: 'blank' }, { invalid: 'blank' }]);
    expect(count).toMatchObject({ cast: 5, electronic: 2, void: false, papers: { issued: 3, returned: 3, valid: 1, invalid: 2, invalidReasons: { blank: 2 } } });
    expect(count.answers).toEqual([['yes'], ['no'], ['yes']]);
  });

  it('counts a paper issued but not returned as not cast', () => {
    expect(combineCount(phones(['yes']), 4, 1, [{ answers: ['no'] }])).toMatchObject({ cast: 2, papers: { issued: 4, returned: 1, valid: 1, invalid: 0 } });
  });

  it('counts none returned as phones only', () => {
    expect(combineCount(phones(['yes']), 2, 0, [])).toMatchObject({ cast: 1, papers: { returned: 0, valid: 0 }, void: false });
  });

  it('is void when one more paper comes back than was issued, and exactly as many is not', () => {
    expect(combineCount(phones(['yes']), 2, 2, [{ answers: ['yes'] }, { answers: ['yes'] }]).void).toBe(false);
    const voided = combineCount(phones(['yes']), 2, 3, []);
    expect(voided).toMatchObject({ void: true, cast: 4, answers: [], papers: { valid: 0, invalid: 0 } });
  });
});

describe('readPaper', () => {
  it('reads an unmarked item as a phone abstention, so a paper in the box looks like any vote', () => {
    expect(readPaper([approval, election], { answers: [null, null] })).toEqual({ answers: ['abstain', { candidateIds: [], writeIns: [] }] });
  });

  it('makes a paper marking more candidates than seats invalid, and refuses a typo by its code', () => {
    expect(readPaper([election], { answers: [{ candidateIds: ['a', 'b'], writeIns: [] }] })).toEqual({ invalid: 'too_many_marks' });
    expect(() => readPaper([approval], { answers: ['maybe'] })).toThrow(AppError);
    expect(() => readPaper([approval, election], { answers: ['yes'] })).toThrow(AppError);
  });

  it('compares two entries of one paper whatever the order of their marks', () => {
    const twoSeats = { ...election, seats: 2 } as BallotItem;
    const one = readPaper([twoSeats], { answers: [{ candidateIds: ['a', 'b'], writeIns: [] }] });
    const other = readPaper([twoSeats], { answers: [{ writeIns: [], candidateIds: ['b', 'a'] }] });
    expect(contentKey(one)).toBe(contentKey(other));
    expect(contentKey({ invalid: 'blank' })).not.toBe(contentKey({ invalid: 'unreadable' }));
  });
});

describe('totalsDiffer', () => {
  const contents = [{ answers: ['yes'] as ItemAnswer[] }, { answers: ['no'] as ItemAnswer[] }, { invalid: 'blank' as const }];
  it('agrees with hand counts that match the entries', () => {
    expect(totalsDiffer([approval], contents, { papers: 3, invalid: 1, items: [{ kind: 'approval', yes: 1, no: 1, abstain: 0 }] })).toEqual([]);
  });

  it('names the totals that differ, never the entries own', () => {
    expect(totalsDiffer([approval], contents, { papers: 4, invalid: 0, items: [{ kind: 'approval', yes: 2, no: 1, abstain: 0 }] })).toEqual(['papers', 'invalid', 'items.0']);
  });

  it('compares an election by votes and blanks', () => {
    const papers = [{ answers: [{ candidateIds: ['a'], writeIns: [] }] as ItemAnswer[] }, { answers: [{ candidateIds: [], writeIns: [] }] as ItemAnswer[] }];
    expect(totalsDiffer([election], papers, { papers: 2, invalid: 0, items: [{ kind: 'election', votes: { a: 1 }, blankBallots: 1 }] })).toEqual([]);
    expect(totalsDiffer([election], papers, { papers: 2, invalid: 0, items: [{ kind: 'election', votes: { b: 1 }, blankBallots: 1 }] })).toEqual(['items.0']);
  });
});
