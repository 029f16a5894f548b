// One meeting: its header, live connection and tabs (overview, check-in, ballots, audit log).
import { api } from '../shared/api.js';
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { AuditScreen } from './audit.js';
import { BallotEditScreen, BallotForm } from './ballot-form.js';
import { BallotScreen } from './ballot.js';
import { BallotList } from './ballots.js';
import { ChairScriptScreen } from './chair-script.js';
import { CheckinScreen } from './checkin.js';
import { JointRollScreen } from './joint.js';
import { kindLabel } from './format.js';
import { ConnectionBadge, useLiveMeeting, useMeetingBallots } from './live-meeting.js';
import { MeetingOverview } from './meeting-overview.js';
import { MeetingMotions } from './motion-meeting.js';
import { MeetingDocuments } from './documents.js';
import { MeetingStateBadge } from './meetings.js';
import { PresidingChairPanel } from './presidium.js';
import { currentAccount, isOfficer, isSecretary } from './session.js';
import type { ResponseOf } from '../shared/api-types.js';
import type { MeetingView } from './types.js';
import { ErrorNote, Loading, Tabs, useResource, useTitle } from './ui.js';

type MeetingResponse = ResponseOf<'/api/meetings/{id}', 'get'>;

export function MeetingLayout({ meetingId, section }: { meetingId: string; section: string }) {
  const resource = useResource(() => api.get<MeetingResponse>(`/api/meetings/${meetingId}`), [meetingId]);
  const live = useLiveMeeting(meetingId);
  const ballots = useMeetingBallots(live.snapshot);
  const pushed = live.snapshot?.meeting as Partial<MeetingView> | null | undefined;
  const meeting = resource.value ? { ...resource.value.meeting, ...(pushed ?? {}) } : undefined;
  const attendance = live.snapshot?.attendance ?? resource.value?.attendance;
  useTitle(meeting?.title);

  if (resource.error) return html`<h1>${t('adminMeeting')}</h1><${ErrorNote} error=${resource.error} />`;
  if (!meeting || !attendance) return html`<h1>${t('adminMeeting')}</h1><${Loading} />`;

  const base = `/admin/meetings/${meeting.id}`;
  const tabs = [
    { href: base, label: t('adminTabOverview') },
    // A joint meeting's electorate is its own roll (联席会议成员).
    ...(meeting.sitting === 'joint' ? [{ href: `${base}/roll`, label: t('jointTab') }] : []),
    { href: `${base}/checkin`, label: t('adminTabCheckin') },
    { href: `${base}/ballots`, label: t('adminTabBallots') },
    ...(isSecretary()
      ? [
          { href: `${base}/motions`, label: t('moSettings') },
          { href: `${base}/documents`, label: t('docTab') },
        ]
      : []),
    ...(isOfficer(currentAccount()) ? [{ href: `${base}/script`, label: t('scriptTab') }] : []),
    { href: `${base}/presidium`, label: t('prTabChair') },
    { href: `${base}/audit`, label: t('adminTabAudit') },
  ];
  const current = section.startsWith('ballots') ? `${base}/ballots` : section.startsWith('script') ? `${base}/script` : section ? `${base}/${section}` : base;
  const setMeeting = (next: MeetingView) => resource.set({ meeting: next, attendance });
  const shared = { meeting, attendance, live, ballots };

  let content: unknown;
  const ballotMatch = /^ballots\/([A-Za-z0-9_-]+)$/.exec(section);
  const editMatch = /^ballots\/([A-Za-z0-9_-]+)\/edit$/.exec(section);
  if (section === '') content = html`<${MeetingOverview} ...${shared} onMeetingChanged=${setMeeting} />`;
  else if (section === 'roll' && meeting.sitting === 'joint') content = html`<${JointRollScreen} meeting=${meeting} attendance=${attendance} />`;
  else if (section === 'checkin') content = html`<${CheckinScreen} ...${shared} />`;
  else if (section === 'ballots') content = html`<${BallotList} ...${shared} />`;
  else if (section === 'ballots/new') content = isSecretary() ? html`<${BallotForm} ...${shared} />` : html`<p>${t('adminSecretaryOnly')}</p>`;
  else if (editMatch) content = isSecretary() ? html`<${BallotEditScreen} ...${shared} ballotId=${editMatch[1]} />` : html`<p>${t('adminSecretaryOnly')}</p>`;
  else if (ballotMatch) content = html`<${BallotScreen} ...${shared} ballotId=${ballotMatch[1]} />`;
  else if (section === 'motions') content = html`<${MeetingMotions} meeting=${meeting} />`;
  else if (section === 'documents') content = html`<${MeetingDocuments} meeting=${meeting} />`;
  else if (section === 'script' || section === 'script/tablet') content = html`<${ChairScriptScreen} meeting=${meeting} live=${live} tablet=${section === 'script/tablet'} />`;
  else if (section === 'presidium') content = html`<${PresidingChairPanel} meeting=${meeting} onMeetingChanged=${setMeeting} />`;
  else if (section === 'audit') content = html`<${AuditScreen} meetingId=${meeting.id} ballots=${ballots.ballots} />`;
  else content = html`<p>${t('adminNotFound')}</p>`;

  return html`<div class="meeting-head">
      <p class="breadcrumb"><a href="/admin">← ${t('adminBackToMeetings')}</a>${
        meeting.sessionId && isSecretary() ? html` · <a href=${`/admin/terms/${meeting.termId}/sessions/${meeting.sessionId}`}>${t('agSessions')}</a>` : null
      }</p>
      <div class="page-head">
        <h1>${meeting.title}</h1>
        <div class="head-badges">
          <span class="muted">${kindLabel(meeting.kind)}</span>
          <${MeetingStateBadge} state=${meeting.state} />
          <${ConnectionBadge} live=${live} />
        </div>
      </div>
    </div>
    <${Tabs} tabs=${tabs} current=${current} label=${t('adminMeetingSections')} />
    ${content}`;
}
