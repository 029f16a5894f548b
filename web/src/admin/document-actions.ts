// The next steps on one document, offered exactly as the server's state table allows them to the
// signed-in account (document.allowedEvents): each a small form that posts one move. Answers to
// opinions and linked changes sit beside each opinion (document-rounds.ts), the draft in its editor.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { localInput } from './document-format.js';
import type { DocumentDetail, DocumentEvent } from './document-types.js';
import { PASSING_RULES, ruleLabel, wordingLabel } from './format.js';
import type { Ballot } from './types.js';
import { ErrorNote, useAction, useResource } from './ui.js';

export type Post = (path: string, body: Record<string, unknown> | null) => Promise<boolean>;
const value = (event: Event) => (event.target as HTMLInputElement).value;
const DAY = 86_400_000;

/** An optional note (or a required reason) and one button. */
function NoteStep({ id, label, path, post, required = false, hint }: { id: string; label: string; path: string; post: Post; required?: boolean; hint?: string }) {
  const [text, setText] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await post(path, text.trim() ? { [required ? 'reason' : 'note']: text.trim() } : null)) setText('');
  };
  return html`<form class="motion-step" onSubmit=${submit} aria-label=${label}>
    ${hint && html`<p class="hint">${hint}</p>`}
    <label for=${id}>${t(required ? 'docReasonRequired' : 'docNote')}</label>
    <textarea id=${id} rows="2" maxlength="2000" required=${required} value=${text} onInput=${(event: Event) => setText(value(event))}></textarea>
    <button type="submit" class="primary">${label}</button>
  </form>`;
}

