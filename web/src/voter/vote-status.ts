// What the page says about this representative's vote: recorded with its receipt, on its way,
// not known yet, or not recorded, always in words that cannot be mistaken for one another.
import { localized, t } from '../i18n/i18n.js';
import { html, useEffect, useRef } from '../shared/html.js';
import type { Outcome } from './casting.js';
import { groupReceipt } from './receipts.js';

/** Moves focus to a status block that an action of the voter brought up, so a screen reader reads it. */
function useFocusOnMount<T extends HTMLElement>(focus: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  return ref;
}

interface RecordedProps {
  receipt: string | null;
  verified: boolean;
  focus: boolean;
  /** A closed or published ballot: one line is enough. */
  compact: boolean;
}

export function Recorded({ receipt, verified, focus, compact }: RecordedProps) {
  const ref = useFocusOnMount<HTMLDivElement>(focus);
  if (compact) {
    return html`<div class="vote-status recorded compact" data-testid="voted">
      <p class="voted-mark"><span aria-hidden="true">✓</span> ${t('voted')}</p>
      ${receipt ? html`<p class="small">${t('receiptLabel')} <span class="receipt-inline" data-receipt=${receipt}>${groupReceipt(receipt)}</span></p>` : null}
    </div>`;
  }
  return html`<div class="vote-status recorded" tabindex="-1" ref=${ref} data-testid="voted">
    <p class="voted-mark"><span aria-hidden="true">✓</span> ${t('voted')}</p>
    <p>${verified ? t('voteVerified') : t('voteRecorded')}</p>
    ${
      receipt
        ? html`<div class="receipt">
          <p class="receipt-label" id="receipt-label">${t('receiptLabel')}</p>
          <p class="receipt-code" aria-labelledby="receipt-label" data-receipt=${receipt}>${groupReceipt(receipt)}</p>
          <p class="muted small">${t('receiptExplain')}</p>
        </div>`
        : html`<p class="muted small">${t('receiptElsewhere')}</p>`
    }
  </div>`;
}

export function OtherDevice({ focus }: { focus: boolean }) {
  const ref = useFocusOnMount<HTMLDivElement>(focus);
  return html`<div class="vote-status recorded" tabindex="-1" ref=${ref} data-testid="voted">
    <p class="voted-mark"><span aria-hidden="true">✓</span> ${t('voted')}</p>
    <p>${t('voteFromOtherDevice')}</p>
  </div>`;
}

export function Sending({ connected }: { connected: boolean }) {
  return html`<div class="vote-status pending" role="status" data-testid="sending">
    <p class="pending-mark">${connected ? t('sendingVote') : t('sendingQueued')}</p>
    ${connected ? null : html`<p>${t('sendingQueuedExplain')}</p>`}
  </div>`;
}

export function Unknown({ connected }: { connected: boolean }) {
  return html`<div class="vote-status pending" role="status" data-testid="unknown">
    <p class="pending-mark">${t('voteUnknown')}</p>
    <p>${connected ? t('voteChecking') : t('voteCheckWhenConnected')}</p>
  </div>`;
}

interface RefusedProps {
  outcome: Extract<Outcome, { kind: 'refused' }>;
  onRetry: (() => void) | null;
  onEdit: (() => void) | null;
  focus: boolean;
}

export function Refused({ outcome, onRetry, onEdit, focus }: RefusedProps) {
  const ref = useFocusOnMount<HTMLDivElement>(focus);
  const reason = outcome.code === 'NOT_RECORDED' ? t('voteNotDelivered') : localized({ zh: outcome.messageZh, en: outcome.messageEn });
  return html`<div class="vote-status refused" role="alert" tabindex="-1" ref=${ref} data-testid="refused">
    <p class="refused-mark">${t('voteNotRecorded')}</p>
    <p>${reason}</p>
    <div class="actions">
      ${onRetry ? html`<button type="button" class="primary" onClick=${onRetry}>${t('sendAgain')}</button>` : null}
      ${onEdit ? html`<button type="button" onClick=${onEdit}>${t('editVote')}</button>` : null}
    </div>
  </div>`;
}
