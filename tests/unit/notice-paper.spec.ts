// The result notice as a paper (src/ballots/notice-paper.ts): the public page's wording and figures,
// a show of hands counted in people, an election's elected named, the date in China's day.
import { describe, expect, it } from 'vitest';
import type { BallotView } from '../../src/ballots/api-schemas.js';
import { resultNotice } from '../../src/ballots/notice-paper.js';
import type { PaperBlock } from '../../src/papers/official-document.js';

const base: Omit<BallotView, 'items' | 'result'> = {
  id: 'b1',
  meetingId: 'm1',
  title: '关于《集体合同(草案)》的决议',
  secrecy: 'secret',
  method: 'electronic',
  state: 'published',
  deadlineAt: null,
  revoteOf: null,
  quorumOverridden: false,
  statutory: false,
  openedAt: null,
  closedAt: null,
  publishedAt: '2026-12-03T17:30:00.000Z',
  turnout: { voted: 60, eligible: 73 },
  finalHash: null,
};

const approval: BallotView = {
  ...base,
  items: [{ id: 'i1', kind: 'approval', title: '关于《集体合同(草案)》的决议', passingRule: 'all_majority', majorityWording: 'majorityStrict' }],
  result: {
    manual: false,
    eligible: 73,
    present: 60,
    cast: 60,
    items: [
      {
        kind: 'approval',
        counts: { yes: 50, no: 6, abstain: 4 },
        base: 73,
        baseLabel: 'eligible',
        required: 37,
        passed: true,
        explanation: { zh: '赞成 50 票,超过全体代表 73 人的半数(37 票),通过', en: '' },
      },
    ],
  },
} as BallotView;

const text = (blocks: PaperBlock[]) => blocks.map((block) => (block.kind === 'table' ? [block.header, ...block.rows].flat().join(' ') : 'text' in block ? block.text : '')).join('\n');

describe('the result notice as a paper', () => {
  it('prints the count hash under the figures, eight groups of four to a line, and nothing without one', () => {
    const finalHash = '0123456789abcdef'.repeat(4);
    const { document } = resultNotice({ ...approval, finalHash }, { title: '第三届第二次职工代表大会', kind: 'congress' });
    const index = document.blocks.findIndex((block) => block.kind === 'hash');
    expect(document.blocks[index - 1]).toMatchObject({ kind: 'table', header: ['应到人数', '实到人数', '收回选票'] });
    expect(document.blocks[index]).toEqual({ kind: 'hash', label: '计票校验码', lines: ['0123 4567 89ab cdef 0123 4567 89ab cdef', '0123 4567 89ab cdef 0123 4567 89ab cdef'] });
    expect(resultNotice(approval, { title: '第三届第二次职工代表大会', kind: 'congress' }).document.blocks.some((block) => block.kind === 'hash')).toBe(false);
  });

  it('states the figures, the counts, the rule and the verdict in the notice page’s words', () => {
    const { document, figures } = resultNotice(approval, { title: '第三届第二次职工代表大会', kind: 'congress' });
    expect(document.title).toBe('表决结果公告');
    expect(document.subtitle).toBe('第三届第二次职工代表大会');
    const body = text(document.blocks);
    expect(body).toContain('表决方式：无记名投票（电子表决）');
    expect(body).toContain('应到人数 实到人数 收回选票 73 人 60 人 60 张');
    expect(body).toContain('赞成 反对 弃权 50 票 6 票 4 票');
    expect(body).toContain('通过规则：赞成票须超过全体代表的半数');
    expect(body).toContain('表决结果：赞成 50 票，超过全体代表 73 人的半数（37 票），通过');
    expect(body).toContain('关于《集体合同(草案)》的决议　通过');
    expect(document.signature).toBe('第三届第二次职工代表大会秘书处');
    // 17:30 UTC is 01:30 the next day in China.
    expect(document.date).toBe('2026-12-04');
    expect(figures).toEqual({
      ballotId: 'b1',
      title: approval.title,
      secrecy: 'secret',
      eligible: 73,
      present: 60,
      cast: 60,
      items: [{ title: approval.title, kind: 'approval', passed: true, counts: { yes: 50, no: 6, abstain: 4 } }],
    });
  });

  it('counts a show of hands in people and names who was elected', () => {
    const election = {
      ...base,
      title: '选举工会委员',
      items: [
        {
          id: 'e',
          kind: 'election',
          title: '选举工会委员',
          seats: 1,
          candidates: [
            { id: 'c1', name: '张三' },
            { id: 'c2', name: '李四' },
          ],
          allowWriteIn: false,
          passingRule: 'all_majority',
          majorityWording: 'majorityStrict',
        },
      ],
      result: {
        manual: true,
        manualMethod: 'show_of_hands',
        eligible: 5,
        present: 4,
        cast: 4,
        items: [
          {
            kind: 'election',
            candidates: [
              { id: 'c1', name: '张三', votes: 3, reachedThreshold: true },
              { id: 'c2', name: '李四', votes: 1, reachedThreshold: false },
            ],
            writeIns: [],
            blankBallots: 0,
            base: 5,
            baseLabel: 'eligible',
            required: 3,
            elected: ['c1'],
            runoff: null,
            unfilledSeats: 0,
            explanation: { zh: '张三当选', en: '' },
          },
        ],
      },
    } as BallotView;
    const { document, figures } = resultNotice(election, { title: '第三届第二次职工代表大会', kind: 'congress' });
    const body = text(document.blocks);
    expect(body).toContain('表决方式：人工录入（举手表决）');
    expect(body).toContain('参加表决 5 人 4 人 4 人');
    expect(body).toContain('张三 3 票 当选');
    expect(figures.items).toEqual([{ title: '选举工会委员', kind: 'election', elected: ['张三'] }]);
  });
});
