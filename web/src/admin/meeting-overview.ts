// A meeting's overview: open and close the session, attendance at a glance, and the projector (大屏) link.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { DEFAULT_PAGE_SECONDS } from '../display/paging.js';
import { dateTime, kindLabel } from './format.js';
import { AttendanceTiles } from './checkin.js';
import type { LiveState, MeetingBallots } from './live-meeting.js';
import { AwaitingYou, TwoPersonSetting } from './awaiting-confirmation.js';
import { isSecretary } from './session.js';
import type { AttendanceCounts, MeetingView } from './types.js';
import { ConfirmDialog, ErrorNote, useAction } from './ui.js';

interface Props {
  meeting: MeetingView;
  attendance: AttendanceCounts;
  live: LiveState;
  ballots: MeetingBallots;
  onMeetingChanged: (meeting: MeetingView) => void;
}

function SessionCard({ meeting, onMeetingChanged }: Pick<Props, 'meeting' | 'onMeetingChanged'>) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const opening = meeting.state === 'draft';
  const change = async () => {
    await action.run(async () => {
      const { meeting: next } = await api.post<{ meeting: MeetingView }>(`/api/meetings/${meeting.id}/${opening ? 'open' : 'close'}`);
      onMeetingChanged(next);
    });
    setConfirming(false);
  };
  return html`<section class="card" aria-labelledby="session-heading">
    <h2 id="session-heading">${t('adminSession')}</h2>
    <dl class="facts">
      <div><dt>${t('adminMeetingKind')}</dt><dd>${kindLabel(meeting.kind)}</dd></div>
      <div><dt>${t('adminSessionNumber')}</dt><dd>${meeting.sessionNumber ?? '—'}</dd></div>
      <div><dt>${t('adminQuorumFraction')}</dt><dd>${meeting.quorum.numerator} / ${meeting.quorum.denominator}</dd></div>
      <div><dt>${t('adminOpenedAt')}</dt><dd>${dateTime(meeting.openedAt)}</dd></div>
      <div><dt>${t('adminClosedAt')}</dt><dd>${dateTime(meeting.closedAt)}</dd></div>
    </dl>
    <${TwoPersonSetting} meeting=${meeting} onMeetingChanged=${onMeetingChanged} />
    <p class="muted">${t(meeting.state === 'draft' ? 'adminSessionDraftHelp' : meeting.state === 'in_session' ? 'adminSessionOpenHelp' : 'adminSessionClosedHelp')}</p>
    <${ErrorNote} error=${action.error} />
    ${
      isSecretary() &&
      meeting.state !== 'closed' &&
      html`<div class="actions">
      <button type="button" class=${opening ? 'primary' : 'danger'} onClick=${() => setConfirming(true)}>${t(opening ? 'adminOpenSession' : 'adminCloseSession')}</button>
    </div>`
    }
    <${ConfirmDialog} open=${confirming} title=${t(opening ? 'adminOpenSessionConfirmTitle' : 'adminCloseSessionConfirmTitle')}
      confirmLabel=${t(opening ? 'adminOpenSession' : 'adminCloseSession')} danger=${!opening} busy=${action.busy}
      onConfirm=${change} onCancel=${() => setConfirming(false)}>
      <p>${t(opening ? 'adminOpenSessionConfirm' : 'adminCloseSessionConfirm')}</p>
    <//>
  </section>`;
}

function absolute(url: string): string {
  return url.startsWith('/') ? `${location.origin}${url}` : url;
}

/** The display link with the seconds each page of a long result stays up, when not the projector's default. */
function withPageSeconds(link: string, seconds: number): string {
  const url = new URL(link, location.origin);
  if (seconds === DEFAULT_PAGE_SECONDS) url.searchParams.delete('seconds');
  else url.searchParams.set('seconds', String(seconds));
  return url.toString();
}

