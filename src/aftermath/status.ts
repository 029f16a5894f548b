// Where a closed session stands with what must follow it (issue 13), and the warnings the console
// shows: the notice not published within N calendar days of closing, taken down before its posted-until
// day, the report not sent within N working days. Pure: the facts and `now` come in, nothing is read.
import { type WorkingCalendar, calendarDaysAfter, chinaDay, workingDaysAfter } from './calendar.js';

export interface AftermathFacts {
  closedAt: string | null;
  notice: { publishedAt: string | null; postedUntil: string | null; takenDownAt: string | null; takeDownReason: string | null };
  report: { sentOn: string | null; sentTo: string | null };
}

export interface AftermathRules {
  notice: { publishWithinDays: number; postedDays: number };
  report: { withinWorkingDays: number };
  calendar: WorkingCalendar;
}

export const AFTERMATH_WARNINGS = ['notice_not_published', 'notice_published_late', 'notice_taken_down_early', 'report_overdue', 'report_sent_late'] as const;
export type AftermathWarning = (typeof AFTERMATH_WARNINGS)[number];

export type NoticeState = 'unpublished' | 'posted' | 'expired' | 'taken_down';

export interface AftermathStatus {
  closedOn: string | null;
  notice: {
    state: NoticeState;
    /** The last day it may be published on (closing day + publishWithinDays). */
    publishBy: string | null;
    publishedOn: string | null;
    postedUntil: string | null;
    takenDownOn: string | null;
    takeDownReason: string | null;
    /** Taken down before its posted-until day. */
    takenDownEarly: boolean;
  };
  report: {
    /** The last day it may be sent on (closing day + withinWorkingDays working days). */
    dueOn: string | null;
    sentOn: string | null;
    sentTo: string | null;
    overdue: boolean;
  };
  warnings: AftermathWarning[];
}

function noticeState(notice: AftermathFacts['notice'], today: string): NoticeState {
  if (!notice.publishedAt) return 'unpublished';
  if (notice.takenDownAt) return 'taken_down';
  return notice.postedUntil !== null && today > notice.postedUntil ? 'expired' : 'posted';
}

/** A session not closed yet has no deadlines and no warnings; published-but-expired is as it should be. */
export function aftermathStatus(facts: AftermathFacts, rules: AftermathRules, now: Date): AftermathStatus {
  const today = chinaDay(now);
  const closedOn = facts.closedAt ? chinaDay(facts.closedAt) : null;
  const publishBy = closedOn ? calendarDaysAfter(closedOn, rules.notice.publishWithinDays) : null;
  const dueOn = closedOn ? workingDaysAfter(closedOn, rules.report.withinWorkingDays, rules.calendar) : null;
  const publishedOn = facts.notice.publishedAt ? chinaDay(facts.notice.publishedAt) : null;
  const takenDownOn = facts.notice.takenDownAt ? chinaDay(facts.notice.takenDownAt) : null;
  const takenDownEarly = takenDownOn !== null && facts.notice.postedUntil !== null && takenDownOn < facts.notice.postedUntil;
  const reportOverdue = dueOn !== null && facts.report.sentOn === null && today > dueOn;
  const warnings: AftermathWarning[] = [];
  if (publishBy !== null && publishedOn === null && today > publishBy) warnings.push('notice_not_published');
  if (publishBy !== null && publishedOn !== null && publishedOn > publishBy) warnings.push('notice_published_late');
  if (takenDownEarly) warnings.push('notice_taken_down_early');
  if (reportOverdue) warnings.push('report_overdue');
  if (dueOn !== null && facts.report.sentOn !== null && facts.report.sentOn > dueOn) warnings.push('report_sent_late');
  return {
    closedOn,
    notice: {
      state: noticeState(facts.notice, today),
      publishBy,
      publishedOn,
      postedUntil: facts.notice.postedUntil,
      takenDownOn,
      takeDownReason: facts.notice.takeDownReason,
      takenDownEarly,
    },
    report: { dueOn, sentOn: facts.report.sentOn, sentTo: facts.report.sentTo, overdue: reportOverdue },
    warnings,
  };
}
