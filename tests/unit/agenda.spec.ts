// The agenda's pure rules: which ballot says yes, a material's title on the screens, and the motions
// work report's figures and words.
import { describe, expect, it } from 'vitest';
import { materialTitle } from '../../src/agenda/live.js';
import { motionsReportFigures, motionsReportText } from '../../src/agenda/motions-report.js';
import type { MotionFacts } from '../../src/motions/dashboard.js';

describe('materialTitle', () => {
  it('takes the first line with text, cut short for the screens', () => {
    expect(materialTitle('\n\n  关于工作的报告  \n正文')).toBe('关于工作的报告');
    const long = '长'.repeat(200);
    expect(materialTitle(long)).toHaveLength(80);
    expect(materialTitle(long).endsWith('…')).toBe(true);
  });
});

describe('the motions work report', () => {
  const motion = (id: string, changes: Partial<MotionFacts>): MotionFacts => ({
    id,
    number: id,
    subject: id,
    category: 'other' as MotionFacts['category'],
    state: 'submitted' as MotionFacts['state'],
    reviewOutcome: null,
    leadDepartment: null,
    dueAt: null,
    firstReplyOnTime: null,
    latestRating: null,
    ...changes,
  });
  it('counts the term’s motions, this session’s, and the rates, and says them in words', () => {
    const motions = [
      motion('1', { reviewOutcome: 'accepted', state: 'resolved' as MotionFacts['state'], firstReplyOnTime: true, latestRating: 'satisfied' }),
      motion('2', { reviewOutcome: 'accepted', firstReplyOnTime: false, latestRating: 'basically_satisfied' }),
      motion('3', { reviewOutcome: 'not_accepted' }),
      motion('4', {}),
    ];
    const figures = motionsReportFigures(motions, new Set(['3', '4']), new Date('2026-12-04T00:00:00Z'));
    expect(figures).toMatchObject({ submitted: 4, submittedThisSession: 2, accepted: 2, replied: 2, resolved: 1 });
    expect(figures.rates.acceptance).toMatchObject({ count: 2, of: 3 });
    const text = motionsReportText({ title: '第2次会议' }, figures, new Date('2026-12-04T08:30:00Z'));
    expect(text).toContain('本届共收到提案 4 件,其中本次会议提出 2 件');
    expect(text).toContain('满意率 50%(1/2)');
    expect(text).toContain('2026-12-04 08:30');
  });
});
