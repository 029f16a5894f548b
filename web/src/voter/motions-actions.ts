// What the representative may do with one motion, offered from the server's allowedEvents: edit,
// submit, resubmit, withdraw (with a confirmation), second, rate the reply; and its attachments.
import { formatDate } from '../shared/dates.js';
import { html, useRef, useState } from '../shared/html.js';
import type { Snapshot } from '../shared/live.js';
import { type MotionDetail, motionsApi, type Rating } from './motions-api.js';
import { ratingLabel, refusalOf } from './motions-labels.js';
import { type MessageKey, t } from '../i18n/i18n.js';

type You = NonNullable<Snapshot['you']>;
type Outcome = { kind: 'done' | 'refused'; text: string } | null;

/** Runs one request, keeps the buttons still meanwhile, and says what happened. */
function useRequest(onMotion: (motion: MotionDetail) => void) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const box = useRef<HTMLParagraphElement>(null);
  const run = async (request: () => Promise<MotionDetail>, done: (motion: MotionDetail) => string) => {
    setBusy(true);
    setOutcome(null);
    try {
      const motion = await request();
      setOutcome({ kind: 'done', text: done(motion) });
      onMotion(motion);
    } catch (error) {
      setOutcome({ kind: 'refused', text: t('vmRefused', { reason: refusalOf(error) }) });
    }
    setBusy(false);
    setTimeout(() => box.current?.focus(), 0);
  };
  const message = html`<p ref=${box} tabindex="-1" class=${`outcome ${outcome?.kind ?? ''}`} role=${outcome?.kind === 'refused' ? 'alert' : 'status'} data-testid="motion-outcome">${outcome?.text ?? ''}</p>`;
  return { busy, run, message, said: outcome !== null };
}

const ratings: Rating[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

function RatingForm({ busy, onRate }: { busy: boolean; onRate: (rating: Rating, comment: string) => void }) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState('');
  const send = (event: Event) => {
    event.preventDefault();
    if (!rating) return setProblem(t('vmRateChoose'));
    setProblem('');
    onRate(rating, comment.trim());
  };
  return html`<form class="rating-form" onSubmit=${send} data-testid="motion-rating-form">
    <fieldset class="item">
      <legend>${t('vmRateHeading')}</legend>
      <p class="hint" id="rating-hint">${t('vmRateHint')}</p>
      <div class="options ratings" aria-describedby="rating-hint">
        ${ratings.map(
          (value) => html`<label class=${`option ${rating === value ? 'checked' : ''}`} data-value=${value}>
            <input type="radio" name="motion-rating" value=${value} checked=${rating === value} onChange=${() => setRating(value)} />
            ${ratingLabel(value)}
          </label>`,
        )}
      </div>
    </fieldset>
    <label for="rating-comment">${t('vmRateComment')}</label>
    <textarea id="rating-comment" rows="3" maxlength="2000" value=${comment} onInput=${(event: Event) => setComment((event.target as HTMLTextAreaElement).value)}></textarea>
    <p class="error" role="alert">${problem}</p>
    <button type="submit" class="primary wide" disabled=${busy} data-testid="motion-rate">${busy ? t('vmWorking') : t('vmRateSend')}</button>
  </form>`;
}

interface ActionsProps {
  motion: MotionDetail;
  you: You;
  onMotion: (motion: MotionDetail) => void;
  onEdit: (motion: MotionDetail) => void;
}