function DisplayCard({ meeting }: { meeting: MeetingView }) {
  const [issued, setLink] = useState<string | null>(null);
  const [seconds, setSeconds] = useState(DEFAULT_PAGE_SECONDS);
  const link = issued && withPageSeconds(issued, seconds);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const action = useAction();
  const issue = async () => {
    setConfirming(false);
    await action.run(async () => {
      const { displayUrl } = await api.post<{ token: string; displayUrl: string }>(`/api/meetings/${meeting.id}/display-token`);
      setLink(absolute(displayUrl));
      setCopied(false);
    });
  };
  const copy = async () => {
    if (!link) return;
    await navigator.clipboard?.writeText(link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  const hadToken = meeting.hasDisplayToken || link !== null;
  return html`<section class="card" aria-labelledby="display-heading">
    <h2 id="display-heading">${t('adminDisplay')}</h2>
    <p class="muted">${t('adminDisplayHelp')}</p>
    ${
      link &&
      html`<div class="display-link">
      <label for="display-url">${t('adminDisplayLink')}</label>
      <div class="input-row">
        <input id="display-url" class="wide mono" readonly value=${link} onFocus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" onClick=${copy}>${copied ? t('adminCopied') : t('adminCopy')}</button>
        <a class="button-link" href=${link} target="_blank" rel="noopener">${t('adminOpenDisplay')}</a>
      </div>
      <label for="display-seconds">${t('adminDisplaySeconds')}</label>
      <input id="display-seconds" type="number" min="1" max="600" value=${seconds}
        onInput=${(e: Event) => {
          const value = Number((e.target as HTMLInputElement).value);
          if (Number.isInteger(value) && value >= 1 && value <= 600) {
            setSeconds(value);
            setCopied(false);
          }
        }} />
    </div>`
    }
    ${!link && meeting.hasDisplayToken && html`<p>${t('adminDisplayIssuedBefore')}</p>`}
    <${ErrorNote} error=${action.error} />
    ${
      isSecretary() &&
      html`<div class="actions">
      <button type="button" class=${hadToken ? '' : 'primary'} disabled=${action.busy} onClick=${() => (hadToken ? setConfirming(true) : issue())}>${t(hadToken ? 'adminReissueDisplay' : 'adminIssueDisplay')}</button>
    </div>`
    }
    <${ConfirmDialog} open=${confirming} title=${t('adminReissueDisplay')} confirmLabel=${t('adminReissueDisplay')} onConfirm=${issue} onCancel=${() => setConfirming(false)}>
      <p>${t('adminReissueDisplayConfirm')}</p>
    <//>
  </section>`;
}

export function MeetingOverview({ meeting, attendance, ballots, onMeetingChanged }: Props) {
  const base = `/admin/meetings/${meeting.id}`;
  return html`<div class="overview">
    <${AwaitingYou} meeting=${meeting} ballots=${ballots} />
    <${SessionCard} meeting=${meeting} onMeetingChanged=${onMeetingChanged} />
    <section class="card" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">${t('adminAttendance')}</h2>
      <${AttendanceTiles} attendance=${attendance} compact />
      <p class="link-row"><a href=${`${base}/checkin`}>${t('adminGoToCheckin')}</a> <a href=${`${base}/ballots`}>${t('adminGoToBallots')}</a></p>
    </section>
    ${isSecretary() && html`<${DisplayCard} meeting=${meeting} />`}
    ${
      isSecretary() &&
      html`<section class="card" aria-labelledby="roster-heading">
      <h2 id="roster-heading">${t('adminRosterAndCards')}</h2>
      <p class="muted">${t('adminRosterLockedHelp')}</p>
      <p class="link-row"><a class="button-link" href=${`/admin/terms/${meeting.termId}/roster`}>${t('adminRoster')}</a>
        <a class="button-link" href=${`/admin/terms/${meeting.termId}/cards`}>${t('adminCards')}</a></p>
    </section>`
    }
  </div>`;
}
