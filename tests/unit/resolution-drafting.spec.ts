// A resolution's words from the session's figures (src/resolutions/drafting.ts) and its state from
// the ballot carrying it (src/resolutions/rules.ts): pure, so every figure is checked exactly.
import { describe, expect, it } from 'vitest';
import { chineseDate, congressName, type DraftFigures, documentSubject, draftBody, resultClause, resolutionTitle, type TallyFigures } from '../../src/resolutions/drafting.js';
import { mayEdit, mayPutToBallot, resolutionState } from '../../src/resolutions/rules.js';

const heading = { termNumber: 3, sessionNumber: 2, extraordinary: false };

const figures = (overrides: Partial<DraftFigures> = {}): DraftFigures => ({
  heading,
  sessionTitle: '第二次会议',
  date: new Date('2026-12-04T17:30:00Z'),
  eligible: 73,
  present: 60,
  quorumReached: true,
  subject: '《集体合同(草案)》',
  document: {
    title: '集体合同(草案)',
    rounds: [
      { number: 1, closed: true, opinions: 40, consolidated: 12, adopted: 9 },
      { number: 2, closed: true, opinions: 8, consolidated: 3, adopted: 3 },
    ],
  },
  ...overrides,
});

const tally = (overrides: Partial<TallyFigures> = {}): TallyFigures => ({
  manualMethod: null,
  secrecy: 'secret',
  eligible: 73,
  present: 60,
  counts: { yes: 50, no: 5, abstain: 5 },
  passed: true,
  passingRule: 'all_majority',
  majorityWording: 'majorityStrict',
  baseLabel: 'eligible',
  staff: false,
  ...overrides,
});

describe('a resolution’s title', () => {
  it('names the term and session by their numbers, and the document in 《》', () => {
    expect(resolutionTitle(heading, documentSubject('集体合同(草案)'))).toBe('第三届第二次职工代表大会关于《集体合同(草案)》的决议');
    expect(documentSubject('《集体合同(草案)》')).toBe('《集体合同(草案)》');
    expect(resolutionTitle({ termNumber: 12, sessionNumber: 1, extraordinary: true }, '厂长工作报告')).toBe('第十二届职工代表大会第一次临时会议关于厂长工作报告的决议');
    expect(congressName({ termNumber: 3, sessionNumber: 10, extraordinary: false })).toBe('第三届第十次职工代表大会');
    // A staff general assembly is not a representatives' congress, and its resolutions say so.
    expect(congressName({ termNumber: 3, sessionNumber: 2, extraordinary: false, staff: true })).toBe('第三届第二次职工大会');
    expect(congressName({ termNumber: 3, sessionNumber: 1, extraordinary: true, staff: true })).toBe('第三届职工大会第一次临时会议');
  });

  it('dates the sitting in China’s day, not UTC’s', () => {
    expect(chineseDate(new Date('2026-12-04T17:30:00Z'))).toBe('2026年12月5日');
    expect(chineseDate(new Date('2026-12-04T15:59:59Z'))).toBe('2026年12月4日');
  });
});

describe('drafting the body from the figures', () => {
  it('states the date, 应到 and 实到, the document’s consultation rounds and the decision', () => {
    expect(draftBody(figures())).toBe(
      [
        '第三届第二次职工代表大会于2026年12月5日召开。会议应到代表73人，实到60人，符合法定人数。',
        '会议审议了《集体合同(草案)》。该草案经两轮征求代表意见：第一轮（一下一上）收到代表意见40条，汇总为12条，采纳和部分采纳9条；第二轮（二下二上）收到代表意见8条，汇总为3条，采纳和部分采纳3条。',
        '会议决定，通过《集体合同(草案)》。',
      ].join('\n'),
    );
  });

  it('counts only the rounds held, and says nothing of consultation when none was', () => {
    const oneHeld = draftBody(
      figures({
        document: {
          title: '集体合同(草案)',
          rounds: [
            { number: 1, closed: true, opinions: 3, consolidated: 2, adopted: 1 },
            { number: 2, closed: false, opinions: 0, consolidated: 0, adopted: 0 },
          ],
        },
      }),
    );
    expect(oneHeld).toContain('该草案经一轮征求代表意见：第一轮（一下一上）收到代表意见3条，汇总为2条，采纳和部分采纳1条。');
    expect(oneHeld).not.toContain('第二轮');
    expect(draftBody(figures({ document: { title: '集体合同(草案)', rounds: [] } }))).not.toContain('征求');
  });

  it('drafts a free-standing resolution on a report, and leaves 实到 out before anyone is at the sitting', () => {
    const body = draftBody(figures({ subject: '厂长工作报告', document: null, present: null, quorumReached: null }));
    expect(body).toBe(['第三届第二次职工代表大会于2026年12月5日召开。会议应到代表73人。', '会议审议了厂长工作报告。', '会议决定，批准厂长工作报告。'].join('\n'));
  });

  it('counts staff at a general assembly (职工大会)', () => {
    expect(draftBody(figures({ staff: true }))).toContain('会议应到职工73人，实到60人');
  });

  it('says so when the sitting is short of its quorum', () => {
    expect(draftBody(figures({ present: 30, quorumReached: false }))).toContain('实到30人，未达到法定人数。');
  });
});

