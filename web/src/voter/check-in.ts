// 签到: one button, then the status; the server's answer is the only thing that counts.
import { localized, type MessageKey, t } from '../i18n/i18n.js';
import { html, useState } from '../shared/html.js';
import type { LiveMeeting, Snapshot } from '../shared/live.js';

const statusKeys: Record<string, MessageKey> = {
  present: 'checkedIn',
  on_leave: 'attendanceOnLeave',
  absent: 'attendanceAbsent',
  not_checked_in: 'notCheckedIn',
};

interface CheckInProps {
  live: LiveMeeting;
  snapshot: Snapshot;
  connected: boolean;
}

export function CheckIn({ live, snapshot, connected }: CheckInProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { meeting, you } = snapshot;
  if (!meeting || !you) return null;
  const status = you.attendance;
  if (status === 'present') {
    return html`<p class="check-in done" data-testid="attendance"><span aria-hidden="true">✓</span> ${t('checkedIn')}</p>`;
  }
  const checkIn = async () => {
    setBusy(true);
    setError(null);
    const envelope = await live.command('attendance:check-in', { meetingId: meeting.id });
    if (envelope.error) setError(localized({ zh: envelope.error.messageZh, en: envelope.error.messageEn }));
    else await live.refresh();
    setBusy(false);
  };
  const closed = meeting.state === 'closed';
  return html`<div class="check-in">
    <p data-testid="attendance">${t(statusKeys[status] ?? 'notCheckedIn')}</p>
    ${closed ? null : html`<button type="button" class="primary wide" disabled=${busy || !connected} onClick=${checkIn}>${busy ? t('checkingIn') : t('checkIn')}</button>`}
    ${!closed && !connected ? html`<p class="muted small">${t('checkInWhenConnected')}</p>` : null}
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
  </div>`;
}
