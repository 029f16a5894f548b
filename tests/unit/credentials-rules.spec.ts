// The credentials report's arithmetic: categories counted (管理人员 includes 中层以上), each rule's
// bound in exact integers at and one past its boundary, and shares written as people read them.
import { describe, expect, it } from 'vitest';
import { categoriesOf, checkComposition, chineseNumber, countComposition, fractionText, percentText, type RosterPerson } from '../../src/credentials/rules.js';
import { DEFAULT_TERM_RULES } from '../../src/roster/term-rules.js';

const representative = (tags: string[] = [], delegationId: string | null = 'a'): RosterPerson => ({ role: 'representative', delegationId, tags });
const people = (count: number, tags: string[] = []) => Array.from({ length: count }, () => representative(tags));
const rules = DEFAULT_TERM_RULES.composition;
const check = (roster: RosterPerson[], rule: string, composition = rules) =>
  checkComposition(countComposition(roster, [{ id: 'a', name: '第一代表团' }]), composition).find((entry) => entry.rule === rule);

describe('counting categories', () => {
  it('reads old and short spellings as category tags and counts 中层以上 among 管理人员', () => {
    expect([...categoriesOf(['frontline', '女', '中层', '劳模'])].sort()).toEqual(['一线职工', '中层以上', '女职工', '管理人员'].sort());
  });

  it('puts people of no delegation, or of an unknown one, under 未分团 after the delegations', () => {
    const composition = countComposition([representative([], 'a'), representative([], null), { role: 'attendee', delegationId: 'gone', tags: ['劳务派遣'] }], [{ id: 'a', name: '第一代表团' }]);
    expect(composition.delegations.map((row) => [row.name, row.representatives, row.attendees])).toEqual([
      ['第一代表团', 1, 0],
      ['未分团', 1, 1],
    ]);
    expect(composition.attendeeCategories.劳务派遣).toBe(1);
    expect(composition.categories.劳务派遣).toBe(0);
  });
});

describe('checking the rules in integers', () => {
  it('allows managers up to exactly a fifth: 73 representatives allow 14, not 15', () => {
    expect(check([...people(14, ['中层以上']), ...people(59)], 'composition.managersMax')).toMatchObject({ required: 14, actual: 14, met: true });
    expect(check([...people(15, ['中层以上']), ...people(58)], 'composition.managersMax')).toMatchObject({ required: 14, actual: 15, met: false });
  });

  it('needs front-line staff of at least half, rounded up: 73 need 37', () => {
    expect(check([...people(37, ['一线职工']), ...people(36)], 'composition.frontLineMin')).toMatchObject({ required: 37, met: true });
    expect(check([...people(36, ['一线职工']), ...people(37)], 'composition.frontLineMin')).toMatchObject({ required: 37, actual: 36, met: false });
  });

  it('checks women against the workforce share only when it is entered', () => {
    const roster = [...people(11, ['女职工']), ...people(19)];
    expect(check(roster, 'composition.workforceWomenShare')).toBeUndefined();
    const withShare = { ...rules, workforceWomenShare: { numerator: 3, denominator: 8 } };
    expect(check(roster, 'composition.workforceWomenShare', withShare)).toMatchObject({ required: 12, actual: 11, met: false });
    expect(check([...people(12, ['女职工']), ...people(18)], 'composition.workforceWomenShare', withShare)).toMatchObject({ required: 12, met: true });
  });

  it('allows attendees up to a fifth of the representatives, and counts the fewest representatives', () => {
    const attendees = (count: number) => Array.from({ length: count }, (): RosterPerson => ({ role: 'attendee', delegationId: 'a', tags: [] }));
    expect(check([...people(30), ...attendees(6)], 'composition.attendeesMax')).toMatchObject({ required: 6, met: true });
    expect(check([...people(30), ...attendees(7)], 'composition.attendeesMax')).toMatchObject({ required: 6, actual: 7, met: false });
    expect(check(people(30), 'composition.minRepresentatives')).toMatchObject({ required: 30, met: true });
    expect(check(people(29), 'composition.minRepresentatives')).toMatchObject({ required: 30, actual: 29, met: false });
  });
});

describe('writing shares', () => {
  it('writes whole percentages as such and other fractions in Chinese', () => {
    expect(fractionText({ numerator: 1, denominator: 5 })).toBe('20%');
    expect(fractionText({ numerator: 1, denominator: 2 })).toBe('50%');
    expect(fractionText({ numerator: 2, denominator: 3 })).toBe('三分之二');
    expect(fractionText({ numerator: 3, denominator: 40 })).toBe('四十分之三');
    expect(chineseNumber(12)).toBe('十二');
    expect(chineseNumber(25)).toBe('二十五');
  });

  it('rounds a share half up to one decimal in integers', () => {
    expect(percentText(12, 73)).toBe('16.4%');
    expect(percentText(1, 8)).toBe('12.5%');
    expect(percentText(1, 3)).toBe('33.3%');
    expect(percentText(2, 3)).toBe('66.7%');
    expect(percentText(5, 10)).toBe('50%');
    expect(percentText(0, 0)).toBe('0%');
  });
});
