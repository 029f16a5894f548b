// One representative's vote on one ballot: fill in, confirm, send, then the outcome. It also picks
// up where a reloaded page left off, from the receipt this device stored before sending.
import { t } from '../i18n/i18n.js';
import { html, useEffect, useRef, useState } from '../shared/html.js';
import type { Ballot, LiveMeeting } from '../shared/live.js';
import { type Draft, emptyDraft, toAnswer } from './answers.js';
import { castVote, type Outcome, verifyStoredReceipt } from './casting.js';
import { Confirm, Paper } from './paper.js';
import { findReceipt } from './receipts.js';
import { ReceiptCheck } from './receipt-check.js';
import { OtherDevice, Recorded, Refused, Sending, Unknown } from './vote-status.js';

type Step = 'fill' | 'confirm' | 'sending' | 'done';

interface VotingProps {
  ballot: Ballot;
  live: LiveMeeting;
  memberId: string;
  /** The server says this representative has voted (from any device). */
  votedHere: boolean;
  connected: boolean;
}

function initialOutcome(memberId: string, ballotId: string, voted: boolean): Outcome | null {
  const stored = findReceipt(memberId, ballotId);
  if (!stored || !voted) return null;
  return stored.confirmed ? { kind: 'recorded', receipt: stored.receipt, verified: false } : { kind: 'unknown' };
}

export function Voting({ ballot, live, memberId, votedHere, connected }: VotingProps) {
  const [drafts, setDrafts] = useState<Draft[]>(() => ballot.items.map(emptyDraft));
  const [outcome, setOutcome] = useState<Outcome | null>(() => initialOutcome(memberId, ballot.id, votedHere));
  const [step, setStep] = useState<Step>(() => (outcome ? 'done' : 'fill'));
  // A receipt stored but never confirmed, and no vote on the server: the last attempt did not arrive.
  const [note] = useState(() => (!votedHere && findReceipt(memberId, ballot.id) ? t('previousNotDelivered') : null));
  const sent = useRef<unknown[] | null>(null);
  const verifying = useRef(false);
  const inFlight = useRef(false);
  // Focus follows the voter's own actions only, never a page load.
  const acted = useRef(false);
  const target = { live, memberId, ballotId: ballot.id };

  const finish = (result: Outcome) => {
    setOutcome(result);
    setStep('done');
  };

  const backToPaper = () => {
    setOutcome(null);
    setStep('fill');
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`#b-${ballot.id}-0 input`)?.focus());
  };

  const send = (answers: unknown[]) => {
    // A double tap sends once (a second send would reuse the receipt, but one is enough).
    if (inFlight.current) return;
    inFlight.current = true;
    acted.current = true;
    sent.current = answers;
    setOutcome(null);
    setStep('sending');
    castVote(target, answers)
      .then(finish, () => finish({ kind: 'unknown' }))
      .finally(() => (inFlight.current = false));
  };

  // No acknowledgement: as soon as there is a connection, ask whether the receipt is in the box;
  // if that question goes unanswered too, ask again a little later.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (outcome?.kind !== 'unknown' || !connected || verifying.current) return;
    verifying.current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void verifyStoredReceipt(target, votedHere)
      .catch((): Outcome => ({ kind: 'unknown' }))
      .then((result) => {
        verifying.current = false;
        if (result.kind === 'unknown') retry = setTimeout(() => setAttempt((count) => count + 1), 3000);
        else finish(result);
      });
    return () => clearTimeout(retry);
  }, [outcome, connected, votedHere, attempt]);

  if (step === 'sending') return html`<${Sending} connected=${connected} />`;
  const focus = acted.current;
  const compact = ballot.state !== 'open';
  if (outcome?.kind === 'recorded') {
    return html`<${Recorded} receipt=${outcome.receipt} verified=${outcome.verified} focus=${focus} compact=${compact} />
      ${ballot.state === 'published' ? html`<${ReceiptCheck} ballotId=${ballot.id} receipt=${outcome.receipt} />` : null}`;
  }
  if (outcome?.kind === 'other-device') return html`<${OtherDevice} focus=${focus} />`;
  if (outcome?.kind === 'unknown') return html`<${Unknown} connected=${connected} />`;
  if (votedHere) return html`<${Recorded} receipt=${null} verified=${false} focus=${false} compact=${compact} />`;
  if (outcome?.kind === 'refused') {
    const open = ballot.state === 'open';
    const retry = open && outcome.canRetry ? () => (sent.current ? send(sent.current) : backToPaper()) : null;
    const edit = open && !outcome.canRetry ? backToPaper : null;
    return html`<${Refused} outcome=${outcome} onRetry=${retry} onEdit=${edit} focus=${focus} />`;
  }
  if (ballot.state !== 'open') return html`<p class="muted" data-testid="not-voted">${t('notVoted')}</p>`;
  if (step === 'confirm') {
    return html`<${Confirm}
      ballot=${ballot}
      drafts=${drafts}
      connected=${connected}
      onBack=${backToPaper}
      onConfirm=${() => send(ballot.items.map((item, index) => toAnswer(item, drafts[index]!)))}
    />`;
  }
  return html`<${Paper} ballot=${ballot} drafts=${drafts} note=${note} onChange=${setDrafts} onNext=${() => setStep('confirm')} />`;
}
