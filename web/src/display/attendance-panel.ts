// 应到 / 实到 / 缺席 / 请假 and whether the quorum is reached, as large figures.
import { t } from '../i18n/i18n.js';
import { html } from '../shared/html.js';
import type { AttendanceCounts } from '../shared/live.js';

export function AttendancePanel({ attendance }: { attendance: AttendanceCounts | null }) {
  if (!attendance) return html`<aside class="display-attendance"></aside>`;
  const figures = [
    ['eligible', attendance.eligible],
    ['present', attendance.present],
    ['absent', attendance.absent],
    ['onLeave', attendance.onLeave],
  ] as const;
  const reached = attendance.quorum.reached;
  return html`<aside class="display-attendance" aria-label=${t('displayAttendance')}>
    <h2>${t('displayAttendance')}</h2>
    <dl class="figures">
      ${figures.map(([key, value]) => html`<div class=${`figure ${key}`}><dt>${t(key)}</dt><dd data-testid=${`figure-${key}`}>${value}</dd></div>`)}
    </dl>
    <p class=${`quorum ${reached ? 'reached' : 'not-reached'}`} data-testid="quorum">
      <span aria-hidden="true">${reached ? '✓' : '✗'}</span> ${reached ? t('quorumReached') : t('quorumNotReached')}
    </p>
    <p class="quorum-rule">${t('quorumRequired', { required: attendance.quorum.required })}</p>
    ${attendance.attendees > 0 ? html`<p class="attendees">${t('displayAttendees', { present: attendance.attendeesPresent, total: attendance.attendees })}</p>` : null}
  </aside>`;
}
