// What follows a session's close (issue 13): publishing and taking down its public notice (公告/公示),
// recording that the report to the higher union was sent, and where each stands against the term's
// deadlines. Each change re-reads the session and its row, checks, writes and audits in one transaction.
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import type { CongressSessionTable, SessionAftermathTable } from '../db/database.js';
import { fail } from '../errors.js';
import { getTermRules } from '../roster/service.js';
import type { TermRules } from '../roster/term-rules.js';
import { getSession, listSessions, reopenSession } from '../sessions/service.js';
import { calendarDaysAfter, chinaDay } from './calendar.js';
import * as repository from './repository.js';
import type { AftermathView, NoticePublishInput, NoticeWithdrawInput, ReportSentInput } from './schemas.js';
import { type AftermathRules, aftermathStatus } from './status.js';

type Reader = Pick<AppContext, 'db' | 'clock'>;

export function aftermathRules(rules: TermRules): AftermathRules {
  return { notice: rules.notice, report: rules.report, calendar: { holidays: rules.holidays, extraWorkdays: rules.extraWorkdays } };
}

function present(session: CongressSessionTable, row: SessionAftermathTable | undefined, rules: TermRules, now: Date): AftermathView {
  const status = aftermathStatus(
    {
      closedAt: session.closed_at,
      notice: {
        publishedAt: row?.notice_published_at ?? null,
        postedUntil: row?.notice_posted_until ?? null,
        takenDownAt: row?.notice_taken_down_at ?? null,
        takeDownReason: row?.notice_take_down_reason ?? null,
      },
      report: { sentOn: row?.report_sent_on ?? null, sentTo: row?.report_sent_to ?? null },
    },
    aftermathRules(rules),
    now,
  );
  return {
    sessionId: session.id,
    title: session.title,
    closedAt: session.closed_at,
    closedOn: status.closedOn,
    notice: { ...status.notice, publishedAt: row?.notice_published_at ?? null },
    report: status.report,
    warnings: status.warnings,
  };
}

export async function getAftermath(context: Reader, sessionId: string): Promise<AftermathView> {
  const session = await getSession(context, sessionId);
  const [row, rules] = await Promise.all([repository.findAftermath(context.db, sessionId), getTermRules(context, session.term_id)]);
  return present(session, row, rules, context.clock());
}

/** Every session of a term, for the term's dashboard. */
export async function listTermAftermath(context: Reader, termId: string): Promise<AftermathView[]> {
  const sessions = await listSessions(context, termId);
  const rules = await getTermRules(context, termId);
  const rows = await repository.listAftermaths(
    context.db,
    sessions.map((session) => session.id),
  );
  const now = context.clock();
  return Promise.all(
    sessions.map(async (view) =>
      present(
        await getSession(context, view.id),
        rows.find((row) => row.session_id === view.id),
        rules,
        now,
      ),
    ),
  );
}

async function closedSession(context: CoreContext, sessionId: string): Promise<CongressSessionTable & { closed_at: string }> {
  const session = await getSession(context, sessionId);
  if (!session.closed_at) fail('SESSION_NOT_CLOSED');
  return session as CongressSessionTable & { closed_at: string };
}

/**
 * 公告: posted now (or at the time given, not in the future and not before the close) for at least the
 * term's postedDays; a notice taken down may be published again, which starts a new posting period.
 */
export async function publishNotice(context: CoreContext, actor: AccountActor, sessionId: string, input: NoticePublishInput): Promise<AftermathView> {
  await transact(context, async (inside) => {
    const session = await closedSession(inside, sessionId);
    const rules = await getTermRules(inside, session.term_id);
    const row = await repository.findAftermath(inside.db, sessionId);
    if (row?.notice_published_at && !row.notice_taken_down_at) fail('NOTICE_STATE', { reason: 'the notice is already published', publishedAt: row.notice_published_at });
    const postedDays = input.postedDays ?? rules.notice.postedDays;
    if (postedDays < rules.notice.postedDays) fail('NOTICE_POSTED_DAYS_TOO_FEW', { postedDays, least: rules.notice.postedDays });
    const now = nowIso(context);
    const publishedAt = input.publishedAt ? new Date(input.publishedAt).toISOString() : now;
    if (publishedAt > now) fail('NOTICE_DATE_INVALID', { reason: 'the publication time is in the future' });
    if (publishedAt < session.closed_at) fail('NOTICE_DATE_INVALID', { reason: 'the notice is published after the session closes', closedAt: session.closed_at });
    const postedUntil = calendarDaysAfter(chinaDay(publishedAt), postedDays);
    await repository.saveAftermath(inside.db, sessionId, {
      notice_published_at: publishedAt,
      notice_posted_until: postedUntil,
      notice_taken_down_at: null,
      notice_take_down_reason: null,
    });
    await recordAudit(inside, actor, 'session.notice-published', { detail: { sessionId, publishedAt, postedDays, postedUntil } });
  });
  return getAftermath(context, sessionId);
}

/** Takes the notice down (a reason is required and audited); before its posted-until day the console warns. */
export async function withdrawNotice(context: CoreContext, actor: AccountActor, sessionId: string, input: NoticeWithdrawInput): Promise<AftermathView> {
  await transact(context, async (inside) => {
    await getSession(inside, sessionId);
    const row = await repository.findAftermath(inside.db, sessionId);
    if (!row?.notice_published_at) fail('NOTICE_STATE', { reason: 'the notice is not published' });
    if (row.notice_taken_down_at) fail('NOTICE_STATE', { reason: 'the notice is already taken down', takenDownAt: row.notice_taken_down_at });
    const takenDownAt = nowIso(context);
    await repository.saveAftermath(inside.db, sessionId, { notice_taken_down_at: takenDownAt, notice_take_down_reason: input.reason });
    const early = chinaDay(takenDownAt) < (row.notice_posted_until ?? '');
    await recordAudit(inside, actor, 'session.notice-withdrawn', { detail: { sessionId, takenDownAt, reason: input.reason, postedUntil: row.notice_posted_until, early } });
  });
  return getAftermath(context, sessionId);
}

/** The report to the higher union went out on a day (not before the close, not after today) to a body. */
export async function recordReportSent(context: CoreContext, actor: AccountActor, sessionId: string, input: ReportSentInput): Promise<AftermathView> {
  await transact(context, async (inside) => {
    const session = await closedSession(inside, sessionId);
    if (input.sentOn < chinaDay(session.closed_at)) fail('REPORT_DATE_INVALID', { reason: 'the report is sent after the session closes' });
    if (input.sentOn > chinaDay(context.clock())) fail('REPORT_DATE_INVALID', { reason: 'the day is in the future' });
    await repository.saveAftermath(inside.db, sessionId, { report_sent_on: input.sentOn, report_sent_to: input.sentTo, report_recorded_at: nowIso(context) });
    await recordAudit(inside, actor, 'session.report-sent', { detail: { sessionId, ...input } });
  });
  return getAftermath(context, sessionId);
}

/** Undoes a close entered by mistake, as long as nothing has gone out: no notice published, no report sent. */
export async function reopenClosedSession(context: CoreContext, actor: AccountActor, sessionId: string): Promise<void> {
  await transact(context, async (inside) => {
    await closedSession(inside, sessionId);
    const row = await repository.findAftermath(inside.db, sessionId);
    if (row?.notice_published_at || row?.report_sent_on) fail('SESSION_NOTICE_PUBLISHED');
    await reopenSession(inside, actor, sessionId);
  });
}
