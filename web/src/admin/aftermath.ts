// 闭幕之后 (issue 13): a session's close, its public notice (公告/公示) and its report to the higher
// union (职代会召开情况报告) on the console — where each stands against its deadline, with the
// warnings (not published in time, taken down early, report overdue) — and the report's A4 print view.
import type { components } from '../generated/api.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { api } from '../shared/api.js';
import { chineseDay } from '../shared/dates.js';
import { html, useState } from '../shared/html.js';
import { Badge, ErrorNote, Loading, useAction, useResource, useTitle } from './ui.js';
import './credentials.css';
import './aftermath.css';

type Aftermath = components['schemas']['SessionAftermath'];
type Report = components['schemas']['SessionReport'];
type Session = components['schemas']['Session'];

const value = (event: Event) => (event.target as HTMLInputElement).value;

/** 2026-03-04 → 2026年3月4日 (a calendar day, whatever the browser's time zone). */
export function dayText(day: string | null): string {
  return day ? chineseDay(day) : '—';
}

const warningKey = (warning: Aftermath['warnings'][number]) => `afWarning_${warning}` as MessageKey;

function Warnings({ aftermath }: { aftermath: Aftermath }) {
  if (aftermath.warnings.length === 0) return null;
  return html`<ul class="aftermath-warnings" role="alert" data-testid="aftermath-warnings">
    ${aftermath.warnings.map((warning) => html`<li>${t(warningKey(warning), { publishBy: dayText(aftermath.notice.publishBy), dueOn: dayText(aftermath.report.dueOn), postedUntil: dayText(aftermath.notice.postedUntil) })}</li>`)}
  </ul>`;
}

function noticeLine(aftermath: Aftermath): string {
  const { notice } = aftermath;
  switch (notice.state) {
    case 'unpublished':
      return t('afNoticeUnpublished', { publishBy: dayText(notice.publishBy) });
    case 'posted':
      return t('afNoticePosted', { publishedOn: dayText(notice.publishedOn), postedUntil: dayText(notice.postedUntil) });
    case 'expired':
      return t('afNoticeExpired', { publishedOn: dayText(notice.publishedOn), postedUntil: dayText(notice.postedUntil) });
    case 'taken_down':
      return t('afNoticeTakenDown', { takenDownOn: dayText(notice.takenDownOn), reason: notice.takeDownReason ?? '' });
  }
}

function reportLine(aftermath: Aftermath): string {
  const { report } = aftermath;
  if (report.sentOn) return t('afReportSent', { sentOn: dayText(report.sentOn), sentTo: report.sentTo ?? '' });
  return t(report.overdue ? 'afReportOverdue' : 'afReportDue', { dueOn: dayText(report.dueOn) });
}

