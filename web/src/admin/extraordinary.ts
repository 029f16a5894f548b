// A term's proposals to convene an extraordinary session (临时会议): the secretary records the unit's or
// the union's proposal, or opens the representatives' signature collection, watches the count rise
// against the threshold live (signers by name), and convenes the session once it may be.
import { io } from 'socket.io-client';
import type { components } from '../generated/api.js';
import { api } from '../shared/api.js';
import { html, useEffect, useRef, useState } from '../shared/html.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { dateTime } from './format.js';
import { isSecretary } from './session.js';
import { TermHeader, useTerm } from './term-page.js';
import { Badge, ConfirmDialog, ErrorNote, Loading, useAction, useResource } from './ui.js';

type Proposal = components['schemas']['ExtraordinaryProposal'];
type Proposer = Proposal['proposer'];

const value = (event: Event) => (event.target as HTMLInputElement).value;
const PROPOSER_LABELS: Record<Proposer, MessageKey> = { unit: 'exUnit', union: 'exUnion', representatives: 'exRepresentatives' };
const STATE_LABELS: Record<Proposal['state'], [MessageKey, string]> = { collecting: ['exCollecting', 'live'], convened: ['exConvened', 'done'], withdrawn: ['exWithdrawn', 'plain'] };

/** Reads again (at most every 250 ms) whenever a proposal of this term changes: a signature, a withdrawal, convening. */
function useProposalChanges(termId: string, onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const socket = io({ transports: ['websocket'], auth: {}, reconnectionDelay: 500, reconnectionDelayMax: 5000 });
    let timer: ReturnType<typeof setTimeout> | undefined;
    socket.on('extraordinary:updated', (payload: { termId: string }) => {
      if (payload.termId !== termId) return;
      timer ??= setTimeout(() => {
        timer = undefined;
        latest.current();
      }, 250);
    });
    socket.io.on('reconnect', () => latest.current());
    return () => {
      clearTimeout(timer);
      socket.disconnect();
    };
  }, [termId]);
}

function NewProposal({ termId, onCreated }: { termId: string; onCreated: () => void }) {
  const [proposer, setProposer] = useState<Proposer>('representatives');
  const [subject, setSubject] = useState('');
  const [reasons, setReasons] = useState('');
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await action.run(() => api.post(`/api/terms/${termId}/extraordinary-proposals`, { proposer, subject: subject.trim(), reasons: reasons.trim() }))) {
      setSubject('');
      setReasons('');
      onCreated();
    }
  };
  return html`<form class="card form" onSubmit=${submit} aria-labelledby="new-extraordinary">
    <h2 id="new-extraordinary">${t('exNew')}</h2>
    <div><label for="extraordinary-proposer">${t('exProposer')}</label>
      <select id="extraordinary-proposer" value=${proposer} onChange=${(event: Event) => setProposer(value(event) as Proposer)}>
        ${(['representatives', 'unit', 'union'] as const).map((key) => html`<option value=${key}>${t(PROPOSER_LABELS[key])}</option>`)}
      </select></div>
    <div><label for="extraordinary-subject">${t('exSubject')}</label>
      <input id="extraordinary-subject" required maxlength="200" value=${subject} onInput=${(event: Event) => setSubject(value(event))} /></div>
    <div><label for="extraordinary-reasons">${t('exReasons')}</label>
      <textarea id="extraordinary-reasons" required maxlength="4000" rows="4" value=${reasons} onInput=${(event: Event) => setReasons(value(event))}></textarea></div>
    <${ErrorNote} error=${action.error} />
    <div class="actions"><button type="submit" class="primary" disabled=${action.busy}>${t('exCreate')}</button></div>
  </form>`;
}

