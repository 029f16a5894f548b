// A session's resolutions (决议): drafted by the server from the session's figures, edited here while
// a draft, put to the vote at a plenary sitting (付诸表决), then fixed, with the result clause the count
// wrote; and the adopted ones printable on A4 in the 公文 manner, like the credentials report.
import type { components } from '../generated/api.js';
import { api } from '../shared/api.js';
import { signingDate } from '../shared/dates.js';
import { html, useState } from '../shared/html.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { dateTime } from './format.js';
import { isSecretary } from './session.js';
import { SessionTabs } from './session-tabs.js';
import { TermHeader, useTerm } from './term-page.js';
import type { MeetingView } from './types.js';
import { Badge, ConfirmDialog, ErrorNote, Loading, useAction, useResource, useTitle } from './ui.js';
import './credentials.css';
import './resolutions.css';

type Resolution = components['schemas']['Resolution'];
type Session = components['schemas']['Session'];
interface DocumentRef {
  id: string;
  termId: string;
  title: string;
}

const STATE_KEYS: Record<Resolution['state'], MessageKey> = {
  draft: 'resStateDraft',
  on_ballot: 'resStateOnBallot',
  voting: 'resStateVoting',
  adopted: 'resStateAdopted',
  not_adopted: 'resStateNotAdopted',
};
const STATE_TONES: Record<Resolution['state'], string> = { draft: 'plain', on_ballot: 'plain', voting: 'live', adopted: 'done', not_adopted: 'plain' };

const value = (event: Event) => (event.target as HTMLInputElement).value;

interface Loaded {
  session: Session;
  resolutions: Resolution[];
  plenaries: MeetingView[];
  documents: DocumentRef[];
}

async function load(termId: string, sessionId: string): Promise<Loaded> {
  const [{ session }, { resolutions }, { meetings }, documents] = await Promise.all([
    api
      .get<{ session: Session }>(`/api/sessions/${sessionId}`)
      .catch(() => ({ session: { id: sessionId, termId, title: '', number: 0, kind: 'regular', createdAt: '', closedAt: null, meetingIds: [] } as Session })),
    api.get<{ resolutions: Resolution[] }>(`/api/sessions/${sessionId}/resolutions`),
    api.get<{ meetings: MeetingView[] }>(`/api/meetings?termId=${termId}`).catch(() => ({ meetings: [] as MeetingView[] })),
    api.get<{ documents: DocumentRef[] }>('/api/documents').catch(() => ({ documents: [] as DocumentRef[] })),
  ]);
  const plenaries = meetings.filter((meeting) => meeting.sessionId === sessionId && meeting.sitting === 'plenary' && meeting.state !== 'closed');
  return { session, resolutions, plenaries, documents: documents.documents.filter((document) => document.termId === termId) };
}

function CreateForm({ sessionId, documents, onCreated }: { sessionId: string; documents: DocumentRef[]; onCreated: () => Promise<void> }) {
  const [documentId, setDocumentId] = useState('');
  const [subject, setSubject] = useState('');
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { ...(documentId ? { documentId } : {}), ...(subject.trim() ? { subject: subject.trim() } : {}) };
    if (await action.run(() => api.post(`/api/sessions/${sessionId}/resolutions`, body))) {
      setSubject('');
      setDocumentId('');
      await onCreated();
    }
  };
  return html`<form class="card form no-print" onSubmit=${submit} aria-labelledby="new-resolution-title">
    <h2 id="new-resolution-title">${t('resNew')}</h2>
    <div class="form-grid">
      <div><label for="resolution-document">${t('resDocument')}</label>
        <select id="resolution-document" value=${documentId} onChange=${(e: Event) => setDocumentId(value(e))}>
          <option value="">${t('resNoDocument')}</option>
          ${documents.map((document) => html`<option value=${document.id}>${document.title}</option>`)}
        </select></div>
      <div><label for="resolution-subject">${t('resSubject')}</label>
        <input id="resolution-subject" maxlength="200" value=${subject} onInput=${(e: Event) => setSubject(value(e))} />
        <p class="hint">${t('resSubjectHelp')}</p></div>
    </div>
    <${ErrorNote} error=${action.error} />
    <div class="actions"><button type="submit" class="primary" disabled=${action.busy || (!documentId && !subject.trim())}>${t('resCreate')}</button></div>
  </form>`;
}

