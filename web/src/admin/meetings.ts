// The console's home: every meeting, newest first, and the terms (届) with their roster and cards.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { dateTime, kindLabel, meetingStateLabel } from './format.js';
import { NewMeetingForm, NewTermForm } from './meeting-forms.js';
import { isSecretary } from './session.js';
import type { MeetingView, Term } from './types.js';
import { Badge, ErrorNote, Loading, useResource, useTitle } from './ui.js';

const STATE_TONE = { draft: 'neutral', in_session: 'live', closed: 'done' } as const;

export function MeetingStateBadge({ state }: { state: MeetingView['state'] }) {
  return html`<${Badge} tone=${STATE_TONE[state]}>${meetingStateLabel(state)}<//>`;
}

function MeetingTable({ meetings, terms }: { meetings: MeetingView[]; terms: Term[] }) {
  if (meetings.length === 0) return html`<p class="empty">${t('adminNoMeetings')}</p>`;
  const termTitle = (id: string) => terms.find((term) => term.id === id)?.title ?? '';
  return html`<table class="data">
    <caption class="visually-hidden">${t('adminMeetings')}</caption>
    <thead><tr><th scope="col">${t('adminMeetingTitle')}</th><th scope="col">${t('adminTerm')}</th><th scope="col">${t('adminMeetingKind')}</th><th scope="col">${t('adminState')}</th><th scope="col">${t('adminCreatedAt')}</th></tr></thead>
    <tbody>
      ${meetings.map(
        (meeting) => html`<tr>
        <th scope="row"><a href=${`/admin/meetings/${meeting.id}`}>${meeting.title}</a></th>
        <td>${termTitle(meeting.termId)}</td>
        <td>${kindLabel(meeting.kind)}</td>
        <td><${MeetingStateBadge} state=${meeting.state} /></td>
        <td class="muted">${dateTime(meeting.createdAt)}</td>
      </tr>`,
      )}
    </tbody>
  </table>`;
}

function TermList({ terms, meetings }: { terms: Term[]; meetings: MeetingView[] }) {
  if (terms.length === 0) return html`<p class="empty">${t('adminNoTerms')}</p>`;
  return html`<ul class="term-list">
    ${[...terms]
      .sort((a, b) => b.number - a.number)
      .map(
        (term) => html`<li class="card term-card">
      <h3>${term.title}</h3>
      <p class="muted">${t('adminMeetingCount', { count: meetings.filter((meeting) => meeting.termId === term.id).length })}</p>
      ${
        isSecretary() &&
        html`<p class="link-row">
        <a class="button-link" href=${`/admin/terms/${term.id}/roster`}>${t('adminRoster')}</a>
        <a class="button-link" href=${`/admin/terms/${term.id}/cards`}>${t('adminCards')}</a>
        <a class="button-link" href=${`/admin/terms/${term.id}/rules`}>${t('rulesTitle')}</a>
        <a class="button-link" href=${`/admin/terms/${term.id}/credentials`}>${t('credTitle')}</a>
        <a class="button-link" href=${`/admin/terms/${term.id}/extraordinary`}>${t('exNav')}</a>
        <a class="button-link" href=${`/admin/terms/${term.id}/sessions`}>${t('agSessions')}</a>
        <a class="button-link" href=${`/admin/terms/${term.id}/joint-decisions`}>${t('jointDecisionsHeading')}</a>
      </p>`
      }
    </li>`,
      )}
  </ul>`;
}

export function MeetingsHome() {
  useTitle(t('adminNavMeetings'));
  const terms = useResource(() => api.get<{ terms: Term[] }>('/api/terms').then((body) => body.terms), []);
  const meetings = useResource(() => api.get<{ meetings: MeetingView[] }>('/api/meetings').then((body) => body.meetings), []);
  const [creating, setCreating] = useState<'term' | 'meeting' | null>(null);
  const secretary = isSecretary();

  if (terms.error || meetings.error) return html`<h1>${t('adminNavMeetings')}</h1><${ErrorNote} error=${terms.error ?? meetings.error} />`;
  if (!terms.value || !meetings.value) return html`<h1>${t('adminNavMeetings')}</h1><${Loading} />`;

  return html`<div class="page-head">
      <h1>${t('adminMeetingsHeading')}</h1>
      ${
        secretary &&
        html`<div class="actions">
        <button type="button" onClick=${() => setCreating('term')} aria-expanded=${creating === 'term'}>${t('adminNewTerm')}</button>
        <button type="button" class="primary" disabled=${terms.value.length === 0} onClick=${() => setCreating('meeting')} aria-expanded=${creating === 'meeting'}>${t('adminNewMeeting')}</button>
      </div>`
      }
    </div>
    ${
      creating === 'term' &&
      html`<${NewTermForm} terms=${terms.value} onCancel=${() => setCreating(null)} onCreated=${() => {
        setCreating(null);
        void terms.reload();
      }} />`
    }
    ${creating === 'meeting' && html`<${NewMeetingForm} terms=${terms.value} meetings=${meetings.value} onCancel=${() => setCreating(null)} />`}
    <div class="columns">
      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">${t('adminMeetings')}</h2>
        <${MeetingTable} meetings=${meetings.value} terms=${terms.value} />
      </section>
      <section aria-labelledby="terms-heading">
        <h2 id="terms-heading">${t('adminTerms')}</h2>
        <${TermList} terms=${terms.value} meetings=${meetings.value} />
      </section>
    </div>`;
}
