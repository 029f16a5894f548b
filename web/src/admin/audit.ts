// The audit log (审计日志): every officer action, newest first; never a voter's choice.
import { api } from '../shared/api.js';
import { html, useEffect, useState } from '../shared/html.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import { dateTime } from './format.js';
import type { AuditEntry, Ballot } from './types.js';
import { ErrorNote, Loading, useAction, useTitle } from './ui.js';

const PAGE = 100;

const ACTIONS: Record<string, MessageKey> = {
  'term.created': 'adminActionTermCreated',
  'delegation.created': 'adminActionDelegationCreated',
  'delegation.updated': 'adminActionDelegationUpdated',
  'delegation.deleted': 'adminActionDelegationDeleted',
  'member.added': 'adminActionMemberAdded',
  'member.updated': 'adminActionMemberUpdated',
  'member.removed': 'adminActionMemberRemoved',
  'roster.imported': 'adminActionRosterImported',
  'code.issued': 'adminActionCodeIssued',
  'code.issued-bulk': 'adminActionCodesIssued',
  'code.revoked': 'adminActionCodeRevoked',
  'account.created': 'adminActionAccountCreated',
  'meeting.created': 'adminActionMeetingCreated',
  'meeting.updated': 'adminActionMeetingUpdated',
  'meeting.open': 'adminActionMeetingOpened',
  'meeting.close': 'adminActionMeetingClosed',
  'meeting.display-token-issued': 'adminActionDisplayIssued',
  'attendance.marked': 'adminActionAttendanceMarked',
  'ballot.created': 'adminActionBallotCreated',
  'ballot.revote-created': 'adminActionRevoteCreated',
  'ballot.new-election-created': 'adminActionNewElectionCreated',
  'ballot.updated': 'adminActionBallotUpdated',
  'ballot.deleted': 'adminActionBallotDeleted',
  'ballot.opened': 'adminActionBallotOpened',
  'ballot.closed': 'adminActionBallotClosed',
  'ballot.manual-result': 'adminActionManualResult',
  'ballot.counted': 'adminActionBallotCounted',
  'ballot.published': 'adminActionBallotPublished',
  'ballot.confirmation-recorded': 'tpActionRecorded',
  'ballot.confirmation-withdrawn': 'tpActionWithdrawn',
  'meeting.two-person-control-changed': 'tpActionSettingChanged',
};

const STEPS: Record<string, MessageKey> = { open: 'tpStepOpen', close: 'tpStepClose', publish: 'tpStepPublish' };
const CONTROLS: Record<string, MessageKey> = { none: 'tpNone', close_publish: 'tpClosePublish', all: 'tpAll' };

const STATUS: Record<string, MessageKey> = { present: 'adminStatusPresent', absent: 'absent', on_leave: 'onLeave' };

/** The detail in words where we know the action; otherwise its fields as they are. */
function describe(entry: AuditEntry, ballotTitle: string | undefined): string {
  const d = entry.detail;
  switch (entry.action) {
    case 'ballot.opened': {
      const base = t('adminDetailOpened', { present: String(d.present ?? '?'), eligible: String(d.eligible ?? '?'), required: String(d.quorumRequired ?? '?') });
      return d.quorumOverridden ? `${base} · ${t('adminDetailOverride', { reason: String(d.reason ?? '') })}` : base;
    }
    case 'ballot.closed':
      return t('adminDetailClosed', { cast: String(d.cast ?? 0), eligible: String(d.eligible ?? 0) });
    case 'ballot.confirmation-recorded':
    case 'ballot.confirmation-withdrawn':
      return [STEPS[String(d.step)] ? t(STEPS[String(d.step)]!) : '', ballotTitle ?? ''].filter(Boolean).join(' · ');
    case 'meeting.two-person-control-changed':
      return `${CONTROLS[String(d.from)] ? t(CONTROLS[String(d.from)]!) : String(d.from)} → ${CONTROLS[String(d.to)] ? t(CONTROLS[String(d.to)]!) : String(d.to)}`;
    case 'ballot.counted':
      return t('adminDetailCounted', { cast: String(d.cast ?? 0) });
    case 'ballot.manual-result':
      return t('adminDetailManual', { present: String(d.present ?? 0), cast: String(d.cast ?? 0) });
    case 'roster.imported':
    case 'code.issued-bulk':
      return t('adminDetailCount', { count: String(d.count ?? 0) });
    case 'attendance.marked':
      // Who was marked, and how (older entries carry no name).
      return [typeof d.name === 'string' ? d.name : '', d.status && STATUS[String(d.status)] ? t(STATUS[String(d.status)]!) : ''].filter(Boolean).join(' · ');
  }
  if (typeof d.title === 'string') return d.title;
  if (ballotTitle) return ballotTitle;
  if (typeof d.name === 'string') return d.name;
  return Object.entries(d)
    .filter(([key]) => !/Id$/.test(key))
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}

export function AuditScreen({ meetingId, ballots = null }: { meetingId: string | null; ballots?: Ballot[] | null }) {
  useTitle(meetingId ? null : t('adminNavAudit'));
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const action = useAction();

  const load = (before?: number) =>
    action.run(async () => {
      const query = new URLSearchParams({ limit: String(PAGE) });
      if (meetingId) query.set('meetingId', meetingId);
      if (before) query.set('before', String(before));
      const body = await api.get<{ entries: AuditEntry[] }>(`/api/audit?${query}`);
      setEntries((previous) => (before && previous ? [...previous, ...body.entries] : body.entries));
      setMore(body.entries.length === PAGE);
    });

  useEffect(() => void load(), [meetingId]);

  const Heading = meetingId ? 'h2' : 'h1';
  return html`<section aria-labelledby="audit-heading">
    <div class="section-head">
      <${Heading} id="audit-heading">${t(meetingId ? 'adminMeetingAudit' : 'adminNavAudit')}<//>
      <button type="button" class="small" disabled=${action.busy} onClick=${() => load()}>${t('adminRefresh')}</button>
    </div>
    <p class="muted">${t('adminAuditHelp')}</p>
    <${ErrorNote} error=${action.error} />
    ${!entries && !action.error && html`<${Loading} />`}
    ${entries && entries.length === 0 && html`<p class="empty">${t('adminAuditEmpty')}</p>`}
    ${
      entries &&
      entries.length > 0 &&
      html`<table class="data audit">
      <thead><tr><th scope="col">${t('adminTime')}</th><th scope="col">${t('adminActor')}</th><th scope="col">${t('adminAction')}</th><th scope="col">${t('adminDetail')}</th></tr></thead>
      <tbody>${entries.map(
        (entry) => html`<tr data-action=${entry.action}>
        <td class="nowrap muted">${dateTime(entry.at, true)}</td>
        <td>${entry.actor === 'system' ? t('adminSystem') : entry.actor}</td>
        <td>${ACTIONS[entry.action] ? t(ACTIONS[entry.action]!) : entry.action}</td>
        <td>${describe(entry, ballots?.find((ballot) => ballot.id === entry.ballotId)?.title)}</td>
      </tr>`,
      )}</tbody>
    </table>`
    }
    ${more && entries && html`<div class="actions"><button type="button" disabled=${action.busy} onClick=${() => load(entries[entries.length - 1]?.id)}>${t('adminLoadOlder')}</button></div>`}
  </section>`;
}
