// Check-in monitor (签到): live counts and quorum, who is still missing by delegation, and marking by hand.
import { api } from '../shared/api.js';
import { html, useEffect, useState } from '../shared/html.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import type { LiveState } from './live-meeting.js';
import { isSecretary } from './session.js';
import type { AttendanceCounts, AttendanceEntry, AttendanceStatus, MeetingView } from './types.js';
import { Badge, ErrorNote, Loading, useAction, useResource } from './ui.js';

const STATUS_KEYS: Record<AttendanceStatus, MessageKey> = {
  present: 'adminStatusPresent',
  absent: 'absent',
  on_leave: 'onLeave',
  not_checked_in: 'adminStatusNotCheckedIn',
};
const STATUS_TONE: Record<AttendanceStatus, string> = { present: 'live', absent: 'warn', on_leave: 'neutral', not_checked_in: 'neutral' };

export function QuorumLine({ attendance }: { attendance: AttendanceCounts }) {
  const { quorum, present } = attendance;
  const short = Math.max(0, quorum.required - present);
  return html`<p class=${`quorum ${quorum.reached ? 'quorum-reached' : 'quorum-missing'}`} role="status" aria-live="polite" data-testid="quorum">
    <strong>${t(quorum.reached ? 'quorumReached' : 'quorumNotReached')}</strong>
    <span>${t('quorumRequired', { required: quorum.required })}${quorum.reached ? '' : t('adminQuorumShort', { short })}</span>
  </p>`;
}

export function AttendanceTiles({ attendance, compact = false }: { attendance: AttendanceCounts; compact?: boolean }) {
  const tiles: [string, string, string | number][] = [
    ['eligible', t('eligible'), attendance.eligible],
    ['present', t('present'), attendance.present],
    ['absent', t('absent'), attendance.absent],
    ['on-leave', t('onLeave'), attendance.onLeave],
    ['attendees', t('attendees'), `${attendance.attendeesPresent} / ${attendance.attendees}`],
  ];
  return html`<div>
    <dl class=${compact ? 'stats compact' : 'stats'}>
      ${tiles.map(([name, label, value]) => html`<div class=${`stat stat-${name}`}><dt>${label}</dt><dd data-count=${name}>${value}</dd></div>`)}
    </dl>
    <${QuorumLine} attendance=${attendance} />
  </div>`;
}

function MarkButtons({ meetingId, entry, onMarked }: { meetingId: string; entry: AttendanceEntry; onMarked: () => void }) {
  const action = useAction();
  const mark = (status: 'present' | 'absent' | 'on_leave') =>
    action.run(async () => {
      await api.put(`/api/meetings/${meetingId}/attendance/${entry.memberId}`, { status });
      onMarked();
    });
  const choices: ['present' | 'absent' | 'on_leave', MessageKey][] = [
    ['present', 'adminMarkPresent'],
    ['on_leave', 'adminMarkOnLeave'],
    ['absent', 'adminMarkAbsent'],
  ];
  return html`<div class="row-actions" role="group" aria-label=${t('adminMarkFor', { name: entry.name })}>
    ${choices.filter(([status]) => status !== entry.status).map(([status, key]) => html`<button type="button" class="small" disabled=${action.busy} onClick=${() => mark(status)}>${t(key)}</button>`)}
    <${ErrorNote} error=${action.error} />
  </div>`;
}

function groupByDelegation(entries: AttendanceEntry[]): [string, AttendanceEntry[]][] {
  const groups = new Map<string, AttendanceEntry[]>();
  for (const entry of entries) {
    const name = entry.delegationName ?? t('adminNoDelegation');
    groups.set(name, [...(groups.get(name) ?? []), entry]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));
}

interface Props {
  meeting: MeetingView;
  attendance: AttendanceCounts;
  live: LiveState;
}

export function CheckinScreen({ meeting, attendance, live }: Props) {
  const list = useResource(() => api.get<{ attendance: AttendanceEntry[]; counts: AttendanceCounts }>(`/api/meetings/${meeting.id}/attendance`), [meeting.id]);
  const [showAll, setShowAll] = useState(false);
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (live.snapshot?.attendance) void list.reload();
  }, [live.snapshot?.attendance]);

  const editable = isSecretary() && meeting.state !== 'closed';
  const entries = list.value?.attendance ?? [];
  const missing = entries.filter((entry) => entry.status !== 'present');
  const needle = query.trim().toLowerCase();
  const shown = (showAll ? entries : missing).filter((entry) => !needle || entry.name.toLowerCase().includes(needle) || entry.staffNumber.toLowerCase().includes(needle));

  return html`<section aria-labelledby="checkin-heading">
    <h2 id="checkin-heading">${t('adminCheckinHeading')}</h2>
    <${AttendanceTiles} attendance=${attendance} />
    <div class="toolbar">
      <div class="segmented" role="group" aria-label=${t('adminCheckinFilter')}>
        <button type="button" class="small" aria-pressed=${!showAll} onClick=${() => setShowAll(false)}>${t('adminStillMissing', { count: missing.length })}</button>
        <button type="button" class="small" aria-pressed=${showAll} onClick=${() => setShowAll(true)}>${t('adminEveryone', { count: entries.length })}</button>
      </div>
      <label class="search"><span class="visually-hidden">${t('adminSearchPeople')}</span>
        <input type="search" placeholder=${t('adminSearchPeople')} value=${query} onInput=${(e: Event) => setQuery((e.target as HTMLInputElement).value)} /></label>
    </div>
    <${ErrorNote} error=${list.error} />
    ${!list.value && !list.error && html`<${Loading} />`}
    ${list.value && shown.length === 0 && html`<p class="empty">${showAll ? t('adminNobodyOnRoster') : t('adminEveryonePresent')}</p>`}
    <div class="delegation-groups" data-testid="missing">
      ${groupByDelegation(shown).map(
        ([name, people]) => html`<section class="card group" aria-label=${name}>
        <h3>${name} <span class="muted">${t('adminGroupCount', { count: people.length })}</span></h3>
        <table class="data compact">
          <thead><tr><th scope="col">${t('adminName')}</th><th scope="col">${t('adminStaffNumber')}</th><th scope="col">${t('adminState')}</th>${editable && html`<th scope="col"><span class="visually-hidden">${t('adminActions')}</span></th>`}</tr></thead>
          <tbody>${people.map(
            (entry) => html`<tr data-member=${entry.memberId}>
            <th scope="row">${entry.name} ${entry.role === 'attendee' && html`<${Badge} tone="neutral">${t('attendees')}<//>`}</th>
            <td class="mono">${entry.staffNumber}</td>
            <td><${Badge} tone=${STATUS_TONE[entry.status]}>${t(STATUS_KEYS[entry.status])}<//></td>
            ${editable && html`<td><${MarkButtons} meetingId=${meeting.id} entry=${entry} onMarked=${list.reload} /></td>`}
          </tr>`,
          )}</tbody>
        </table>
      </section>`,
      )}
    </div>
  </section>`;
}
