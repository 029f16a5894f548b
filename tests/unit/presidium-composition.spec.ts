// The presidium's composition against the term's rules (上海 §23 by default): size by the number of
// representatives, and the front-line share, each met or not with its numbers in words.
import { describe, expect, it } from 'vitest';
import { presidiumChecks } from '../../src/presidium/composition.js';
import { tellersStanding } from '../../src/presidium/teller-rule.js';
import { DEFAULT_TERM_RULES } from '../../src/roster/term-rules.js';

const rules = DEFAULT_TERM_RULES.presidium;
const people = (frontLine: number, others: number) => [...Array.from({ length: frontLine }, () => ['一线职工']), ...Array.from({ length: others }, () => ['管理人员'])];

describe('presidium size by the number of representatives', () => {
  it('wants 3 to 5 members for 30 to 100 representatives', () => {
    expect(presidiumChecks(rules, 73, people(3, 2))[0]).toMatchObject({ met: true, min: 3, max: 5, actual: 5, text: '代表73人：主席团应为3至5人，现5人，符合' });
    expect(presidiumChecks(rules, 30, people(2, 0))[0]).toMatchObject({ met: false, actual: 2, text: '代表30人：主席团应为3至5人，现2人，不符合' });
    expect(presidiumChecks(rules, 100, people(4, 2))[0]).toMatchObject({ met: false, actual: 6 });
  });

  it('wants at least 7 above 100 representatives', () => {
    expect(presidiumChecks(rules, 101, people(4, 2))[0]).toMatchObject({ met: false, min: 7, max: null, text: '代表101人：主席团应不少于7人，现6人，不符合' });
    expect(presidiumChecks(rules, 350, people(5, 4))[0]).toMatchObject({ met: true, actual: 9 });
  });

  it('says when the rules set no size for so few representatives', () => {
    const [size] = presidiumChecks(rules, 12, people(3, 0));
    expect(size).toMatchObject({ met: null, min: null });
    expect(size!.source).toContain('上海 §23');
  });
});

describe('front-line share of the presidium', () => {
  it('needs at least half, rounded up, to be 一线职工', () => {
    expect(presidiumChecks(rules, 73, people(3, 2))[1]).toMatchObject({ met: true, min: 3, actual: 3, text: '主席团5人：一线职工应不少于3人（1/2），现3人，符合' });
    expect(presidiumChecks(rules, 73, people(2, 3))[1]).toMatchObject({ met: false, min: 3, actual: 2 });
    expect(presidiumChecks(rules, 120, people(4, 4))[1]).toMatchObject({ met: true, min: 4, actual: 4 });
  });

  it('follows a term that sets its own share', () => {
    expect(presidiumChecks({ ...rules, frontLineMin: { numerator: 2, denominator: 3 } }, 73, people(3, 2))[1]).toMatchObject({ met: false, min: 4 });
  });

  it('is not met by an empty list', () => {
    expect(presidiumChecks(rules, 73, [])[1]!.met).toBe(false);
  });
});

describe('a teller is never a candidate', () => {
  const items = [
    { kind: 'approval', title: '通过议程' },
    {
      kind: 'election',
      title: '选举委员',
      candidates: [
        { id: 'm1', name: '张三' },
        { id: 'c2', name: '李四' },
      ],
    },
  ];
  it('finds a teller standing by member id or by the same name', () => {
    expect(tellersStanding(items, [{ memberId: 'm1', name: '别名' }]).map((clash) => clash.memberId)).toEqual(['m1']);
    expect(tellersStanding(items, [{ memberId: 'm9', name: '李四' }]).map((clash) => clash.memberId)).toEqual(['m9']);
    expect(tellersStanding(items, [{ memberId: 'm5', name: '王五' }])).toEqual([]);
  });
});
