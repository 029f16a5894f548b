// The motions tracker (提案工作): the dashboard's counts and rates, the overdue and due-soon lists,
// and the filtered, searchable list, read again live whenever a motion changes. Handlers see only
// what is assigned to their department.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { dateTime } from './format.js';
import { categoryLabel, motionNumber, motionStateLabel, rateText, ratingLabel, stateTone } from './motion-format.js';
import { useMotionChanges } from './motion-live.js';
import { type Dashboard, type DeadlineEntry, type Department, motionCategories, type MotionSummary, motionStates } from '../shared/motion-types.js';
import { currentAccount, isSecretary } from './session.js';
import type { MeetingView } from './types.js';
import { Badge, ErrorNote, Loading, useResource, useTitle } from './ui.js';

export interface MotionFilters {
  meetingId: string;
  state: string;
  category: string;
  departmentId: string;
  q: string;
  overdue: boolean;
}

const EMPTY: MotionFilters = { meetingId: '', state: '', category: '', departmentId: '', q: '', overdue: false };

function query(filters: MotionFilters): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === true) parameters.set(key, 'true');
    else if (typeof value === 'string' && value.trim()) parameters.set(key, value.trim());
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

export function MotionStateBadge({ state }: { state: MotionSummary['state'] }) {
  return html`<${Badge} tone=${stateTone(state)}>${motionStateLabel(state)}<//>`;
}

function RateTiles({ dashboard }: { dashboard: Dashboard }) {
  const { rates } = dashboard;
  const tiles = [
    ['acceptance', t('moRateAcceptance'), rates.acceptance],
    ['on-time', t('moRateOnTime'), rates.onTimeReply],
    ['resolution', t('moRateResolution'), rates.resolution],
    ['satisfaction', t('moRateSatisfaction'), rates.satisfaction],
    ['satisfaction-basic', t('moRateSatisfactionWithBasic'), rates.satisfactionWithBasic],
  ] as const;
  const accepted = rates.acceptance.count;
  return html`<dl class="stats" data-testid="motion-figures">
    <div class="stat"><dt>${t('moSubmitted')}</dt><dd data-count="submitted">${dashboard.submitted}</dd></div>
    <div class="stat"><dt>${t('moAccepted')}</dt><dd data-count="accepted">${accepted}</dd></div>
    <div class="stat"><dt>${t('moResolvedCount')}</dt><dd data-count="resolved">${dashboard.byStatus.resolved ?? 0}</dd></div>
    <div class="stat"><dt>${t('moOverdueCount')}</dt><dd data-count="overdue">${dashboard.overdue.length}</dd></div>
    ${tiles.map(([name, label, rate]) => html`<div class="stat"><dt>${label}</dt><dd data-rate=${name}>${rateText(rate)}<span class="muted small"> ${t('moRateOf', { count: rate.count, of: rate.of })}</span></dd></div>`)}
  </dl>`;
}

function DeadlineList({ title, entries, empty, late }: { title: string; entries: DeadlineEntry[]; empty: string; late: boolean }) {
  return html`<section class="card" aria-label=${title}>
    <h3>${title} <span class="muted">(${entries.length})</span></h3>
    ${
      entries.length === 0
        ? html`<p class="empty">${empty}</p>`
        : html`<ul class="deadline-list">${entries.map(
            (entry) => html`<li>
          <a href=${`/admin/motions/${entry.id}`}>${motionNumber(entry.number)} ${entry.subject}</a>
          <span class="muted">${entry.leadDepartment?.name ?? ''} · ${dateTime(entry.dueAt)}</span>
          <${Badge} tone=${late ? 'accent' : 'warn'}>${late ? t('moDaysLate', { days: Math.abs(entry.daysLeft) }) : t('moDaysLeft', { days: entry.daysLeft })}<//>
        </li>`,
          )}</ul>`
    }
  </section>`;
}