export function MotionActions({ motion, you, onMotion, onEdit }: ActionsProps) {
  const { busy, run, message, said } = useRequest(onMotion);
  const [confirming, setConfirming] = useState(false);
  const allowed = new Set(motion.allowedEvents);
  const mine = motion.proposer.memberId === you.memberId;
  const seconded = motion.seconders.some((seconder) => seconder.memberId === you.memberId);
  const move = (path: 'submit' | 'resubmit' | 'withdraw' | 'seconders', done: MessageKey) =>
    run(
      () => motionsApi.move(motion.id, path),
      (changed) => t(done, { number: changed.number ?? '' }),
    );
  const notes: string[] = [];
  if (motion.state === 'seconding' && !allowed.has('second')) {
    if (mine) notes.push(t('vmOwnNoSecond'));
    else if (seconded) notes.push(t('vmAlreadySeconded'));
    else if (you.role === 'attendee') notes.push(t('vmAttendeeNoSecond'));
  }
  const any = ['edit', 'submit', 'resubmit', 'withdraw', 'second', 'rateSatisfied'].some((event) => allowed.has(event as never));
  if (!any && notes.length === 0 && !said) return null;
  return html`<div class="motion-actions" role="group" aria-label=${t('vmActionsLabel')} data-testid="motion-actions">
    ${notes.map((note) => html`<p class=${seconded ? 'ok' : 'note'} data-testid="motion-second-note">${seconded ? '✓ ' : ''}${note}</p>`)}
    ${
      allowed.has('second')
        ? html`<p class="hint">${t('vmSecondConfirm')}</p>
          <button type="button" class="primary wide" disabled=${busy} data-testid="motion-second" onClick=${() => move('seconders', 'vmDone_second')}>${t('vmSecond')}</button>`
        : null
    }
    ${allowed.has('submit') ? html`<p class="hint">${t('vmSubmitHint')}</p>` : null}
    <div class="actions">
      ${
        allowed.has('submit')
          ? html`<button type="button" class="primary" disabled=${busy} data-testid="motion-submit" onClick=${() => move('submit', 'vmDone_submit')}>${t('vmSubmit')}</button>`
          : null
      }
      ${
        allowed.has('resubmit')
          ? html`<button type="button" class="primary" disabled=${busy} data-testid="motion-resubmit" onClick=${() => move('resubmit', 'vmDone_resubmit')}>${t('vmResubmit')}</button>`
          : null
      }
      ${allowed.has('edit') ? html`<button type="button" disabled=${busy} data-testid="motion-edit" onClick=${() => onEdit(motion)}>${t('vmEdit')}</button>` : null}
      ${
        allowed.has('withdraw') && !confirming
          ? html`<button type="button" class="quiet-danger" disabled=${busy} data-testid="motion-withdraw" onClick=${() => setConfirming(true)}>${t('vmWithdraw')}</button>`
          : null
      }
    </div>
    ${
      confirming && allowed.has('withdraw')
        ? html`<div class="confirm-withdraw" role="group" aria-labelledby="withdraw-question">
          <p id="withdraw-question">${t('vmWithdrawConfirm')}</p>
          <div class="actions">
            <button type="button" class="danger" disabled=${busy} data-testid="motion-withdraw-confirm"
              onClick=${() => (setConfirming(false), move('withdraw', 'vmDone_withdraw'))}>${t('vmWithdrawYes')}</button>
            <button type="button" onClick=${() => setConfirming(false)}>${t('vmCancel')}</button>
          </div>
        </div>`
        : null
    }
    ${
      allowed.has('rateSatisfied')
        ? html`<${RatingForm} busy=${busy} onRate=${(rating: Rating, comment: string) =>
            run(
              () => motionsApi.move(motion.id, 'rating', comment ? { rating, comment } : { rating }),
              () => t('vmDone_rate'),
            )} />`
        : null
    }
    ${message}
  </div>`;
}

const ACCEPTED = ['application/pdf', 'image/png', 'image/jpeg'];
const MAX_BYTES = 5 * 1024 * 1024;
const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Attachments: downloads for everyone who sees the motion; upload and removal while it may be edited. */
export function MotionAttachments({ motion, onMotion }: { motion: MotionDetail; onMotion: (motion: MotionDetail) => void }) {
  const { busy, run, message } = useRequest(onMotion);
  const [problem, setProblem] = useState('');
  const editable = motion.allowedEvents.includes('edit');
  if (!editable && motion.attachments.length === 0) return null;
  const choose = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) return setProblem(t('vmAttachmentWrongType'));
    if (file.size > MAX_BYTES) return setProblem(t('vmAttachmentTooLarge'));
    setProblem('');
    void run(
      () => motionsApi.attach(motion.id, file),
      () => t('vmSaved'),
    );
  };
  return html`<section class="motion-part" aria-labelledby="motion-attachments-heading" data-testid="motion-attachments">
    <h3 id="motion-attachments-heading">${t('vmSectionAttachments')}</h3>
    ${
      motion.attachments.length === 0
        ? html`<p class="muted">${t('vmAttachmentsNone')}</p>`
        : html`<ul class="attachments">
          ${motion.attachments.map(
            (attachment) => html`<li>
              <a href=${motionsApi.attachmentUrl(motion.id, attachment.id)} download=${attachment.filename} aria-label=${t('vmAttachmentDownload', { name: attachment.filename })}>
                ${attachment.filename}</a>
              <span class="muted small">${sizeText(attachment.size)} · ${formatDate(attachment.uploadedAt)}</span>
              ${
                editable
                  ? html`<button type="button" class="small-button" disabled=${busy} aria-label=${t('vmAttachmentRemove', { name: attachment.filename })}
                    onClick=${() =>
                      run(
                        () => motionsApi.detach(motion.id, attachment.id),
                        () => t('vmSaved'),
                      )}>✕</button>`
                  : null
              }
            </li>`,
          )}
        </ul>`
    }
    ${
      editable
        ? html`<input id="motion-attachment" class="file-pick visually-hidden" type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            aria-describedby="motion-attachment-hint" disabled=${busy} onChange=${choose} data-testid="motion-attachment-input" />
          <label for="motion-attachment" class="file-button">${busy ? t('vmAttachmentUploading') : `＋ ${t('vmAttachmentAdd')}`}</label>
          <p class="hint" id="motion-attachment-hint">${t('vmAttachmentHint')}</p>
          <p class="error" role="alert">${problem}</p>`
        : null
    }
    ${message}
  </section>`;
}
