// The chair's script (主持词) in words: the attendance and quorum at the opening, the fraction and the
// body (代表, 职工, 联席会议成员), ordinals in Chinese, a ballot's rule before the vote and its result after.
import { describe, expect, it } from 'vitest';
import type { BallotView } from '../../src/ballots/api-schemas.js';
import type { AttendanceCounts } from '../../src/meetings/schemas.js';
import { quorumStatus } from '../../src/meetings/rules.js';
import { ballotProgressLines, ballotRuleLines } from '../../src/script/ballot-lines.js';
import { chineseNumber, fractionInWords, tighten } from '../../src/script/numbers.js';
import { itemsOfSitting, writeScript } from '../../src/script/sections.js';
import { attendanceLines, closingLines, openingLines, type SittingFacts } from '../../src/script/wording.js';

function counts(eligible: number, present: number, onLeave = 0, fraction = { numerator: 2, denominator: 3 }, attendeesPresent = 0): AttendanceCounts {
  const status = quorumStatus(present, eligible, fraction);
  return {
    eligible,
    present,
    onLeave,
    absent: eligible - present - onLeave,
    attendees: attendeesPresent,
    attendeesPresent,
    quorum: { required: status.required, reached: status.reached, ...fraction },
  };
}

const plenary: SittingFacts = { title: '第三届第二次职工代表大会', kind: 'congress', sitting: 'plenary' };
const text = (lines: { text: string }[]) => lines.map((line) => line.text).join('\n');

function ballot(overrides: Partial<BallotView> = {}): BallotView {
  return {
    id: 'b1',
    meetingId: 'm1',
    title: '关于《集体合同(草案)》的决议',
    secrecy: 'secret',
    method: 'electronic',
    state: 'draft',
    items: [{ id: 'i1', kind: 'approval', title: '集体合同(草案)', passingRule: 'all_majority', majorityWording: 'majorityStrict' }],
    deadlineAt: null,
    revoteOf: null,
    quorumOverridden: false,
    statutory: false,
    openedAt: null,
    closedAt: null,
    publishedAt: null,
    turnout: null,
    result: null,
    finalHash: null,
    ...overrides,
  };
}

describe('numbers in words', () => {
  it('writes ordinals and fractions the way a chair reads them', () => {
    expect([1, 2, 10, 11, 12, 20, 21, 99, 100, 105, 110, 1001].map(chineseNumber)).toEqual(['一', '二', '十', '十一', '十二', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '一千零一']);
    expect(fractionInWords({ numerator: 2, denominator: 3 })).toBe('三分之二');
    expect(fractionInWords({ numerator: 1, denominator: 2 })).toBe('二分之一');
    expect(fractionInWords({ numerator: 3, denominator: 4 })).toBe('四分之三');
  });

  it('writes counts together with their words, as a printed script has them', () => {
    expect(tighten('赞成 50 票，超过全体代表 73 人的半数（须至少 37 票），通过')).toBe('赞成50票，超过全体代表73人的半数（须至少37票），通过');
    expect(tighten('当选：John Smith（3 票）')).toBe('当选：John Smith（3票）');
  });
});