function Breakdowns({ dashboard }: { dashboard: Dashboard }) {
  const states = motionStates.filter((state) => state !== 'draft' && (dashboard.byStatus[state] ?? 0) > 0);
  return html`<div class="columns even">
    <section class="card"><h3>${t('moByStatus')}</h3>
      <table class="data compact" data-testid="by-status"><tbody>${states.map((state) => html`<tr><th scope="row">${motionStateLabel(state)}</th><td data-state=${state}>${dashboard.byStatus[state]}</td></tr>`)}</tbody></table>
    </section>
    <section class="card"><h3>${t('moByCategory')}</h3>
      <table class="data compact"><thead><tr><th scope="col">${t('moCategory')}</th><th scope="col">${t('moSubmitted')}</th><th scope="col">${t('moAccepted')}</th><th scope="col">${t('moResolvedCount')}</th></tr></thead>
        <tbody>${dashboard.byCategory.filter((row) => row.submitted > 0).map((row) => html`<tr><th scope="row">${categoryLabel(row.category)}</th><td>${row.submitted}</td><td>${row.accepted}</td><td>${row.resolved}</td></tr>`)}</tbody></table>
    </section>
    <section class="card"><h3>${t('moByDepartment')}</h3>
      <table class="data compact" data-testid="by-department"><thead><tr><th scope="col">${t('moDepartment')}</th><th scope="col">${t('moAssignedCount')}</th><th scope="col">${t('moRepliedCount')}</th><th scope="col">${t('moOverdueCount')}</th><th scope="col">${t('moResolvedCount')}</th></tr></thead>
        <tbody>${dashboard.byDepartment.map((row) => html`<tr><th scope="row">${row.department.name}</th><td>${row.assigned}</td><td>${row.replied}</td><td>${row.overdue}</td><td>${row.resolved}</td></tr>`)}</tbody></table>
    </section>
  </div>`;
}

function FilterBar({ filters, meetings, departments, onChange }: { filters: MotionFilters; meetings: MeetingView[]; departments: Department[]; onChange: (next: MotionFilters) => void }) {
  const [q, setQ] = useState(filters.q);
  const set = (key: keyof MotionFilters) => (event: Event) => {
    const target = event.target as HTMLInputElement;
    onChange({ ...filters, [key]: target.type === 'checkbox' ? target.checked : target.value });
  };
  const search = (event: Event) => {
    event.preventDefault();
    onChange({ ...filters, q });
  };
  return html`<form class="card filter-bar" role="search" aria-label=${t('moFilters')} onSubmit=${search}>
    <div class="input-row">
      <label class="visually-hidden" for="motion-search">${t('moSearch')}</label>
      <input id="motion-search" type="search" maxlength="100" placeholder=${t('moSearch')} value=${q} onInput=${(event: Event) => setQ((event.target as HTMLInputElement).value)} />
      <button type="submit">${t('moSearchButton')}</button>
    </div>
    <div class="filter-row">
      ${
        meetings.length > 0 &&
        html`<select class="compact" aria-label=${t('moMeeting')} value=${filters.meetingId} onChange=${set('meetingId')}>
        <option value="">${t('moAllMeetings')}</option>${meetings.map((meeting) => html`<option value=${meeting.id}>${meeting.title}</option>`)}</select>`
      }
      <select class="compact" aria-label=${t('moState')} value=${filters.state} onChange=${set('state')}>
        <option value="">${t('moAnyState')}</option>${motionStates.filter((state) => state !== 'draft').map((state) => html`<option value=${state}>${motionStateLabel(state)}</option>`)}</select>
      <select class="compact" aria-label=${t('moCategory')} value=${filters.category} onChange=${set('category')}>
        <option value="">${t('moAnyCategory')}</option>${motionCategories.map((category) => html`<option value=${category}>${categoryLabel(category)}</option>`)}</select>
      ${
        departments.length > 0 &&
        html`<select class="compact" aria-label=${t('moDepartment')} value=${filters.departmentId} onChange=${set('departmentId')}>
        <option value="">${t('moAnyDepartment')}</option>${departments.map((department) => html`<option value=${department.id}>${department.name}</option>`)}</select>`
      }
      <span class="checkbox"><input id="overdue-only" type="checkbox" checked=${filters.overdue} onChange=${set('overdue')} /><label for="overdue-only">${t('moOverdueOnly')}</label></span>
    </div>
  </form>`;
}

export function MotionTable({ motions }: { motions: MotionSummary[] }) {
  if (motions.length === 0) return html`<p class="empty">${t('moNoMotions')}</p>`;
  return html`<table class="data" data-testid="motion-list">
    <caption class="visually-hidden">${t('moList')}</caption>
    <thead><tr><th scope="col">${t('moNumber')}</th><th scope="col">${t('moSubject')}</th><th scope="col">${t('moProposer')}</th><th scope="col">${t('moCategory')}</th><th scope="col">${t('moState')}</th><th scope="col">${t('moDepartment')}</th><th scope="col">${t('moDueAt')}</th><th scope="col">${t('moRating')}</th></tr></thead>
    <tbody>${motions.map(
      (motion) => html`<tr data-motion=${motion.id}>
      <td class="nowrap">${motionNumber(motion.number)}</td>
      <th scope="row"><a href=${`/admin/motions/${motion.id}`}>${motion.subject}</a></th>
      <td>${motion.proposer.name}${motion.onPaper ? html` <span class="muted small">(${t('moOnPaper')})</span>` : ''}</td>
      <td>${categoryLabel(motion.category)}</td>
      <td><${MotionStateBadge} state=${motion.state} />${motion.overdue ? html` <${Badge} tone="accent">${t('moOverdueCount')}<//>` : ''}</td>
      <td>${motion.leadDepartment?.name ?? '—'}</td>
      <td class="nowrap">${motion.dueAt ? dateTime(motion.dueAt) : '—'}</td>
      <td>${motion.latestRating ? ratingLabel(motion.latestRating) : '—'}</td>
    </tr>`,
    )}</tbody>
  </table>`;
}