/** One line per session on the term's sessions page. */
export function AftermathSummary({ aftermath }: { aftermath: Aftermath | undefined }) {
  if (!aftermath) return null;
  if (!aftermath.closedAt) return html`<p class="muted">${t('afNotClosed')}</p>`;
  return html`<div class="aftermath-summary" data-testid="aftermath-summary">
    <p>${t('afClosedOn', { day: dayText(aftermath.closedOn) })} ${aftermath.warnings.length > 0 ? html`<${Badge} tone="warn">${t('afWarningsBadge', { count: aftermath.warnings.length })}<//>` : html`<${Badge} tone="done">${t('afOnTrack')}<//>`}</p>
    <p class="muted">${noticeLine(aftermath)}</p>
    <p class="muted">${reportLine(aftermath)}</p>
    <${Warnings} aftermath=${aftermath} />
  </div>`;
}

export function useTermAftermath(termId: string) {
  return useResource(() => api.get<{ sessions: Aftermath[] }>(`/api/terms/${termId}/aftermath`).then((body) => body.sessions), [termId]);
}

function NoticeForms({ aftermath, onDone }: { aftermath: Aftermath; onDone: (next: Aftermath) => void }) {
  const [postedDays, setPostedDays] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const sessionId = aftermath.sessionId;
  const post = (path: string, body: object) =>
    action.run(async () => {
      onDone((await api.post<{ aftermath: Aftermath }>(`/api/sessions/${sessionId}/${path}`, body)).aftermath);
    });
  const posted = aftermath.notice.state === 'posted' || aftermath.notice.state === 'expired';
  return html`<div class="aftermath-part">
    <h3>${t('afNotice')}</h3>
    <p data-testid="aftermath-notice">${noticeLine(aftermath)}</p>
    ${
      aftermath.notice.publishedAt
        ? html`<p><a href=${`/public/sessions/${sessionId}`} target="_blank" rel="noopener">${t('afOpenPublic')}</a>
            <a class="button-link" download href=${`/api/sessions/${sessionId}/notice/docx`} title=${t('paperDownloadDocxTitle')} data-testid="notice-docx">${t('paperDownloadDocx')}</a></p>`
        : null
    }
    ${
      posted
        ? html`<form class="inline-form" onSubmit=${(event: Event) => {
            event.preventDefault();
            void post('notice/withdraw', { reason });
          }}>
            <label for="withdraw-reason">${t('afWithdrawReason')}</label>
            <input id="withdraw-reason" required maxlength="500" value=${reason} onInput=${(e: Event) => setReason(value(e))} />
            <button type="submit" disabled=${action.busy}>${t('afWithdraw')}</button>
          </form>`
        : html`<form class="inline-form" onSubmit=${(event: Event) => {
            event.preventDefault();
            void post('notice/publish', postedDays ? { postedDays: Number(postedDays) } : {});
          }}>
            <label for="posted-days">${t('afPostedDays')}</label>
            <input id="posted-days" type="number" min="1" max="365" placeholder="15" value=${postedDays} onInput=${(e: Event) => setPostedDays(value(e))} />
            <button type="submit" class="primary" disabled=${action.busy}>${t('afPublish')}</button>
          </form>`
    }
    <${ErrorNote} error=${action.error} />
  </div>`;
}

function ReportForm({ aftermath, onDone }: { aftermath: Aftermath; onDone: (next: Aftermath) => void }) {
  const [sentOn, setSentOn] = useState('');
  const [sentTo, setSentTo] = useState('');
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      onDone((await api.post<{ aftermath: Aftermath }>(`/api/sessions/${aftermath.sessionId}/report/sent`, { sentOn, sentTo })).aftermath);
    });
  };
  return html`<div class="aftermath-part">
    <h3>${t('afReport')}</h3>
    <p data-testid="aftermath-report">${reportLine(aftermath)}</p>
    <p><a href=${`/admin/sessions/${aftermath.sessionId}/report`}>${t('afOpenReport')}</a></p>
    <form class="inline-form" onSubmit=${submit}>
      <label for="report-sent-on">${t('afSentOn')}</label>
      <input id="report-sent-on" type="date" required value=${sentOn} onInput=${(e: Event) => setSentOn(value(e))} />
      <label for="report-sent-to">${t('afSentTo')}</label>
      <input id="report-sent-to" required maxlength="120" value=${sentTo} onInput=${(e: Event) => setSentTo(value(e))} />
      <button type="submit" disabled=${action.busy}>${t('afRecordSent')}</button>
    </form>
    <${ErrorNote} error=${action.error} />
  </div>`;
}

/** On a session's page: close it, then publish its notice and record its report, against the deadlines. */
export function AftermathCard({ session, onChanged }: { session: Session; onChanged: () => Promise<void> }) {
  const loaded = useResource(() => api.get<{ aftermath: Aftermath }>(`/api/sessions/${session.id}/aftermath`).then((body) => body.aftermath), [session.id, session.closedAt]);
  const action = useAction();
  const aftermath = loaded.value;
  const move = (path: string) =>
    action.run(async () => {
      await api.post(`/api/sessions/${session.id}/${path}`, {});
      await onChanged();
      await loaded.reload();
    });
  return html`<section class="card" aria-labelledby="aftermath-title" data-testid="aftermath">
    <h2 id="aftermath-title">${t('afTitle')}</h2>
    <${ErrorNote} error=${loaded.error} />
    ${!aftermath ? html`<${Loading} />` : null}
    ${
      aftermath && !aftermath.closedAt
        ? html`<p class="muted">${t('afCloseHelp')}</p>
          <button type="button" class="primary" disabled=${action.busy} onClick=${() => move('close')}>${t('afClose')}</button>`
        : null
    }
    ${
      aftermath?.closedAt
        ? html`<p>${t('afClosedOn', { day: dayText(aftermath.closedOn) })}
            ${aftermath.notice.publishedAt || aftermath.report.sentOn ? null : html`<button type="button" class="link" disabled=${action.busy} onClick=${() => move('reopen')}>${t('afReopen')}</button>`}</p>
          <${Warnings} aftermath=${aftermath} />
          <${NoticeForms} aftermath=${aftermath} onDone=${(next: Aftermath) => loaded.set(next)} />
          <${ReportForm} aftermath=${aftermath} onDone=${(next: Aftermath) => loaded.set(next)} />`
        : null
    }
    <div class="aftermath-part">
      <h3>${t('afArchive')}</h3>
      <p class="muted">${t('afArchiveHelp')}</p>
      <p><a class="button-link" download href=${`/api/sessions/${session.id}/archive`} data-testid="archive-download">${t('afArchiveDownload')}</a></p>
    </div>
    <${ErrorNote} error=${action.error} />
  </section>`;
}

/** The report to the higher union, printable on A4 in the 公文 manner (the credentials report's print view is the model). */
export function SessionReportScreen({ sessionId }: { sessionId: string }) {
  const loaded = useResource(() => api.get<{ report: Report }>(`/api/sessions/${sessionId}/report`).then((body) => body.report), [sessionId]);
  useTitle(loaded.value?.title ?? t('afReport'));
  if (loaded.error) return html`<${ErrorNote} error=${loaded.error} />`;
  const report = loaded.value;
  if (!report) return html`<${Loading} />`;
  const { document } = report;
  return html`<div class="session-report-page">
    <p class="breadcrumb no-print"><a href=${`/admin/terms/${report.termId}/sessions/${report.sessionId}`}>← ${t('agSessions')}</a>
      <button type="button" class="primary" onClick=${() => window.print()}>${t('afPrintReport')}</button>
      <a class="button-link" download href=${`/api/sessions/${report.sessionId}/report/docx`} title=${t('paperDownloadDocxTitle')} data-testid="report-docx">${t('paperDownloadDocx')}</a></p>
    <p class="no-print muted">${t(report.report.sentOn ? 'afReportSent' : report.report.overdue ? 'afReportOverdue' : 'afReportDue', { dueOn: dayText(report.report.dueOn), sentOn: dayText(report.report.sentOn), sentTo: report.report.sentTo ?? '' })}</p>
    <article class="gongwen" data-testid="session-report">
      <h1 class="gongwen-title">${document.title}</h1>
      ${document.recipient ? html`<p class="gongwen-recipient">${document.recipient}</p>` : null}
      ${document.blocks.map((block) => {
        switch (block.kind) {
          case 'heading':
            return html`<h2 class=${block.level === 1 ? 'gongwen-heading' : 'gongwen-subheading'}>${block.text}</h2>`;
          case 'paragraph':
            return html`<p class="gongwen-body">${block.text}</p>`;
          case 'table':
            return html`<table class="data compact gongwen-table"><thead><tr>${block.header.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>
              <tbody>${block.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody></table>`;
          case 'hash':
            return html`<p class="gongwen-body count-hash">${block.label}：<code class="count-hash-value">${block.lines.join(' ')}</code></p>`;
          default:
            return null;
        }
      })}
      <p class="gongwen-sign">${document.signature ?? ''}<br />${document.date ? dayText(document.date) : ''}</p>
    </article>
  </div>`;
}
