// The joint meeting's pure rules (src/joint/rules.ts): its decision rule on ballot items, which items
// are its decisions, and what a confirmation ballot makes of each.
import { describe, expect, it } from 'vitest';
import { confirmationMaterial, confirmationState, confirmationTitle, decisionsOf, withJointDecisionRule } from '../../src/joint/rules.js';

const outcome = (settled: boolean, items: { id: string; kind?: string; passed: boolean | null }[]) => ({
  settled,
  items: items.map((item) => ({ id: item.id, title: `题${item.id}`, kind: item.kind ?? 'approval', passed: item.passed })),
});

describe('the joint meeting rules', () => {
  it('gives approval items at the default rule the joint decision rule, and keeps any other', () => {
    const items = [
      { kind: 'approval', title: 'a', passingRule: 'all_majority', majorityWording: 'majorityStrict' },
      { kind: 'approval', title: 'b', passingRule: 'cast_majority', majorityWording: 'majorityStrict' },
    ] as const;
    expect(withJointDecisionRule(items as never, 'present_majority').map((item) => (item as { passingRule: string }).passingRule)).toEqual(['present_majority', 'cast_majority']);
    expect(withJointDecisionRule(items as never, 'all_majority').map((item) => (item as { passingRule: string }).passingRule)).toEqual(['all_majority', 'cast_majority']);
  });

  it('takes only passed approval items of a settled ballot as decisions', () => {
    expect(
      decisionsOf(
        outcome(true, [
          { id: '1', passed: true },
          { id: '2', passed: false },
          { id: '3', kind: 'election', passed: null },
        ]),
      ),
    ).toEqual([{ itemId: '1', title: '题1' }]);
    expect(decisionsOf(outcome(false, [{ id: '1', passed: null }]))).toEqual([]);
  });

  it('confirms a decision whose item passed, not one whose item failed, and leaves it pending while unsettled', () => {
    const settled = outcome(true, [
      { id: 'x', passed: true },
      { id: 'y', passed: false },
    ]);
    expect(confirmationState(settled, 'x')).toBe('confirmed');
    expect(confirmationState(settled, 'y')).toBe('not_confirmed');
    expect(confirmationState(settled, 'gone')).toBeNull();
    expect(confirmationState(outcome(false, [{ id: 'x', passed: null }]), 'x')).toBeNull();
  });

  it('words the confirmation items and the agenda material', () => {
    expect(confirmationTitle('职工疗休养实施办法')).toBe('确认联席会议关于《职工疗休养实施办法》的决定');
    expect(confirmationMaterial([{ title: '甲', meetingTitle: '联席会议', decidedAt: '2026-12-04T10:00:00Z' }])).toBe('以下联席会议决定待大会确认:\n1. 联席会议(2026-12-04)决定:《甲》');
  });
});