describe('the opening', () => {
  it('reports the attendance and declares the sitting lawful when quorum is reached', () => {
    expect(text(attendanceLines(plenary, counts(73, 60, 5)))).toBe('本次大会应出席代表73人，因事因病请假5人，实到60人，超过全体代表的三分之二，符合规定，会议合法有效。');
    expect(text(openingLines(plenary, counts(73, 60, 5), ['工会工作报告', '集体合同']))).toContain('现在我宣布：第三届第二次职工代表大会现在开会！');
    expect(text(openingLines(plenary, counts(73, 60, 5), ['工会工作报告', '集体合同']))).toContain('本次大会共有二项议程：一、工会工作报告；二、集体合同。');
  });

  it('says 达到 at exactly the fraction, and leaves out the leave clause when nobody is on leave', () => {
    expect(text(attendanceLines(plenary, counts(60, 40)))).toBe('本次大会应出席代表60人，实到40人，达到全体代表的三分之二，符合规定，会议合法有效。');
  });

  it('says the meeting cannot open and asks people in when quorum is not reached', () => {
    const lines = text(openingLines(plenary, counts(73, 40, 3), []));
    expect(lines).toContain('实到40人，不足全体代表的三分之二（至少须到49人），不符合规定，不能开会。');
    expect(lines).toContain('请各位代表尽快入场。');
    expect(lines).not.toContain('现在开会');
  });

  it('uses the meeting’s own fraction: one half', () => {
    expect(text(attendanceLines(plenary, counts(73, 40, 0, { numerator: 1, denominator: 2 })))).toContain('超过全体代表的二分之一，符合规定');
    expect(text(attendanceLines(plenary, counts(73, 36, 0, { numerator: 1, denominator: 2 })))).toContain('不足全体代表的二分之一（至少须到37人）');
  });

  it('says 职工 in a general assembly and 联席会议成员 in a joint meeting', () => {
    const assembly: SittingFacts = { title: '2026年职工大会', kind: 'general_assembly', sitting: 'plenary' };
    expect(text(attendanceLines(assembly, counts(45, 40)))).toBe('本次大会应出席职工45人，实到40人，超过全体职工的三分之二，符合规定，会议合法有效。');
    const joint: SittingFacts = { title: '第三届职代会联席会议', kind: 'congress', sitting: 'joint' };
    expect(text(openingLines(joint, counts(15, 12), []))).toContain('本次联席会议应出席联席会议成员15人，实到12人，超过全体联席会议成员的三分之二');
    expect(text(openingLines(joint, counts(15, 12), []))).toMatch(/^各位联席会议成员：/);
  });

  it('opens a preparatory meeting and an extraordinary sitting in their own words', () => {
    const preparatory: SittingFacts = { title: '第三届第二次职工代表大会', kind: 'congress', sitting: 'preparatory' };
    expect(text(openingLines(preparatory, counts(73, 60), []))).toContain('第三届第二次职工代表大会预备会议现在开始。');
    expect(text(openingLines({ ...preparatory, title: '第二次职代会预备会议' }, counts(73, 60), []))).toContain('第二次职代会预备会议现在开始。');
    expect(text(openingLines({ ...plenary, sitting: 'extraordinary' }, counts(73, 60), []))).toContain('本次临时会议专门审议以下事项');
  });

  it('mentions the attendees present, never counting them', () => {
    expect(text(attendanceLines(plenary, counts(73, 60, 0, undefined, 4)))).toContain('另有列席代表4人列席会议。');
  });
});