function DeadlineStep({ id, label, path, post, current, hint }: { id: string; label: string; path: string; post: Post; current: string | null; hint: string }) {
  const [deadline, setDeadline] = useState(localInput(current ?? new Date(Date.now() + 7 * DAY).toISOString()));
  const [note, setNote] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    void post(path, { deadline: new Date(deadline).toISOString(), ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return html`<form class="motion-step" onSubmit=${submit} aria-label=${label} data-testid=${`step-${path}`}>
    <p class="hint">${hint}</p>
    <label for=${`${id}-deadline`}>${t('docDeadline')}</label>
    <input id=${`${id}-deadline`} type="datetime-local" required value=${deadline} onInput=${(event: Event) => setDeadline(value(event))} />
    <label for=${`${id}-note`}>${t('docNote')}</label>
    <textarea id=${`${id}-note`} rows="2" maxlength="2000" value=${note} onInput=${(event: Event) => setNote(value(event))}></textarea>
    <button type="submit" class="primary">${label}</button>
  </form>`;
}

/** 代为汇总: the secretariat sends up a delegation's pending opinions as they are, when its leader cannot. */
function OnBehalfStep({ document, post }: { document: DocumentDetail; post: Post }) {
  const round = document.rounds.at(-1)!;
  const waiting = round.opinionCounts.filter((entry) => !entry.submitted);
  const [delegationId, setDelegationId] = useState('');
  const [note, setNote] = useState('');
  const opinions = round.opinions.filter((opinion) => opinion.delegationId === delegationId && opinion.fate === 'pending');
  const submit = (event: Event) => {
    event.preventDefault();
    void post('submissions', {
      delegationId,
      items: opinions.map((opinion) => ({ anchor: opinion.anchor, content: opinion.content, sourceOpinionIds: [opinion.id] })),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  if (waiting.length === 0) return null;
  return html`<form class="motion-step" onSubmit=${submit} aria-label=${t('docOnBehalf')}>
    <p class="hint">${t('docOnBehalfHint')}</p>
    <label for="behalf-delegation">${t('docDelegation')}</label>
    <select id="behalf-delegation" required value=${delegationId} onChange=${(event: Event) => setDelegationId(value(event))}>
      <option value="">${t('moChoose')}</option>
      ${waiting.map((entry) => html`<option value=${entry.delegationId}>${entry.name}(${t('docOpinionsCount', { count: entry.opinions })})</option>`)}
    </select>
    <label for="behalf-note">${t('docNote')}</label>
    <textarea id="behalf-note" rows="2" maxlength="2000" value=${note} onInput=${(event: Event) => setNote(value(event))}></textarea>
    <button type="submit" class="primary">${t('docOnBehalf')}</button>
  </form>`;
}

function VoteStep({ document, post }: { document: DocumentDetail; post: Post }) {
  const drafts = useResource(
    () =>
      api
        .get<{ ballots: Ballot[] }>(`/api/meetings/${document.meetingId}/ballots`)
        .then((body) => body.ballots.filter((ballot) => ballot.state === 'draft' && ballot.secrecy === 'secret'))
        .catch(() => []),
    [document.meetingId],
  );
  const [form, setForm] = useState({ ballotId: '', ballotTitle: '', itemTitle: '', passingRule: 'all_majority', majorityWording: 'majorityStrict' });
  const field = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: value(event) });
  const submit = (event: Event) => {
    event.preventDefault();
    const body: Record<string, unknown> = { passingRule: form.passingRule, majorityWording: form.majorityWording };
    if (form.ballotId) body.ballotId = form.ballotId;
    else if (form.ballotTitle.trim()) body.ballotTitle = form.ballotTitle.trim();
    if (form.itemTitle.trim()) body.itemTitle = form.itemTitle.trim();
    void post('ballot', body);
  };
  return html`<form class="motion-step" onSubmit=${submit} aria-label=${t('docPutToVote')}>
    <p class="hint">${t('docPutToVoteHint')}</p>
    ${
      (drafts.value ?? []).length > 0 &&
      html`<label for="vote-ballot">${t('docVoteBallot')}</label>
      <select id="vote-ballot" value=${form.ballotId} onChange=${field('ballotId')}>
        <option value="">${t('docVoteNewBallot')}</option>${drafts.value!.map((ballot) => html`<option value=${ballot.id}>${ballot.title}</option>`)}</select>`
    }
    ${!form.ballotId && html`<label for="vote-title">${t('docVoteBallotTitle')}</label><input id="vote-title" maxlength="200" placeholder=${t('docVoteBallotTitlePlaceholder')} value=${form.ballotTitle} onInput=${field('ballotTitle')} />`}
    <label for="vote-item">${t('docVoteItemTitle')}</label>
    <input id="vote-item" maxlength="500" placeholder=${t('docVoteItemDefault', { title: document.title })} value=${form.itemTitle} onInput=${field('itemTitle')} />
    <label for="vote-rule">${t('docVoteRule')}</label>
    <select id="vote-rule" value=${form.passingRule} onChange=${field('passingRule')}>${PASSING_RULES.map((rule) => html`<option value=${rule}>${ruleLabel(rule)}</option>`)}</select>
    <label for="vote-wording">${t('docVoteWording')}</label>
    <select id="vote-wording" value=${form.majorityWording} onChange=${field('majorityWording')}>${(['majorityStrict', 'majorityInclusive'] as const).map((wording) => html`<option value=${wording}>${wordingLabel(wording)}</option>`)}</select>
    <button type="submit" class="primary">${t('docPutToVote')}</button>
  </form>`;
}

function EditStep({ document, post }: { document: DocumentDetail; post: Post }) {
  const [title, setTitle] = useState(document.title);
  const [rounds, setRounds] = useState(String(document.roundsPlanned));
  const submit = (event: Event) => {
    event.preventDefault();
    void post('edit', { title: title.trim(), rounds: Number(rounds) });
  };
  return html`<details class="motion-step"><summary>${t('docEditDetails')}</summary>
    <form onSubmit=${submit} aria-label=${t('docEditDetails')}>
      <label for="edit-title">${t('docTitle')}</label><input id="edit-title" class="wide" required maxlength="200" value=${title} onInput=${(event: Event) => setTitle(value(event))} />
      <label for="edit-rounds">${t('docRounds')}</label><input id="edit-rounds" type="number" min="1" max="10" value=${rounds} onInput=${(event: Event) => setRounds(value(event))} />
      <div class="actions"><button type="submit">${t('docSave')}</button></div>
    </form>
  </details>`;
}

function stepFor(event: DocumentEvent, document: DocumentDetail, post: Post) {
  const round = document.rounds.at(-1);
  const next = (round?.number ?? 0) + 1;
  switch (event) {
    case 'issue':
      return document.draft
        ? html`<${DeadlineStep} id="issue" label=${t('docIssue', { down: roundWord(next, 'down') })} path="issue" post=${post} current=${null} hint=${t('docIssueHint')} />`
        : html`<p class="hint">${t('docIssueNeedsDraft')}</p>`;
    case 'extendDeadline':
      return html`<${DeadlineStep} id="extend" label=${t('docExtendDeadline')} path="deadline" post=${post} current=${round?.deadlineAt ?? null} hint=${t('docExtendHint')} />`;
    case 'endCollection':
      return html`<${NoteStep} id="end-collection" label=${t('docEndCollection')} path="end-collection" post=${post} hint=${t('docEndCollectionHint')} />`;
    case 'consolidate':
      return html`<${OnBehalfStep} document=${document} post=${post} />`;
    case 'endConsolidation':
      return html`<${NoteStep} id="end-consolidation" label=${t('docEndConsolidation')} path="end-consolidation" post=${post} hint=${t('docEndConsolidationHint')} />`;
    case 'closeRound':
      return html`<${NoteStep} id="close-round" label=${t('docCloseRound')} path="close-round" post=${post} hint=${t('docCloseRoundHint')} />`;
    case 'closeFinalRound':
      return html`<${NoteStep} id="close-round" label=${t('docCloseFinalRound')} path="close-round" post=${post} hint=${t('docCloseFinalRoundHint')} />`;
    case 'putToVote':
      return html`<${VoteStep} document=${document} post=${post} />`;
    case 'startRound':
      return html`<${NoteStep} id="new-round" label=${t('docStartRound')} path="new-round" post=${post} required=${true} hint=${t('docStartRoundHint')} />`;
    case 'edit':
      return html`<${EditStep} document=${document} post=${post} />`;
    default:
      return null;
  }
}

const NUMERALS = '一二三四五六七八九十';
function roundWord(number: number, direction: 'down' | 'up'): string {
  return `${NUMERALS[number - 1] ?? number}${direction === 'down' ? '下' : '上'}`;
}

const SHOWN: readonly DocumentEvent[] = ['issue', 'extendDeadline', 'endCollection', 'consolidate', 'endConsolidation', 'closeRound', 'closeFinalRound', 'putToVote', 'startRound', 'edit'];
const DONE_KEYS: Record<string, MessageKey> = {
  issue: 'docDoneIssue',
  deadline: 'docDoneDeadline',
  'end-collection': 'docDoneEndCollection',
  submissions: 'docDoneConsolidate',
  'end-consolidation': 'docDoneEndConsolidation',
  responses: 'docDoneRespond',
  'close-round': 'docDoneCloseRound',
  'changed-anchors': 'docDoneLinkChanges',
  'new-round': 'docDoneStartRound',
  ballot: 'docDonePutToVote',
  edit: 'docDoneEdit',
};

/** One poster for every move on the page: the step forms here and the answer forms by each opinion. */
export function useDocumentPost(document: DocumentDetail | undefined, onChanged: (next: DocumentDetail) => void) {
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const post: Post = (path, body) =>
    action.run(async () => {
      if (!document) return;
      const url = `/api/documents/${document.id}${path === 'edit' ? '' : `/${path}`}`;
      const { document: next } = path === 'edit' ? await api.patch<{ document: DocumentDetail }>(url, body) : await api.post<{ document: DocumentDetail }>(url, body ?? null);
      setDone(t(DONE_KEYS[path] ?? 'docSave'));
      onChanged(next);
    });
  return { post, action, done };
}

export function DocumentActions({ document, post, action, done }: { document: DocumentDetail; post: Post } & Pick<ReturnType<typeof useDocumentPost>, 'action' | 'done'>) {
  // The table allows both closings from 答复意见中; the round's number says which one this is.
  const last = (document.currentRound ?? 0) >= document.roundsPlanned;
  const steps = SHOWN.filter((event) => document.allowedEvents.includes(event) && !(event === (last ? 'closeRound' : 'closeFinalRound')))
    .map((event) => stepFor(event, document, post))
    .filter(Boolean);
  const answering = document.allowedEvents.includes('respond');
  return html`<section class="card motion-actions" aria-labelledby="next-steps" data-testid="document-actions">
    <h2 id="next-steps">${t('docNextSteps')}</h2>
    <${ErrorNote} error=${action.error} />
    ${done && !action.error && html`<p class="notice notice-ok" role="status">${t('docDone', { step: done })}</p>`}
    ${answering && html`<p class="notice notice-warn">${t('docAnswerHint')}</p>`}
    ${steps.length === 0 && !answering ? html`<p class="muted">${t('docNoActions')}</p>` : html`<div class="motion-steps">${steps}</div>`}
    <p class="link-row"><a class="button-link" href=${`/admin/documents/${document.id}/record`} data-testid="record-link">${t('docRecordLink')}</a></p>
  </section>`;
}
