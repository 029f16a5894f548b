// 会次与议程: a term's sessions (第N次会议), each with its sittings and its agenda (议程): the agenda
// editor, its adoption by the preparatory meeting's vote, amendment by a recorded vote, and the
// current item of each sitting, which the phones and the projector follow.
import type { components } from '../generated/api.js';
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { approvalChoices } from './approval-choices.js';
import { SessionTabs } from './session-tabs.js';
import { AftermathCard, AftermathSummary, useTermAftermath } from './aftermath.js';
import { TermHeader, useTerm } from './term-page.js';
import type { Ballot, MeetingView } from './types.js';
import { Badge, ErrorNote, Loading, useAction, useResource } from './ui.js';

type Schemas = components['schemas'];
type Session = Schemas['Session'];
type Agenda = Schemas['Agenda'];
type AgendaItem = Schemas['AgendaItem'];
type Kind = AgendaItem['kind'];
interface DocumentRef {
  id: string;
  termId: string;
  title: string;
}

const KINDS: readonly Kind[] = ['report', 'document', 'ballot', 'election', 'motions_report', 'joint_confirmation', 'other'];
export const kindLabel = (kind: Kind) => t(`agKind_${kind}` as MessageKey);
const SITTING_KEYS: Record<string, MessageKey> = { preparatory: 'agSittingPreparatory', plenary: 'agSittingPlenary', extraordinary: 'agSittingExtraordinary', joint: 'agSittingJoint' };
const value = (event: Event) => (event.target as HTMLInputElement).value;

export function SessionsScreen({ termId }: { termId: string }) {
  const term = useTerm(termId);
  const sessions = useResource(() => api.get<{ sessions: Session[] }>(`/api/terms/${termId}/sessions`).then((body) => body.sessions), [termId]);
  const aftermath = useTermAftermath(termId);
  const [number, setNumber] = useState('');
  const [kind, setKind] = useState<Session['kind']>('regular');
  const action = useAction();
  const create = async (event: Event) => {
    event.preventDefault();
    if (await action.run(() => api.post(`/api/terms/${termId}/sessions`, { number: Number(number), kind }))) {
      setNumber('');
      await sessions.reload();
    }
  };
  return html`<${TermHeader} term=${term.value} termId=${termId} section="sessions" title=${t('agSessions')} />
    <${ErrorNote} error=${sessions.error} />
    ${
      !sessions.value
        ? html`<${Loading} />`
        : sessions.value.length === 0
          ? html`<p class="empty">${t('agNoSessions')}</p>`
          : html`<ul class="term-list" data-testid="sessions">
          ${sessions.value.map(
            (session) => html`<li class="card term-card"><h3><a href=${`/admin/terms/${termId}/sessions/${session.id}`}>${session.title}</a></h3>
              <p class="muted">${t('agSittingCount', { count: session.meetingIds.length })}</p>
              <${AftermathSummary} aftermath=${aftermath.value?.find((entry) => entry.sessionId === session.id)} /></li>`,
          )}
        </ul>`
    }
    <form class="card form" onSubmit=${create} aria-labelledby="new-session-title">
      <h3 id="new-session-title">${t('agNewSession')}</h3>
      <div class="form-grid">
        <div><label for="session-number">${t('agSessionNumber')}</label>
          <input id="session-number" type="number" min="1" max="99" required value=${number} onInput=${(e: Event) => setNumber(value(e))} /></div>
        <div><label for="session-kind">${t('agSessionKind')}</label>
          <select id="session-kind" value=${kind} onChange=${(e: Event) => setKind(value(e) as Session['kind'])}>
            <option value="regular">${t('agSessionRegular')}</option>
            <option value="extraordinary">${t('agSessionExtraordinary')}</option>
          </select></div>
      </div>
      <${ErrorNote} error=${action.error} />
      <div class="actions"><button type="submit" class="primary" disabled=${action.busy}>${t('agCreateSession')}</button></div>
    </form>`;
}