function Exports({ meetingId }: { meetingId: string }) {
  const suffix = meetingId ? `&meetingId=${encodeURIComponent(meetingId)}` : '';
  const link = (path: string, format: string) => `/api/motions/${path}?format=${format}${suffix}`;
  return html`<p class="link-row no-print" aria-label=${t('moExports')}>
    <a class="button-link" download href=${link('register', 'xlsx')}>${t('moExportRegister')} XLSX</a>
    <a class="button-link" download href=${link('register', 'csv')}>${t('moExportRegister')} CSV</a>
    <a class="button-link" download href=${link('register', 'docx')} title=${t('paperDownloadDocxTitle')}>${t('moExportRegister')} .docx</a>
    <a class="button-link" download href=${link('report', 'xlsx')}>${t('moExportReport')} XLSX</a>
    <a class="button-link" download href=${link('report', 'csv')}>${t('moExportReport')} CSV</a>
    <a class="button-link" download href=${link('report', 'docx')} title=${t('paperDownloadDocxTitle')}>${t('moExportReport')} .docx</a>
    <a class="button-link" href=${`/admin/motions/report${meetingId ? `?meetingId=${encodeURIComponent(meetingId)}` : ''}`}>${t('moPrintReport')}</a>
  </p>`;
}

export function MotionsTracker({ initialMeetingId = '' }: { initialMeetingId?: string }) {
  const handler = currentAccount()?.role === 'handler';
  useTitle(t(handler ? 'moHandlerHeading' : 'moTrackerHeading'));
  const [filters, setFilters] = useState<MotionFilters>({ ...EMPTY, meetingId: initialMeetingId });
  const meetings = useResource(() => (isSecretary() ? api.get<{ meetings: MeetingView[] }>('/api/meetings').then((body) => body.meetings) : Promise.resolve([])), []);
  const departments = useResource(() => api.get<{ departments: Department[] }>('/api/departments').then((body) => body.departments), []);
  const list = useResource(() => api.get<{ motions: MotionSummary[] }>(`/api/motions${query(filters)}`).then((body) => body.motions), [query(filters)]);
  const dashboardPath = `/api/motions/dashboard${filters.meetingId ? `?meetingId=${encodeURIComponent(filters.meetingId)}` : ''}`;
  const dashboard = useResource(() => (handler ? Promise.resolve(null) : api.get<{ dashboard: Dashboard }>(dashboardPath).then((body) => body.dashboard)), [dashboardPath]);
  const [liveAt, setLiveAt] = useState<string | null>(null);
  useMotionChanges(() => {
    void list.reload();
    void dashboard.reload();
    setLiveAt(new Date().toISOString());
  });

  const error = list.error ?? dashboard.error ?? meetings.error ?? departments.error;
  return html`<div class="page-head">
      <h1>${t(handler ? 'moHandlerHeading' : 'moTrackerHeading')}</h1>
      <div class="head-badges" role="status" aria-live="polite">${liveAt && html`<span class="muted small" data-testid="live-updated">${t('moLiveUpdated')} ${dateTime(liveAt, true)}</span>`}</div>
    </div>
    <${ErrorNote} error=${error} />
    ${
      !handler &&
      dashboard.value &&
      html`<${RateTiles} dashboard=${dashboard.value} />
      <${Exports} meetingId=${filters.meetingId} />
      <div class="columns even">
        <${DeadlineList} title=${t('moOverdueList')} entries=${dashboard.value.overdue} empty=${t('moNoneOverdue')} late=${true} />
        <${DeadlineList} title=${t('moDueSoonList', { days: 7 })} entries=${dashboard.value.dueSoon} empty=${t('moNoneDueSoon')} late=${false} />
      </div>`
    }
    <${FilterBar} filters=${filters} meetings=${meetings.value ?? []} departments=${handler ? [] : (departments.value ?? [])} onChange=${setFilters} />
    ${list.value ? html`<${MotionTable} motions=${list.value} />` : html`<${Loading} />`}
    ${!handler && dashboard.value && html`<${Breakdowns} dashboard=${dashboard.value} />`}`;
}
