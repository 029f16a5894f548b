// Documents for consultation (二上二下): a meeting's tab (its documents and the form registering one)
// and the documents across sessions (a drafting department's handlers: what they draft; the
// secretary and the committee: all), kept fresh live.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { dateTime } from './format.js';
import { documentKindLabel, documentStateLabel, documentTone, documentKinds } from './document-format.js';
import { useDocumentChanges } from './document-live.js';
import type { DocumentDetail, DocumentKind, DocumentSummary } from '../shared/api-types.js';
import type { Department } from '../shared/motion-types.js';
import { navigate } from './router.js';
import { currentAccount, isSecretary } from './session.js';
import type { MeetingView } from './types.js';
import { Badge, ErrorNote, Loading, useAction, useResource, useTitle } from './ui.js';

const value = (event: Event) => (event.target as HTMLInputElement).value;

export function DocumentStateBadge({ state }: { state: DocumentSummary['state'] }) {
  return html`<${Badge} tone=${documentTone(state)}>${documentStateLabel(state)}<//>`;
}

/** "第1轮/共2轮" with the round's words (一下 …) once it has started. */
export function roundText(document: DocumentSummary): string {
  return document.currentRound === null ? t('docRoundsPlanned', { rounds: document.roundsPlanned }) : t('docRoundOf', { round: document.currentRound, rounds: document.roundsPlanned });
}

export function DocumentTable({ documents }: { documents: DocumentSummary[] }) {
  if (documents.length === 0) return html`<p class="empty">${t('docNone')}</p>`;
  return html`<table class="data" data-testid="document-list">
    <caption class="visually-hidden">${t('docListCaption')}</caption>
    <thead><tr><th scope="col">${t('docTitle')}</th><th scope="col">${t('docKind')}</th><th scope="col">${t('docDepartment')}</th><th scope="col">${t('docRound')}</th><th scope="col">${t('docState')}</th><th scope="col">${t('docDeadline')}</th></tr></thead>
    <tbody>${documents.map(
      (document) => html`<tr data-document=${document.id}>
      <th scope="row"><a href=${`/admin/documents/${document.id}`}>${document.title}</a></th>
      <td>${documentKindLabel(document.kind)}</td>
      <td>${document.draftingDepartment.name}</td>
      <td class="nowrap">${roundText(document)}</td>
      <td><${DocumentStateBadge} state=${document.state} /></td>
      <td class="nowrap">${document.deadlineAt ? dateTime(document.deadlineAt) : '—'}</td>
    </tr>`,
    )}</tbody>
  </table>`;
}

function CreateForm({ meetingId }: { meetingId: string }) {
  const departments = useResource(() => api.get<{ departments: Department[] }>('/api/departments').then((body) => body.departments.filter((department) => !department.disabled)), []);
  const [form, setForm] = useState({ title: '', kind: 'pay_scheme' as DocumentKind, departmentId: '', departmentName: '', rounds: '2', text: '' });
  const action = useAction();
  const field = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: value(event) });
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = {
      title: form.title.trim(),
      kind: form.kind,
      rounds: Number(form.rounds),
      ...(form.departmentId ? { draftingDepartmentId: form.departmentId } : { draftingDepartmentName: form.departmentName.trim() }),
      ...(form.text.trim() ? { text: form.text } : {}),
    };
    await action.run(async () => {
      const { document } = await api.post<{ document: DocumentDetail }>(`/api/meetings/${meetingId}/documents`, body);
      navigate(`/admin/documents/${document.id}`);
    });
  };
  return html`<form class="card form" onSubmit=${submit} aria-labelledby="new-document-title" data-testid="document-create">
    <h2 id="new-document-title">${t('docCreateHeading')}</h2>
    <label for="doc-title">${t('docTitle')}</label>
    <input id="doc-title" class="wide" required maxlength="200" placeholder=${t('docTitlePlaceholder')} value=${form.title} onInput=${field('title')} />
    <div class="form-grid two">
      <div><label for="doc-kind">${t('docKind')}</label>
        <select id="doc-kind" value=${form.kind} onChange=${field('kind')}>${documentKinds.map((kind) => html`<option value=${kind}>${documentKindLabel(kind)}</option>`)}</select></div>
      <div><label for="doc-rounds">${t('docRounds')}</label>
        <input id="doc-rounds" type="number" min="1" max="10" required value=${form.rounds} onInput=${field('rounds')} /></div>
    </div>
    <label for="doc-department">${t('docDepartment')}</label>
    <select id="doc-department" class="wide" value=${form.departmentId} onChange=${field('departmentId')}>
      <option value="">${t('docDepartmentOther')}</option>
      ${(departments.value ?? []).map((department) => html`<option value=${department.id}>${department.name}</option>`)}
    </select>
    ${
      !form.departmentId &&
      html`<label for="doc-department-name">${t('docDepartmentName')}</label>
      <input id="doc-department-name" class="wide" required maxlength="100" value=${form.departmentName} onInput=${field('departmentName')} />`
    }
    <p class="hint">${t('docDepartmentHint')}</p>
    <label for="doc-text">${t('docFirstDraft')}</label>
    <textarea id="doc-text" rows="6" maxlength="200000" placeholder=${t('docMarkdownPlaceholder')} value=${form.text} onInput=${field('text')}></textarea>
    <p class="hint">${t('docMarkdownHint')}</p>
    <${ErrorNote} error=${action.error} />
    <div class="actions"><button type="submit" class="primary" disabled=${action.busy}>${t('docCreate')}</button></div>
  </form>`;
}

/** The meeting's 文件 (二上二下) tab. */
export function MeetingDocuments({ meeting }: { meeting: MeetingView }) {
  const documents = useResource(() => api.get<{ documents: DocumentSummary[] }>(`/api/meetings/${meeting.id}/documents`).then((body) => body.documents), [meeting.id]);
  useDocumentChanges({ onUpdated: () => void documents.reload() });
  return html`<div class="columns narrow-side">
    <section class="card" aria-labelledby="meeting-documents-title">
      <h2 id="meeting-documents-title">${t('docMeetingHeading')}</h2>
      <p class="muted">${t('docMeetingIntro')}</p>
      <${ErrorNote} error=${documents.error} />
      ${documents.value ? html`<${DocumentTable} documents=${documents.value} />` : html`<${Loading} />`}
    </section>
    <div>${isSecretary() ? html`<${CreateForm} meetingId=${meeting.id} />` : null}</div>
  </div>`;
}

/** A handler's documents (their department's) or, for the secretary and the committee, every document, across sessions. */
export function DocumentsScreen() {
  // Headed by what the server lists: a handler sees their department's drafts, the others all of them.
  const heading = t(currentAccount()?.role === 'handler' ? 'docDrafterHeading' : 'docAllHeading');
  useTitle(heading);
  const documents = useResource(() => api.get<{ documents: DocumentSummary[] }>('/api/documents').then((body) => body.documents), []);
  useDocumentChanges({ onUpdated: () => void documents.reload() });
  return html`<div class="page-head"><h1>${heading}</h1></div>
    <p class="muted">${t('docDrafterIntro')}</p>
    <${ErrorNote} error=${documents.error} />
    ${documents.value ? html`<${DocumentTable} documents=${documents.value} />` : html`<${Loading} />`}`;
}