describe('a ballot', () => {
  it('announces the rule before the vote, with the number of votes needed', () => {
    expect(text(ballotRuleLines(ballot(), plenary, counts(73, 60)))).toBe(
      '根据大会表决办法，本项表决采用无记名投票方式，由各位代表在手机上投票。\n《集体合同(草案)》须经全体代表过半数即37票赞成方为通过。',
    );
  });

  it('says 三分之二以上, 半数以上, those present, and for a sheet of several items goes item by item', () => {
    const items: BallotView['items'] = [
      { id: 'a', kind: 'approval', title: '改制方案', passingRule: 'all_two_thirds', majorityWording: 'majorityStrict' },
      { id: 'b', kind: 'approval', title: '工资分配方案', passingRule: 'all_majority', majorityWording: 'majorityInclusive' },
      { id: 'c', kind: 'approval', title: '会议议程', passingRule: 'present_majority', majorityWording: 'majorityStrict' },
    ];
    const lines = text(ballotRuleLines(ballot({ items, secrecy: 'named', method: 'manual' }), plenary, counts(72, 60)));
    expect(lines).toContain('本项表决采用举手表决方式');
    expect(lines).toContain('本表决票共有3项，分项表决，逐项计票。');
    expect(lines).toContain('第一项《改制方案》，须经全体代表三分之二以上即48票赞成方为通过。');
    expect(lines).toContain('第二项《工资分配方案》，须经全体代表半数以上即36票赞成方为通过。');
    expect(lines).toContain('第三项《会议议程》，须经出席代表过半数即31票赞成方为通过。');
  });

  it('announces an election: seats, candidates, 差额, how many may be marked, write-ins and the threshold', () => {
    const items: BallotView['items'] = [
      {
        id: 'e',
        kind: 'election',
        title: '选举主席团成员',
        seats: 2,
        candidates: [
          { id: 'x', name: '张三' },
          { id: 'y', name: '李四' },
          { id: 'z', name: '王五' },
        ],
        allowWriteIn: false,
        passingRule: 'all_majority',
        majorityWording: 'majorityStrict',
      },
    ];
    const lines = text(ballotRuleLines(ballot({ items }), plenary, counts(73, 60)));
    expect(lines).toContain('选举主席团成员：应选2名，候选人3名（张三、李四、王五），实行差额选举，差额1名。');
    expect(lines).toContain('多于2名的为无效票；不得另选他人');
    expect(lines).toContain('候选人须经全体代表过半数即37票赞成方可当选');
  });

  it('gives no result while the ballot is open, and the result in words once it is closed', () => {
    expect(text(ballotProgressLines(ballot({ state: 'open', turnout: { voted: 12, eligible: 73 } }), plenary))).toContain('投票进行中，已投票12人');
    const closed = ballot({
      state: 'closed',
      result: {
        manual: false,
        eligible: 73,
        present: 60,
        cast: 58,
        items: [
          {
            kind: 'approval',
            counts: { yes: 50, no: 5, abstain: 3 },
            base: 73,
            baseLabel: 'eligible',
            required: 37,
            passed: true,
            explanation: { zh: '赞成 50 票，超过全体代表 73 人的半数（须至少 37 票），通过', en: '' },
          },
        ],
      },
    });
    const lines = text(ballotProgressLines(closed, plenary));
    expect(lines).toContain('现在宣布表决结果：本项表决应到代表73人，实到60人，共投票58票。');
    expect(lines).toContain('《集体合同(草案)》表决结果：赞成50票，反对5票，弃权3票。');
    expect(lines).toContain('赞成50票，超过全体代表73人的半数（须至少37票），通过。');
    // With paper ballots the count says how many of each; a void round says it is void and nothing else.
    const withPapers = { ...closed.result!, cast: 58, electronic: 53, papers: { issued: 6, returned: 5, valid: 4, invalid: 1, invalidReasons: { blank: 1 } } };
    expect(text(ballotProgressLines({ ...closed, result: withPapers }, plenary))).toContain('共投票58票（其中电子票53张，纸质票5张，废票1张）。');
    const voided = text(ballotProgressLines({ ...closed, result: { ...withPapers, void: true, papers: { ...withPapers.papers, returned: 7 } } }, plenary));
    expect(voided).toContain('收回纸质选票7张，多于发出的6张，本次表决无效。');
    expect(voided).not.toContain('通过');
  });
});

describe('the whole script', () => {
  const item = (id: string, meetingId: string | null, overrides = {}) => ({
    id,
    sessionId: 's',
    position: 1,
    kind: 'report' as const,
    title: `报告${id}`,
    presenter: '张主席',
    material: null,
    documentId: null,
    ballotId: null,
    meetingId,
    createdAt: '',
    ...overrides,
  });

  it('takes up the items scheduled to this sitting, or all of them when none is scheduled anywhere', () => {
    expect(itemsOfSitting([item('a', 'm1'), item('b', 'm2'), item('c', 'm1')], 'm1').map((entry) => entry.id)).toEqual(['a', 'c']);
    expect(itemsOfSitting([item('a', null), item('b', null)], 'm1').map((entry) => entry.id)).toEqual(['a', 'b']);
  });

  it('numbers the items 第一项, 第二项 and closes with 各项议程已全部完成', () => {
    const sections = writeScript(
      plenary,
      counts(73, 60),
      [
        { agendaItemId: 'a', kind: 'report', title: '工会工作报告', presenter: '张主席', ballotId: null },
        { agendaItemId: 'b', kind: 'ballot', title: '表决集体合同', presenter: null, ballotId: 'b1' },
      ],
      new Map([['b1', ballot()]]),
    );
    expect(sections.map((section) => section.key)).toEqual(['opening', 'a', 'b', 'closing']);
    expect(sections[1]!.lines[0]!.text).toBe('下面进行大会第一项议程，请张主席作《工会工作报告》，大家欢迎。');
    expect(sections[2]!.lines[0]!.text).toBe('下面进行大会第二项议程，表决《集体合同》。');
    expect(text(sections[3]!.lines)).toContain('第三届第二次职工代表大会的各项议程已全部完成。');
    expect(text(sections[3]!.lines)).toContain('现在闭会');
    expect(text(closingLines({ ...plenary, sitting: 'preparatory' }, { passed: [], elected: [] }))).toContain('现在散会');
  });
});