describe('the result clause, from the tally', () => {
  it('reads as the issue’s example for a secret ballot that passed', () => {
    expect(resultClause(tally())).toBe('经无记名投票表决，应到代表73人，实到60人，赞成50票，反对5票，弃权5票，超过全体代表的半数，本决议通过。');
  });

  it('says a show of hands, a named vote, and what was not reached', () => {
    expect(resultClause(tally({ manualMethod: 'show_of_hands', secrecy: 'named' }))).toMatch(/^经举手表决，/);
    expect(resultClause(tally({ secrecy: 'named' }))).toMatch(/^经记名投票表决，/);
    expect(resultClause(tally({ manualMethod: 'paper' }))).toMatch(/^经无记名投票表决，/);
    expect(resultClause(tally({ counts: { yes: 36, no: 20, abstain: 4 }, passed: false }))).toBe(
      '经无记名投票表决，应到代表73人，实到60人，赞成36票，反对20票，弃权4票，未超过全体代表的半数，本决议未通过。',
    );
  });

  it('names the term’s rule and the body counted against', () => {
    expect(resultClause(tally({ majorityWording: 'majorityInclusive' }))).toContain('达到全体代表的半数以上，本决议通过');
    expect(resultClause(tally({ passingRule: 'all_two_thirds' }))).toContain('达到全体代表的三分之二，本决议通过');
    expect(resultClause(tally({ staff: true }))).toContain('应到职工73人，实到60人');
    expect(resultClause(tally({ staff: true }))).toContain('超过全体职工的半数');
  });
});

describe('a resolution’s state', () => {
  it('follows the ballot item it is put to', () => {
    expect(resolutionState(null)).toBe('draft');
    expect(resolutionState({ ballotState: 'draft', itemOnSheet: true, outcome: null })).toBe('on_ballot');
    expect(resolutionState({ ballotState: 'draft', itemOnSheet: false, outcome: null })).toBe('draft');
    expect(resolutionState({ ballotState: 'open', itemOnSheet: true, outcome: null })).toBe('voting');
    expect(resolutionState({ ballotState: 'closed', itemOnSheet: true, outcome: null })).toBe('voting');
    expect(resolutionState({ ballotState: 'closed', itemOnSheet: true, outcome: 'adopted' })).toBe('adopted');
    expect(resolutionState({ ballotState: 'published', itemOnSheet: true, outcome: 'not_adopted' })).toBe('not_adopted');
  });

  it('takes edits only before any ballot carrying it opened, and a new ballot only when on none', () => {
    expect(mayEdit('draft', null)).toBe(true);
    expect(mayEdit('on_ballot', null)).toBe(true);
    for (const state of ['voting', 'adopted', 'not_adopted'] as const) expect(mayEdit(state, null)).toBe(false);
    // A re-vote's draft carries a text that was frozen when the first ballot opened.
    expect(mayEdit('on_ballot', '2026-12-05T01:00:00.000Z')).toBe(false);
    expect(mayPutToBallot('draft', null)).toBe(true);
    expect(mayPutToBallot('on_ballot', null)).toBe(false);
    expect(mayPutToBallot('draft', '2026-12-05T01:00:00.000Z')).toBe(false);
  });
});
