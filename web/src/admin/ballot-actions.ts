// What can be done with a ballot now: open it (with an audited quorum override), watch turnout, close,
// publish, re-vote, delete a draft. Under the meeting's two-person control (双人确认) open, close and
// publish wait for the other officer: the buttons say whom, and confirm the other's half. Each change
// is answered by the server and pushed to every screen.
import { ApiError, api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { percent } from './format.js';
import type { MeetingBallots } from './live-meeting.js';
import { navigate } from './router.js';
import { currentAccount, isSecretary } from './session.js';
import { awaitingLabel, type ConfirmationStep, confirmedByLine, confirmLabel, type StepStatus, stepStatus } from './two-person.js';
import type { Ballot, MeetingView } from './types.js';
import { ConfirmDialog, ErrorNote, useAction } from './ui.js';

export function Turnout({ ballot }: { ballot: Ballot }) {
  const voted = ballot.turnout?.voted ?? 0;
  const eligible = ballot.turnout?.eligible ?? 0;
  return html`<div class="turnout">
    <p class="turnout-figure" role="status" aria-live="polite" data-testid="turnout"><strong>${voted}</strong> / ${eligible} <span class="muted">${t('adminTurnoutWords', { voted, eligible })}</span></p>
    <div class="bar big" aria-hidden="true"><span style=${`width:${percent(voted, eligible)}%`}></span></div>
  </div>`;
}

function QuorumOverride({ details, onOverride, onCancel, busy }: { details: { present?: number; required?: number }; onOverride: (reason: string) => void; onCancel: () => void; busy: boolean }) {
  const [reason, setReason] = useState('');
  return html`<div class="notice notice-warn override" role="alert">
    <h3>${t('quorumNotReached')}</h3>
    <p>${t('adminOverrideExplain', { present: details.present ?? '?', required: details.required ?? '?' })}</p>
    <label for="override-reason">${t('adminOverrideReason')}</label>
    <textarea id="override-reason" rows="2" maxlength="500" required value=${reason} onInput=${(e: Event) => setReason((e.target as HTMLTextAreaElement).value)}></textarea>
    <div class="actions">
      <button type="button" onClick=${onCancel}>${t('adminCancel')}</button>
      <button type="button" class="danger" disabled=${busy || reason.trim() === ''} onClick=${() => onOverride(reason.trim())}>${t('adminOverrideOpen')}</button>
    </div>
  </div>`;
}

type Step = 'close' | 'publish' | 'revote' | 'newElection' | 'delete' | null;

/** The election items of a counted ballot that left seats empty: each can go to a new election (另行选举). */
function emptySeatItems(ballot: Ballot): { itemId: string; number: number; seats: number }[] {
  if (ballot.state !== 'closed' && ballot.state !== 'published') return [];
  return ballot.items.flatMap((item, index) => {
    const result = ballot.result?.items[index];
    return item.kind === 'election' && result?.kind === 'election' && result.unfilledSeats > 0 ? [{ itemId: item.id, number: index + 1, seats: result.unfilledSeats }] : [];
  });
}

/** Under two-person control: who has confirmed this step, and what the deadline will do by itself. */
function ConfirmationNotes({ status, ballot }: { status: StepStatus; ballot: Ballot }) {
  const given = [status.other, status.mine].filter((entry) => entry !== undefined);
  const reason = status.other?.step === 'open' && status.other.options.overrideQuorum === true ? String(status.other.options.reason ?? '') : null;
  return html`<div class="notice two-person" data-testid="two-person-notes">
    <p>${t('tpStepNeedsBoth')}</p>
    ${given.map((entry) => html`<p data-testid="confirmed-by">${confirmedByLine(entry)}</p>`)}
    ${reason !== null && html`<p class="notice-warn">${t('tpOverrideNote', { reason })}</p>`}
    ${status.step === 'close' && ballot.deadlineAt && html`<p class="muted">${t('tpDeadlineNote')}</p>`}
  </div>`;
}

export function BallotActions({ ballot, meeting, ballots }: { ballot: Ballot; meeting: MeetingView; ballots: MeetingBallots }) {
  const action = useAction();
  const role = currentAccount()?.role;
  const officer = role === 'secretary' || role === 'scrutineer';
  const status = stepStatus(meeting, ballot, role);
  const controlled = status?.controlled === true;
  const [quorum, setQuorum] = useState<{ present?: number; required?: number } | null>(null);
  const [confirming, setConfirming] = useState<Step>(null);
  const [newElectionItem, setNewElectionItem] = useState<string | null>(null);
  const secretary = isSecretary();
  const path = `/api/ballots/${ballot.id}`;

  const change = (url: string) =>
    action.run(async () => {
      const { ballot: next } = await api.post<{ ballot: Ballot }>(url);
      ballots.remember(next);
    });

  /**
   * QUORUM_NOT_REACHED is not a failure to show: it offers the explicit override instead. The second
   * half of a controlled open sends the first's options: both must open the same way.
   */
  const open = (override?: string) =>
    action.run(async () => {
      try {
        const body = override ? { overrideQuorum: true, reason: override } : (status?.other?.options ?? {});
        const { ballot: next } = await api.post<{ ballot: Ballot }>(`${path}/open`, body);
        ballots.remember(next);
        setQuorum(null);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'QUORUM_NOT_REACHED') {
          setQuorum((error.details as { present?: number; required?: number }) ?? {});
          return;
        }
        throw error;
      }
    });

  const confirm = async () => {
    const step = confirming;
    setConfirming(null);
    if (step === 'close') await change(`${path}/close`);
    if (step === 'publish') await change(`${path}/publish`);
    if (step === 'revote') {
      await action.run(async () => {
        const { ballot: next } = await api.post<{ ballot: Ballot }>(`${path}/revote`);
        ballots.remember(next);
        navigate(`/admin/meetings/${meeting.id}/ballots/${next.id}`);
      });
    }
    if (step === 'newElection' && newElectionItem) {
      await action.run(async () => {
        const { ballot: next } = await api.post<{ ballot: Ballot }>(`${path}/items/${encodeURIComponent(newElectionItem)}/new-election`);
        ballots.remember(next);
        navigate(`/admin/meetings/${meeting.id}/ballots/${next.id}`);
      });
    }
    if (step === 'delete') {
      const ok = await action.run(() => api.delete(path));
      if (ok) {
        ballots.forget(ballot.id);
        navigate(`/admin/meetings/${meeting.id}/ballots`);
      }
    }
  };

  const texts: Record<Exclude<Step, null>, [string, string, boolean]> = {
    close: [t('adminCloseBallot'), t('adminCloseBallotConfirm', { voted: ballot.turnout?.voted ?? 0, eligible: ballot.turnout?.eligible ?? 0 }), true],
    publish: [t('adminPublish'), t('adminPublishConfirm'), false],
    revote: [t('adminRevote'), t('adminRevoteConfirm'), false],
    newElection: [t('adminNewElectionTitle'), t('adminNewElectionConfirm'), false],
    delete: [t('adminDeleteBallot'), t('adminDeleteBallotConfirm'), true],
  };
  const inSession = meeting.state === 'in_session';

  const withdraw = (step: ConfirmationStep) =>
    action.run(async () => {
      const { ballot: next } = await api.delete<{ ballot: Ballot }>(`${path}/confirmations/${step}`);
      ballots.remember(next);
    });

  /**
   * The step's button: as it always was without control; under control, a disabled "等待监票人确认"
   * (and a withdrawal) once my role has confirmed, "确认…" once the other role has.
   */
  const stepButton = (step: ConfirmationStep, label: string, onClick: () => void, disabled: boolean) => {
    if (!controlled || status?.step !== step) return html`<button type="button" class="primary" disabled=${disabled} onClick=${onClick}>${label}</button>`;
    if (status.mine) {
      return html`<button type="button" class="primary" disabled data-testid="awaiting-other">${awaitingLabel(status.mine.role)}</button>
        <button type="button" disabled=${action.busy} onClick=${() => withdraw(step)}>${t('tpWithdraw')}</button>`;
    }
    return html`<button type="button" class="primary" disabled=${disabled} onClick=${onClick} data-testid=${`step-${step}`}>${status.other ? confirmLabel(step) : label}</button>`;
  };
  // Opening and publishing are the secretary's, and a scrutineer's too as one of two under control.
  const mayOpenOrPublish = secretary || (controlled && officer);

  const buttons = [
    mayOpenOrPublish && ballot.state === 'draft' && ballot.method === 'electronic' && !quorum && stepButton('open', t('adminOpenBallot'), () => open(), action.busy || !inSession),
    ballot.state === 'open' && stepButton('close', t('adminCloseBallot'), () => setConfirming('close'), action.busy),
    mayOpenOrPublish && ballot.state === 'closed' && ballot.result && stepButton('publish', t('adminPublish'), () => setConfirming('publish'), action.busy),
    ballot.state === 'published' && html`<a class="button-link" href=${`/results/${ballot.id}`} target="_blank" rel="noopener">${t('adminResultNotice')}</a>`,
    secretary &&
      (ballot.state === 'closed' || ballot.state === 'published') &&
      html`<button type="button" disabled=${action.busy} onClick=${() => setConfirming('revote')}>${t('adminRevote')}</button>`,
    ...(secretary
      ? emptySeatItems(ballot).map(
          (entry) =>
            html`<button type="button" data-testid="new-election" disabled=${action.busy || meeting.state === 'closed'} onClick=${() => {
              setNewElectionItem(entry.itemId);
              setConfirming('newElection');
            }}>${t('adminNewElection', { number: entry.number, seats: entry.seats })}</button>`,
        )
      : []),
    secretary && ballot.state === 'draft' && html`<a class="button-link" href=${`/admin/meetings/${meeting.id}/ballots/${ballot.id}/edit`}>${t('adminEdit')}</a>`,
    secretary && ballot.state === 'draft' && html`<button type="button" class="danger" disabled=${action.busy} onClick=${() => setConfirming('delete')}>${t('adminDeleteBallot')}</button>`,
  ].filter(Boolean);

  return html`<div class="ballot-actions">
    ${ballot.state === 'open' && html`<${Turnout} ballot=${ballot} />`}
    ${ballot.state === 'draft' && ballot.method === 'electronic' && !inSession && html`<p class="notice notice-warn">${t('adminOpenNeedsSession')}</p>`}
    ${ballot.state === 'closed' && html`<p class="notice notice-warn">${ballot.result ? t('adminAwaitingPublish') : t('paperAwaitingCount')}</p>`}
    ${controlled && status && html`<${ConfirmationNotes} status=${status} ballot=${ballot} />`}
    ${quorum && html`<${QuorumOverride} details=${quorum} busy=${action.busy} onCancel=${() => setQuorum(null)} onOverride=${(reason: string) => open(reason)} />`}
    <${ErrorNote} error=${action.error} />
    ${buttons.length > 0 && html`<div class="actions">${buttons}</div>`}
    <${ConfirmDialog} open=${confirming !== null} title=${confirming ? texts[confirming][0] : ''} confirmLabel=${confirming ? texts[confirming][0] : ''}
      danger=${confirming ? texts[confirming][2] : false} busy=${action.busy} onConfirm=${confirm} onCancel=${() => setConfirming(null)}>
      <p>${confirming ? texts[confirming][1] : ''}</p>
    <//>
  </div>`;
}
