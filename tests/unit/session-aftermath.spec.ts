// The deadlines that follow a session's close (issue 13): working days past weekends, holidays and
// 调休 workdays; calendar days in China's time zone; and the console's warnings at and past each deadline.
import { describe, expect, it } from 'vitest';
import { calendarDaysAfter, chinaDay, isWorkingDay, workingDaysAfter } from '../../src/aftermath/calendar.js';
import { type AftermathFacts, aftermathStatus } from '../../src/aftermath/status.js';

const plain = { holidays: [], extraWorkdays: [] };
/** A National Day week as a term would enter it (test input, not an official schedule): 10-01..10-07 off, Saturday 10-10 worked. */
const nationalDay = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-10-10'],
};

describe('working days', () => {
  it('skips the weekend: 7 working days after Friday 2026-12-04 is Tuesday 2026-12-15', () => {
    expect(workingDaysAfter('2026-12-04', 7, plain)).toBe('2026-12-15');
    expect(workingDaysAfter('2026-12-04', 1, plain)).toBe('2026-12-07');
  });

  it('counts from the next day even when the closing day is a Saturday', () => {
    expect(workingDaysAfter('2026-12-05', 1, plain)).toBe('2026-12-07');
    expect(workingDaysAfter('2026-12-05', 5, plain)).toBe('2026-12-11');
  });

  it('takes 0 working days as the day itself', () => {
    expect(workingDaysAfter('2026-12-05', 0, plain)).toBe('2026-12-05');
  });

  it('skips holidays and counts a 调休 Saturday as a working day', () => {
    // Closing Wednesday 09-30: 10-08, 10-09, 10-10 (Saturday, worked), 10-12, 10-13, 10-14, 10-15.
    expect(workingDaysAfter('2026-09-30', 7, nationalDay)).toBe('2026-10-15');
    // Without the 调休 day one more Monday-to-Friday day is needed.
    expect(workingDaysAfter('2026-09-30', 7, { ...nationalDay, extraWorkdays: [] })).toBe('2026-10-16');
    expect(isWorkingDay('2026-10-01', nationalDay)).toBe(false);
    expect(isWorkingDay('2026-10-10', nationalDay)).toBe(true);
    expect(isWorkingDay('2026-10-11', nationalDay)).toBe(false);
  });

  it('crosses a month and a year end', () => {
    expect(workingDaysAfter('2026-12-30', 3, { holidays: ['2027-01-01'], extraWorkdays: [] })).toBe('2027-01-05');
    expect(calendarDaysAfter('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('reads an instant as the day in China', () => {
    expect(chinaDay('2026-12-03T15:59:59Z')).toBe('2026-12-03');
    expect(chinaDay('2026-12-03T16:00:00Z')).toBe('2026-12-04');
  });
});

const rules = { notice: { publishWithinDays: 3, postedDays: 15 }, report: { withinWorkingDays: 7 }, calendar: plain };
/** Closed Friday 2026-12-04 10:00 in China. */
const closed: AftermathFacts = {
  closedAt: '2026-12-04T02:00:00Z',
  notice: { publishedAt: null, postedUntil: null, takenDownAt: null, takeDownReason: null },
  report: { sentOn: null, sentTo: null },
};
/** Noon in China on a day. */
const noonOn = (day: string) => new Date(`${day}T04:00:00Z`);

describe('what follows the close, and the warnings', () => {
  it('has no deadline and no warning before the session closes', () => {
    const status = aftermathStatus({ ...closed, closedAt: null }, rules, noonOn('2027-03-01'));
    expect(status).toMatchObject({ closedOn: null, notice: { publishBy: null, state: 'unpublished' }, report: { dueOn: null, overdue: false }, warnings: [] });
  });

  it('gives the notice until 3 calendar days after closing and the report until 7 working days after', () => {
    const status = aftermathStatus(closed, rules, noonOn('2026-12-07'));
    expect(status.notice.publishBy).toBe('2026-12-07');
    expect(status.report.dueOn).toBe('2026-12-15');
    expect(status.warnings).toEqual([]);
  });

  it('warns the day after the notice deadline passes unpublished, and once the report is overdue', () => {
    expect(aftermathStatus(closed, rules, noonOn('2026-12-08')).warnings).toEqual(['notice_not_published']);
    expect(aftermathStatus(closed, rules, noonOn('2026-12-15')).warnings).toEqual(['notice_not_published']);
    const late = aftermathStatus(closed, rules, noonOn('2026-12-16'));
    expect(late.warnings).toEqual(['notice_not_published', 'report_overdue']);
    expect(late.report.overdue).toBe(true);
  });

  it('warns when the notice is taken down before its posted-until day, not on or after it', () => {
    const published = { publishedAt: '2026-12-05T02:00:00Z', postedUntil: '2026-12-20', takenDownAt: null, takeDownReason: null };
    const early = aftermathStatus({ ...closed, notice: { ...published, takenDownAt: '2026-12-10T02:00:00Z', takeDownReason: '内容有误' } }, rules, noonOn('2026-12-11'));
    expect(early.notice).toMatchObject({ state: 'taken_down', takenDownOn: '2026-12-10', takenDownEarly: true, takeDownReason: '内容有误' });
    expect(early.warnings).toEqual(['notice_taken_down_early']);
    const onTime = aftermathStatus({ ...closed, notice: { ...published, takenDownAt: '2026-12-20T02:00:00Z', takeDownReason: '期满' } }, rules, noonOn('2026-12-21'));
    expect(onTime.notice.takenDownEarly).toBe(false);
    expect(onTime.warnings).not.toContain('notice_taken_down_early');
  });

  it('finds nothing wrong with a notice published in time whose posting has expired, and a report sent in time', () => {
    const facts: AftermathFacts = {
      ...closed,
      notice: { publishedAt: '2026-12-07T01:00:00Z', postedUntil: '2026-12-22', takenDownAt: null, takeDownReason: null },
      report: { sentOn: '2026-12-15', sentTo: '市总工会' },
    };
    const status = aftermathStatus(facts, rules, noonOn('2027-01-10'));
    expect(status.notice.state).toBe('expired');
    expect(status.report.overdue).toBe(false);
    expect(status.warnings).toEqual([]);
  });

  it('records lateness once the notice and the report went out after their deadlines', () => {
    const facts: AftermathFacts = {
      ...closed,
      notice: { publishedAt: '2026-12-08T01:00:00Z', postedUntil: '2026-12-23', takenDownAt: null, takeDownReason: null },
      report: { sentOn: '2026-12-16', sentTo: '市总工会' },
    };
    expect(aftermathStatus(facts, rules, noonOn('2026-12-17')).warnings).toEqual(['notice_published_late', 'report_sent_late']);
  });
});