function Editor({ resolution, onChanged }: { resolution: Resolution; onChanged: () => Promise<void> }) {
  const [title, setTitle] = useState(resolution.title);
  const [body, setBody] = useState(resolution.body);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const id = resolution.id;
  const save = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      await api.patch(`/api/resolutions/${id}`, { title, body });
      await onChanged();
    });
  };
  const redraft = () =>
    action.run(async () => {
      setConfirming(false);
      const answer = await api.post<{ resolution: Resolution }>(`/api/resolutions/${id}/redraft`, {});
      setTitle(answer.resolution.title);
      setBody(answer.resolution.body);
      await onChanged();
    });
  const remove = () =>
    action.run(async () => {
      await api.delete(`/api/resolutions/${id}`);
      await onChanged();
    });
  return html`<form class="form" onSubmit=${save}>
    <label for=${`title-${id}`}>${t('resTitleField')}</label>
    <input id=${`title-${id}`} class="wide" maxlength="300" value=${title} onInput=${(e: Event) => setTitle(value(e))} />
    <label for=${`body-${id}`}>${t('resBody')}</label>
    <textarea id=${`body-${id}`} rows="8" maxlength="20000" value=${body} onInput=${(e: Event) => setBody(value(e))}></textarea>
    <${ErrorNote} error=${action.error} />
    <div class="actions">
      <button type="submit" class="primary" disabled=${action.busy}>${t('resSave')}</button>
      <button type="button" disabled=${action.busy} onClick=${() => setConfirming(true)}>${t('resRedraft')}</button>
      ${resolution.state === 'draft' && html`<button type="button" class="danger" disabled=${action.busy} onClick=${remove}>${t('resDelete')}</button>`}
    </div>
    <${ConfirmDialog} open=${confirming} title=${t('resRedraft')} confirmLabel=${t('resRedraft')} busy=${action.busy} onConfirm=${redraft} onCancel=${() => setConfirming(false)}>
      <p>${t('resRedraftConfirm')}</p>
    <//>
  </form>`;
}

function PutToVote({ resolution, plenaries, onChanged }: { resolution: Resolution; plenaries: MeetingView[]; onChanged: () => Promise<void> }) {
  const [meetingId, setMeetingId] = useState('');
  const action = useAction();
  if (plenaries.length === 0) return html`<p class="muted">${t('resNoPlenary')}</p>`;
  const chosen = meetingId || plenaries.at(-1)!.id;
  const submit = () =>
    action.run(async () => {
      await api.post(`/api/resolutions/${resolution.id}/ballot`, { meetingId: chosen });
      await onChanged();
    });
  return html`<div class="put-to-vote">
    <label for=${`sitting-${resolution.id}`}>${t('resSitting')}</label>
    <select id=${`sitting-${resolution.id}`} value=${chosen} onChange=${(e: Event) => setMeetingId(value(e))}>
      ${plenaries.map((meeting) => html`<option value=${meeting.id}>${meeting.title}</option>`)}
    </select>
    <${ErrorNote} error=${action.error} />
    <div class="actions"><button type="button" class="primary" disabled=${action.busy} onClick=${submit}>${t('resPutToVote')}</button></div>
  </div>`;
}

function ResolutionCard({ resolution, plenaries, onChanged }: { resolution: Resolution; plenaries: MeetingView[]; onChanged: () => Promise<void> }) {
  const editable = isSecretary() && resolution.frozenAt === null && (resolution.state === 'draft' || resolution.state === 'on_ballot');
  return html`<li class="card resolution-card" data-testid="resolution">
    <h3>${resolution.title} <${Badge} tone=${STATE_TONES[resolution.state]}>${t(STATE_KEYS[resolution.state])}<//></h3>
    ${
      editable
        ? html`<${Editor} key=${`${resolution.id}-${resolution.updatedAt}`} resolution=${resolution} onChanged=${onChanged} />`
        : html`<div class="resolution-text">${resolution.body.split('\n').map((line) => html`<p>${line}</p>`)}</div>`
    }
    ${resolution.resultClause && html`<p class="resolution-result" data-testid="resolution-result"><strong>${t('resResultClause')}：</strong>${resolution.resultClause}</p>`}
    ${resolution.frozenAt && html`<p class="muted">${t('resFrozen', { at: dateTime(resolution.frozenAt), hash: resolution.textSha256 ?? '' })}</p>`}
    <p>${resolution.ballot && html`<a href=${`/admin/meetings/${resolution.ballot.meetingId}/ballots/${resolution.ballot.ballotId}`}>${t('resBallotLink')}</a> `}
      <a class="button-link" download href=${`/api/resolutions/${resolution.id}/docx`} title=${t('paperDownloadDocxTitle')} data-testid="resolution-docx">${t('resDocxOne')}</a></p>
    ${isSecretary() && resolution.state === 'draft' && resolution.frozenAt === null && html`<${PutToVote} resolution=${resolution} plenaries=${plenaries} onChanged=${onChanged} />`}
  </li>`;
}