interface SessionData {
  session: Session;
  sittings: MeetingView[];
  agenda: Agenda;
  ballots: Ballot[];
  documents: DocumentRef[];
}

async function loadSession(termId: string, sessionId: string): Promise<SessionData> {
  const [{ session }, { meetings }, { agenda }, documents] = await Promise.all([
    api.get<{ session: Session }>(`/api/sessions/${sessionId}`),
    api.get<{ meetings: MeetingView[] }>(`/api/meetings?termId=${termId}`),
    api.get<{ agenda: Agenda }>(`/api/sessions/${sessionId}/agenda`),
    api.get<{ documents: DocumentRef[] }>('/api/documents').catch(() => ({ documents: [] as DocumentRef[] })),
  ]);
  const sittings = meetings.filter((meeting) => meeting.sessionId === sessionId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const ballots = (await Promise.all(sittings.map((sitting) => api.get<{ ballots: Ballot[] }>(`/api/meetings/${sitting.id}/ballots`)))).flatMap((body) => body.ballots);
  return { session, sittings, agenda, ballots, documents: documents.documents.filter((document) => document.termId === termId) };
}

export function SessionScreen({ termId, sessionId }: { termId: string; sessionId: string }) {
  const term = useTerm(termId);
  const data = useResource(() => loadSession(termId, sessionId), [termId, sessionId]);
  const [amendment, setAmendment] = useState('');
  if (data.error) return html`<${ErrorNote} error=${data.error} />`;
  if (!data.value) return html`<${Loading} />`;
  const { session, sittings, agenda, ballots } = data.value;
  const settled = ballots.filter((ballot) => ballot.state === 'closed' || ballot.state === 'published');
  const adopted = agenda.adoptedAt !== null;
  const amendmentBallotId = adopted && amendment ? amendment : undefined;
  return html`<${TermHeader} term=${term.value} termId=${termId} section="sessions" title=${session.title} />
    <p class="breadcrumb"><a href=${`/admin/terms/${termId}/sessions`}>← ${t('agSessions')}</a></p>
    <${SessionTabs} termId=${termId} sessionId=${sessionId} current="agenda" />
    <${Sittings} termId=${termId} session=${session} sittings=${sittings} onChanged=${data.reload} />
    <${AftermathCard} session=${session} onChanged=${data.reload} />
    <section class="card" aria-labelledby="agenda-title">
      <h2 id="agenda-title">${t('agAgenda')} ${adopted ? html`<${Badge} tone="done">${t('agAdopted')}<//>` : html`<${Badge} tone="plain">${t('agNotAdopted')}<//>`}</h2>
      ${
        adopted
          ? html`<p data-testid="agenda-adopted">${t('agAdoptedBy', { title: ballots.find((ballot) => ballot.id === agenda.adoptedBallotId)?.title ?? '' })}</p>
            <label for="amendment-ballot">${t('agAmendmentBallot')}</label>
            <select id="amendment-ballot" value=${amendment} onChange=${(e: Event) => setAmendment(value(e))}>
              <option value="">${t('agNone')}</option>
              ${settled.filter((ballot) => ballot.id !== agenda.adoptedBallotId).map((ballot) => html`<option value=${ballot.id}>${ballot.title}</option>`)}
            </select>
            <p class="muted">${t('agAmendmentHelp')}</p>`
          : html`<${Adopt} sessionId=${sessionId} sittings=${sittings} ballots=${settled} onDone=${data.reload} />`
      }
      <${AgendaList} data=${data.value} amendmentBallotId=${amendmentBallotId} onChanged=${data.reload} />
      <${ItemForm} data=${data.value} amendmentBallotId=${amendmentBallotId} onSaved=${data.reload} />
    </section>`;
}

function Sittings({ termId, session, sittings, onChanged }: { termId: string; session: Session; sittings: MeetingView[]; onChanged: () => Promise<void> }) {
  const [title, setTitle] = useState('');
  const action = useAction();
  const hasPreparatory = sittings.some((sitting) => sitting.sitting === 'preparatory');
  const main = session.kind === 'extraordinary' ? 'extraordinary' : 'plenary';
  const create = (sitting: string) =>
    action.run(async () => {
      const fallback = sitting === 'preparatory' ? `${session.title}预备会议` : `${session.title}第${sittings.filter((entry) => entry.sitting !== 'preparatory').length + 1}次全体会议`;
      await api.post('/api/meetings', { termId, title: title.trim() || fallback, sitting, sessionId: session.id });
      setTitle('');
      await onChanged();
    });
  return html`<section class="card" aria-labelledby="sittings-title">
    <h2 id="sittings-title">${t('agSittings')}</h2>
    ${
      sittings.length === 0
        ? html`<p class="empty">${t('agNoSittings')}</p>`
        : html`<ul data-testid="sittings">${sittings.map(
            (sitting) => html`<li><a href=${`/admin/meetings/${sitting.id}`}>${sitting.title}</a> <span class="muted">${t(SITTING_KEYS[sitting.sitting] ?? 'agSittingPlenary')}</span></li>`,
          )}</ul>`
    }
    <label for="sitting-title">${t('agSittingTitle')}</label>
    <input id="sitting-title" class="wide" maxlength="120" value=${title} onInput=${(e: Event) => setTitle(value(e))} />
    <${ErrorNote} error=${action.error} />
    <div class="actions">
      ${!hasPreparatory && html`<button type="button" disabled=${action.busy} onClick=${() => create('preparatory')}>${t('agCreatePreparatory')}</button>`}
      <button type="button" disabled=${action.busy} onClick=${() => create(main)}>${t('agCreatePlenary')}</button>
    </div>
  </section>`;
}

function Adopt({ sessionId, sittings, ballots, onDone }: { sessionId: string; sittings: MeetingView[]; ballots: Ballot[]; onDone: () => Promise<void> }) {
  const preparatory = sittings.find((sitting) => sitting.sitting === 'preparatory');
  const candidates = approvalChoices(ballots.filter((ballot) => ballot.meetingId === preparatory?.id));
  const [ballotId, setBallotId] = useState('');
  const action = useAction();
  if (!preparatory) return html`<p class="muted">${t('agNeedPreparatory')}</p>`;
  const chosen = candidates.find((choice) => choice.value === ballotId) ?? candidates[0];
  return html`<div class="inline-form">
    <label for="adopt-ballot">${t('agAdoptBallot')}</label>
    <select id="adopt-ballot" value=${chosen?.value ?? ''} onChange=${(e: Event) => setBallotId(value(e))}>
      ${candidates.length === 0 && html`<option value="">${t('agNoSettledBallot')}</option>`}
      ${candidates.map((choice) => html`<option value=${choice.value}>${choice.label}</option>`)}
    </select>
    <button type="button" class="primary" disabled=${action.busy || !chosen} onClick=${() =>
      action.run(async () => {
        if (chosen) await api.post(`/api/sessions/${sessionId}/agenda/adopt`, chosen.body);
        await onDone();
      })}>${t('agAdopt')}</button>
    <${ErrorNote} error=${action.error} />
  </div>`;
}

function AgendaList({ data, amendmentBallotId, onChanged }: { data: SessionData; amendmentBallotId: string | undefined; onChanged: () => Promise<void> }) {
  const { agenda, sittings } = data;
  const steerable = sittings.filter((sitting) => sitting.state !== 'closed');
  const [steering, setSteering] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAction();
  const sitting = steerable.find((entry) => entry.id === steering) ?? steerable.find((entry) => entry.state === 'in_session') ?? steerable[0];
  const amend = amendmentBallotId ? { amendmentBallotId } : {};
  const run = (work: () => Promise<unknown>) =>
    action.run(async () => {
      await work();
      await onChanged();
    });
  const move = (index: number, by: number) => {
    const ids = agenda.items.map((item) => item.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    return run(() => api.put(`/api/sessions/${agenda.sessionId}/agenda/order`, { itemIds: ids, ...amend }));
  };
  const setCurrent = (itemId: string | null) => sitting && run(() => api.put(`/api/meetings/${sitting.id}/current-item`, { itemId }));
  return html`<div>
    ${
      steerable.length > 0 &&
      html`<p class="inline-form"><label for="steer-sitting">${t('agSteerSitting')}</label>
      <select id="steer-sitting" value=${sitting?.id} onChange=${(e: Event) => setSteering(value(e))}>${steerable.map((entry) => html`<option value=${entry.id}>${entry.title}</option>`)}</select>
      <button type="button" class="quiet small" disabled=${action.busy || !sitting?.currentAgendaItemId} onClick=${() => setCurrent(null)}>${t('agClearCurrent')}</button></p>`
    }
    <${ErrorNote} error=${action.error} />
    ${
      agenda.items.length === 0
        ? html`<p class="empty">${t('agNoItems')}</p>`
        : html`<ol class="agenda-list" data-testid="agenda-items">
      ${agenda.items.map((item, index) => {
        const current = sitting?.currentAgendaItemId === item.id;
        return html`<li class=${current ? 'agenda-item current' : 'agenda-item'} aria-current=${current ? 'step' : undefined}>
          <div><strong>${item.title}</strong> <${Badge} tone="plain">${kindLabel(item.kind)}<//> ${current && html`<${Badge} tone="live">${t('agCurrent')}<//>`}
            ${item.presenter && html`<span class="muted"> · ${item.presenter}</span>`}
            ${item.meetingId && html`<span class="muted"> · ${sittings.find((entry) => entry.id === item.meetingId)?.title ?? ''}</span>`}
            ${item.kind === 'joint_confirmation' && html` <a href=${`/admin/terms/${data.session.termId}/joint-decisions`}>${t('jointDecisionsLink')}</a>`}</div>
          <div class="actions">
            ${sitting && html`<button type="button" class=${current ? 'small' : 'small primary'} disabled=${action.busy || current} aria-label=${`${t('agSetCurrent')}:${item.title}`} onClick=${() => setCurrent(item.id)}>${t('agSetCurrent')}</button>`}
            <button type="button" class="small" disabled=${action.busy || index === 0} aria-label=${`${t('agMoveUp')}:${item.title}`} onClick=${() => move(index, -1)}>↑</button>
            <button type="button" class="small" disabled=${action.busy || index === agenda.items.length - 1} aria-label=${`${t('agMoveDown')}:${item.title}`} onClick=${() => move(index, 1)}>↓</button>
            <button type="button" class="small" aria-label=${`${t('agEdit')}:${item.title}`} onClick=${() => setEditing(editing === item.id ? null : item.id)}>${t('agEdit')}</button>
            <button type="button" class="small danger" disabled=${action.busy} aria-label=${`${t('agDelete')}:${item.title}`} onClick=${() =>
              run(() => api.delete(`/api/agenda-items/${item.id}${amendmentBallotId ? `?amendmentBallotId=${amendmentBallotId}` : ''}`))}>${t('agDelete')}</button>
          </div>
          ${
            editing === item.id &&
            html`<${ItemForm} data=${data} item=${item} amendmentBallotId=${amendmentBallotId} onSaved=${async () => {
              setEditing(null);
              await onChanged();
            }} />`
          }
        </li>`;
      })}
    </ol>`
    }
  </div>`;
}

function ItemForm({ data, item, amendmentBallotId, onSaved }: { data: SessionData; item?: AgendaItem; amendmentBallotId: string | undefined; onSaved: () => Promise<void> }) {
  const prefix = item ? `edit-${item.id}` : 'new-item';
  const [kind, setKind] = useState<Kind>(item?.kind ?? 'report');
  const [title, setTitle] = useState(item?.title ?? '');
  const [presenter, setPresenter] = useState(item?.presenter ?? '');
  const [material, setMaterial] = useState(item?.material ?? '');
  const [meetingId, setMeetingId] = useState(item?.meetingId ?? '');
  const [ballotId, setBallotId] = useState(item?.ballotId ?? '');
  const [documentId, setDocumentId] = useState(item?.documentId ?? '');
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = {
      kind,
      title: title.trim(),
      presenter: presenter.trim() || null,
      material: material.trim() ? material : null,
      meetingId: meetingId || null,
      ballotId: ballotId || null,
      documentId: documentId || null,
      ...(amendmentBallotId ? { amendmentBallotId } : {}),
    };
    const ok = await action.run(() => (item ? api.patch(`/api/agenda-items/${item.id}`, body) : api.post(`/api/sessions/${data.agenda.sessionId}/agenda`, body)));
    if (ok && !item) {
      setTitle('');
      setPresenter('');
      setMaterial('');
      // A ballot or document belongs to one item: kept, the next item added would be linked to it too.
      setBallotId('');
      setDocumentId('');
    }
    if (ok) await onSaved();
  };
  const id = (name: string) => `${prefix}-${name}`;
  return html`<form class="form agenda-form" onSubmit=${submit} aria-label=${item ? t('agEditItem') : t('agAddItem')}>
    ${!item && html`<h3>${t('agAddItem')}</h3>`}
    <div class="form-grid">
      <div><label for=${id('kind')}>${t('agItemKind')}</label>
        <select id=${id('kind')} value=${kind} onChange=${(e: Event) => setKind(value(e) as Kind)}>${KINDS.map((entry) => html`<option value=${entry}>${kindLabel(entry)}</option>`)}</select></div>
      <div><label for=${id('presenter')}>${t('agPresenter')}</label>
        <input id=${id('presenter')} maxlength="100" value=${presenter} onInput=${(e: Event) => setPresenter(value(e))} /></div>
      <div><label for=${id('sitting')}>${t('agItemSitting')}</label>
        <select id=${id('sitting')} value=${meetingId} onChange=${(e: Event) => setMeetingId(value(e))}>
          <option value="">${t('agNone')}</option>${data.sittings.map((entry) => html`<option value=${entry.id}>${entry.title}</option>`)}</select></div>
      <div><label for=${id('ballot')}>${t('agItemBallot')}</label>
        <select id=${id('ballot')} value=${ballotId} onChange=${(e: Event) => setBallotId(value(e))}>
          <option value="">${t('agNone')}</option>${data.ballots.map((entry) => html`<option value=${entry.id}>${entry.title}</option>`)}</select></div>
      <div><label for=${id('document')}>${t('agItemDocument')}</label>
        <select id=${id('document')} value=${documentId} onChange=${(e: Event) => setDocumentId(value(e))}>
          <option value="">${t('agNone')}</option>${data.documents.map((entry) => html`<option value=${entry.id}>${entry.title}</option>`)}</select></div>
    </div>
    <label for=${id('title')}>${t('agItemTitle')}</label>
    <input id=${id('title')} class="wide" required maxlength="200" value=${title} onInput=${(e: Event) => setTitle(value(e))} />
    <label for=${id('material')}>${t('agMaterial')}</label>
    <textarea id=${id('material')} class="wide" rows="4" value=${material} onInput=${(e: Event) => setMaterial(value(e))}></textarea>
    ${kind === 'motions_report' && html`<p class="muted">${t('agMotionsReportHelp')}</p>`}
    <${ErrorNote} error=${action.error} />
    <div class="actions"><button type="submit" class="primary" disabled=${action.busy}>${item ? t('agSave') : t('agAdd')}</button></div>
  </form>`;
}