function Count({ proposal }: { proposal: Proposal }) {
  if (proposal.proposer !== 'representatives') return null;
  const label = t('exCount', { signatures: proposal.signatures, threshold: proposal.threshold });
  return html`<div class="extraordinary-count">
    <progress max=${proposal.threshold} value=${Math.min(proposal.signatures, proposal.threshold)} aria-label=${label}></progress>
    <p><strong data-testid="extraordinary-count">${label}</strong> <span class="muted">${t('exCountOf', { representatives: proposal.representatives })}</span>
      ${proposal.reached && proposal.state === 'collecting' ? html` <${Badge} tone="accent">${t('exReached')}<//>` : ''}</p>
    ${
      proposal.signers &&
      html`<details><summary>${t('exSigners')} (${proposal.signers.length})</summary>
        ${
          proposal.signers.length === 0
            ? html`<p class="empty">${t('exNoSigners')}</p>`
            : html`<ol data-testid="extraordinary-signers">${proposal.signers.map((signer) => html`<li>${signer.name}${signer.delegation ? html` <span class="muted">${signer.delegation}</span>` : ''}</li>`)}</ol>`
        }</details>`
    }
  </div>`;
}

function Convene({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const action = useAction();
  const convene = () =>
    action.run(async () => {
      const body = { ...(number ? { number: Number(number) } : {}), ...(title.trim() ? { title: title.trim() } : {}) };
      await api.post(`/api/extraordinary-proposals/${proposal.id}/convene`, body);
      setOpen(false);
      onDone();
    });
  const withdraw = () =>
    action.run(async () => {
      await api.post(`/api/extraordinary-proposals/${proposal.id}/withdraw`, {});
      setWithdrawing(false);
      onDone();
    });
  return html`<div class="actions">
      <button type="button" class="primary" disabled=${!proposal.reached || action.busy} onClick=${() => setOpen(true)}>${t('exConvene')}</button>
      <button type="button" class="quiet" disabled=${action.busy} onClick=${() => setWithdrawing(true)}>${t('exWithdraw')}</button>
    </div>
    <${ErrorNote} error=${action.error} />
    <${ConfirmDialog} open=${open} title=${t('exConveneTitle')} confirmLabel=${t('exConvene')} busy=${action.busy} onConfirm=${convene} onCancel=${() => setOpen(false)}>
      <p>${proposal.subject}</p>
      <div><label for=${`session-number-${proposal.id}`}>${t('exSessionNumber')}</label>
        <input id=${`session-number-${proposal.id}`} type="number" min="1" max="99" value=${number} onInput=${(event: Event) => setNumber(value(event))} /></div>
      <div><label for=${`session-title-${proposal.id}`}>${t('exSessionTitle')}</label>
        <input id=${`session-title-${proposal.id}`} maxlength="120" value=${title} onInput=${(event: Event) => setTitle(value(event))} /></div>
      <${ErrorNote} error=${action.error} />
    <//>
    <${ConfirmDialog} open=${withdrawing} title=${t('exWithdraw')} confirmLabel=${t('exWithdraw')} danger=${true} busy=${action.busy} onConfirm=${withdraw} onCancel=${() => setWithdrawing(false)}>
      <p>${proposal.subject}</p>
    <//>`;
}

/** The session a proposal was convened into, by its title (第N次临时会议). */
function ConvenedSession({ sessionId, at }: { sessionId: string; at: string | null }) {
  const session = useResource(() => api.get<{ session: { title: string } }>(`/api/sessions/${sessionId}`).then((body) => body.session), [sessionId]);
  return html`<p data-testid="extraordinary-session">${t('exSession', { title: session.value?.title ?? '…' })}${at ? ` · ${dateTime(at)}` : ''}</p>`;
}

function ProposalCard({ proposal, onChanged }: { proposal: Proposal; onChanged: () => void }) {
  const [labelKey, tone] = STATE_LABELS[proposal.state];
  return html`<article class="card" aria-label=${proposal.subject} data-testid="extraordinary-proposal">
    <h3>${proposal.subject} <${Badge} tone=${tone}>${t(labelKey)}<//></h3>
    <p class="muted">${t('exProposedBy', { proposer: t(PROPOSER_LABELS[proposal.proposer]) })} · ${dateTime(proposal.createdAt)}</p>
    <p class="motion-text">${proposal.reasons}</p>
    <${Count} proposal=${proposal} />
    ${proposal.state === 'convened' && proposal.sessionId && html`<${ConvenedSession} sessionId=${proposal.sessionId} at=${proposal.convenedAt} />`}
    ${proposal.state === 'collecting' && isSecretary() && html`<${Convene} proposal=${proposal} onDone=${onChanged} />`}
  </article>`;
}

export function ExtraordinaryScreen({ termId }: { termId: string }) {
  const term = useTerm(termId);
  const proposals = useResource(() => api.get<{ proposals: Proposal[] }>(`/api/terms/${termId}/extraordinary-proposals`).then((body) => body.proposals), [termId]);
  useProposalChanges(termId, () => void proposals.reload());
  const header = html`<${TermHeader} term=${term.value} termId=${termId} section="extraordinary" title=${t('exHeading')} />`;
  if (proposals.error) return html`${header}<${ErrorNote} error=${proposals.error} />`;
  if (!proposals.value) return html`${header}<${Loading} />`;
  return html`${header}
    <p class="muted">${t('exIntro')}</p>
    <div class="columns narrow-side">
      <section aria-label=${t('exHeading')}>
        ${proposals.value.length === 0 ? html`<p class="empty">${t('exNone')}</p>` : proposals.value.map((proposal) => html`<${ProposalCard} proposal=${proposal} onChanged=${() => void proposals.reload()} />`)}
      </section>
      <div>${isSecretary() && html`<${NewProposal} termId=${termId} onCreated=${() => void proposals.reload()} />`}</div>
    </div>`;
}
