// The printable implementation report (提案落实情况报告) for the next session: the dashboard's own
// figures (so the page, the CSV and the XLSX agree), by category and by department, on A4.
import { api } from '../shared/api.js';
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { dateTime } from './format.js';
import { categoryLabel, motionNumber, motionStateLabel, rateText } from './motion-format.js';
import type { Dashboard, MotionSummary } from '../shared/motion-types.js';
import { ErrorNote, Loading, useResource, useTitle } from './ui.js';

export function MotionReport() {
  useTitle(t('moReportTitle'));
  const meetingId = new URLSearchParams(location.search).get('meetingId') ?? '';
  const suffix = meetingId ? `?meetingId=${encodeURIComponent(meetingId)}` : '';
  const dashboard = useResource(() => api.get<{ dashboard: Dashboard }>(`/api/motions/dashboard${suffix}`).then((body) => body.dashboard), [suffix]);
  const motions = useResource(() => api.get<{ motions: MotionSummary[] }>(`/api/motions${suffix}`).then((body) => body.motions), [suffix]);
  if (dashboard.error || motions.error) return html`<${ErrorNote} error=${dashboard.error ?? motions.error} />`;
  const figures = dashboard.value;
  if (!figures || !motions.value) return html`<${Loading} />`;
  const { rates } = figures;
  const rateRows = [
    [t('moRateAcceptance'), rates.acceptance],
    [t('moRateOnTime'), rates.onTimeReply],
    [t('moRateResolution'), rates.resolution],
    [t('moRateSatisfaction'), rates.satisfaction],
    [t('moRateSatisfactionWithBasic'), rates.satisfactionWithBasic],
  ] as const;
  return html`<article class="motion-report" data-testid="motion-report">
    <p class="breadcrumb no-print"><a href="/admin/motions">← ${t('moBack')}</a> <button type="button" class="primary" onClick=${() => window.print()}>${t('moPrint')}</button>
      <a class="button-link" download href=${`/api/motions/report?format=docx${meetingId ? `&meetingId=${encodeURIComponent(meetingId)}` : ''}`} title=${t('paperDownloadDocxTitle')}>${t('paperDownloadDocx')}</a></p>
    <h1>${t('moReportTitle')}</h1>
    <p class="muted">${t('moReportAsOf', { date: dateTime(figures.asOf) })}</p>
    <p data-testid="report-summary">${t('moReportSummary', { submitted: figures.submitted, accepted: rates.acceptance.count, resolved: figures.byStatus.resolved ?? 0 })}</p>
    <table class="data compact"><tbody>${rateRows.map(([label, rate]) => html`<tr><th scope="row">${label}</th><td>${rateText(rate)}</td><td class="muted">${t('moRateOf', { count: rate.count, of: rate.of })}</td></tr>`)}</tbody></table>
    <h2>${t('moByCategory')}</h2>
    <table class="data compact"><thead><tr><th scope="col">${t('moCategory')}</th><th scope="col">${t('moSubmitted')}</th><th scope="col">${t('moAccepted')}</th><th scope="col">${t('moResolvedCount')}</th></tr></thead>
      <tbody>${figures.byCategory.map((row) => html`<tr><th scope="row">${categoryLabel(row.category)}</th><td>${row.submitted}</td><td>${row.accepted}</td><td>${row.resolved}</td></tr>`)}</tbody></table>
    <h2>${t('moByDepartment')}</h2>
    <table class="data compact"><thead><tr><th scope="col">${t('moDepartment')}</th><th scope="col">${t('moAssignedCount')}</th><th scope="col">${t('moRepliedCount')}</th><th scope="col">${t('moOnTimeCount')}</th><th scope="col">${t('moOverdueCount')}</th><th scope="col">${t('moResolvedCount')}</th><th scope="col">${t('moRatingSatisfied')}</th><th scope="col">${t('moRatingBasicallySatisfied')}</th><th scope="col">${t('moRatingDissatisfied')}</th></tr></thead>
      <tbody>${figures.byDepartment.map((row) => html`<tr><th scope="row">${row.department.name}</th><td>${row.assigned}</td><td>${row.replied}</td><td>${row.repliedOnTime}</td><td>${row.overdue}</td><td>${row.resolved}</td><td>${row.satisfied}</td><td>${row.basicallySatisfied}</td><td>${row.dissatisfied}</td></tr>`)}</tbody></table>
    <h2>${t('moList')}</h2>
    <table class="data compact"><thead><tr><th scope="col">${t('moNumber')}</th><th scope="col">${t('moSubject')}</th><th scope="col">${t('moProposer')}</th><th scope="col">${t('moDepartment')}</th><th scope="col">${t('moState')}</th></tr></thead>
      <tbody>${motions.value.filter((motion) => motion.number !== null).map((motion) => html`<tr><td class="nowrap">${motionNumber(motion.number)}</td><td>${motion.subject}</td><td>${motion.proposer.name}</td><td>${motion.leadDepartment?.name ?? '—'}</td><td>${motionStateLabel(motion.state)}</td></tr>`)}</tbody></table>
  </article>`;
}