export function ResolutionsScreen({ termId, sessionId }: { termId: string; sessionId: string }) {
  const term = useTerm(termId);
  const data = useResource(() => load(termId, sessionId), [termId, sessionId]);
  const header = html`<${TermHeader} term=${term.value} termId=${termId} section="sessions" title=${data.value?.session.title || t('resTitle')} />
    <p class="breadcrumb"><a href=${`/admin/terms/${termId}/sessions`}>← ${t('agSessions')}</a></p>
    <${SessionTabs} termId=${termId} sessionId=${sessionId} current="resolutions" />`;
  if (data.error) return html`${header}<${ErrorNote} error=${data.error} />`;
  if (!data.value) return html`${header}<${Loading} />`;
  const { resolutions, plenaries, documents } = data.value;
  return html`${header}
    <p class="muted">${t('resIntro')}</p>
    <p><a href=${`/admin/sessions/${sessionId}/resolutions/print`}>${t('resPrint')}</a>
      ${resolutions.some((resolution) => resolution.state === 'adopted') && html` <${SessionDocx} sessionId=${sessionId} include="adopted" />`}
      ${resolutions.some((resolution) => resolution.state === 'not_adopted') && html` <${SessionDocx} sessionId=${sessionId} include="voted" />`}</p>
    ${resolutions.length === 0 ? html`<p class="empty">${t('resNone')}</p>` : ''}
    <ul class="resolution-list" data-testid="resolutions">${resolutions.map((resolution) => html`<${ResolutionCard} key=${resolution.id} resolution=${resolution} plenaries=${plenaries} onChanged=${data.reload} />`)}</ul>
    ${isSecretary() && html`<${CreateForm} sessionId=${sessionId} documents=${documents} onCreated=${data.reload} />`}`;
}

/** The session's resolutions as one .docx in the official layout: the adopted ones, or every one voted on. */
function SessionDocx({ sessionId, include }: { sessionId: string; include: 'adopted' | 'voted' }) {
  const href = `/api/sessions/${sessionId}/resolutions/docx${include === 'voted' ? '?include=voted' : ''}`;
  return html`<a class="button-link" download href=${href} title=${t('paperDownloadDocxTitle')} data-testid=${`resolutions-docx-${include}`}>${t(include === 'voted' ? 'resDocxVoted' : 'resDocxAdopted')}</a>`;
}

/** The session's adopted resolutions on A4, one a page, in the 公文 manner (the credentials report's print styles). */
export function ResolutionsPrint({ sessionId }: { sessionId: string }) {
  const loaded = useResource(() => api.get<{ resolutions: Resolution[] }>(`/api/sessions/${sessionId}/resolutions`).then((body) => body.resolutions), [sessionId]);
  useTitle(t('resPrintTitle'));
  if (loaded.error) return html`<${ErrorNote} error=${loaded.error} />`;
  if (!loaded.value) return html`<${Loading} />`;
  const adopted = loaded.value.filter((resolution) => resolution.state === 'adopted');
  return html`<div class="credentials-page resolutions-print">
    <p class="breadcrumb no-print"><a href="#" onClick=${(event: Event) => {
      event.preventDefault();
      history.back();
    }}>← ${t('resBack')}</a>
      <button type="button" class="primary" onClick=${() => window.print()}>${t('credPrint')}</button>
      ${adopted.length > 0 && html`<a class="button-link" download href=${`/api/sessions/${sessionId}/resolutions/docx`} title=${t('paperDownloadDocxTitle')}>${t('paperDownloadDocx')}</a>`}</p>
    ${adopted.length === 0 ? html`<p class="empty">${t('resPrintNone')}</p>` : ''}
    ${adopted.map(
      (resolution) => html`<article class="gongwen" data-testid="resolution-print">
        <h1 class="gongwen-title">${resolution.title}</h1>
        <p class="gongwen-subtitle">（${signingDate(resolution.votedAt ?? resolution.frozenAt ?? resolution.updatedAt)}通过）</p>
        ${resolution.text.split('\n').map((paragraph) => html`<p class="gongwen-body">${paragraph}</p>`)}
      </article>`,
    )}
  </div>`;
}
