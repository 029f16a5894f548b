// One motion (提案) as the office sees it: the text, proposers and seconders, review outcome,
// assignment, replies and ratings, the whole history, and the next steps the state table allows.
import { api } from '../shared/api.js';
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { dateTime } from './format.js';
import { MotionActions } from './motion-actions.js';
import { categoryLabel, eventLabel, gradeLabel, motionNumber, motionStateLabel, ratingLabel } from './motion-format.js';
import { useMotionChanges } from './motion-live.js';
import type { MotionDetail } from '../shared/motion-types.js';
import { MotionStateBadge } from './motions.js';
import { Badge, ErrorNote, Loading, useResource, useTitle } from './ui.js';

function Text({ label, text }: { label: string; text: string }) {
  return html`<section><h3>${label}</h3><p class="motion-text">${text}</p></section>`;
}

function People({ motion }: { motion: MotionDetail }) {
  return html`<dl class="facts">
    <div><dt>${t('moProposer')}</dt><dd>${motion.proposers.map((person) => person.name).join('、')}${motion.enteredBy ? html` <span class="muted small">(${t('moEnteredBy', { name: motion.enteredBy })})</span>` : ''}</dd></div>
    <div><dt>${t('moSeconders')}</dt><dd data-testid="seconders">${motion.seconders.length === 0 ? '—' : motion.seconders.map((seconder) => seconder.name).join('、')}</dd></div>
    <div><dt>${t('moCategory')}</dt><dd>${categoryLabel(motion.category)}</dd></div>
    <div><dt>${t('moDueAt')}</dt><dd>${motion.dueAt ? dateTime(motion.dueAt) : '—'}${motion.overdue ? html` <${Badge} tone="accent">${t('moOverdueCount')}<//>` : ''}</dd></div>
  </dl>`;
}

function Review({ motion }: { motion: MotionDetail }) {
  return html`${motion.rejection && html`<p class="notice"><strong>${t('moRejection')}:</strong> ${motion.rejection.reason}${motion.rejection.convertedToSuggestion ? ` · ${t('moConvertedToSuggestion')}` : ''}</p>`}
    ${motion.mergedInto && html`<p class="notice">${t('moMergedInto')} <a href=${`/admin/motions/${motion.mergedInto.id}`}>${motionNumber(motion.mergedInto.number)} ${motion.mergedInto.subject}</a></p>`}
    ${
      motion.mergedFrom.length > 0 &&
      html`<section><h3>${t('moMergedFrom')}</h3><ul>${motion.mergedFrom.map(
        (merged) => html`<li>
      <a href=${`/admin/motions/${merged.id}`}>${motionNumber(merged.number)} ${merged.subject}</a> — ${merged.proposer.name}${merged.seconders.length ? `;${t('moSeconders')}:${merged.seconders.map((seconder) => seconder.name).join('、')}` : ''}</li>`,
      )}</ul></section>`
    }`;
}

function Handling({ motion }: { motion: MotionDetail }) {
  if (motion.assignments.length === 0 && motion.replies.length === 0) return null;
  return html`<section class="card" aria-labelledby="handling-title">
    <h2 id="handling-title">${t('moAssignments')}</h2>
    <ul class="assignment-list">${motion.assignments.map(
      (assignment) => html`<li class=${assignment.active ? '' : 'muted'}>
      <strong>${assignment.department.name}</strong> ${t(assignment.role === 'lead' ? 'moLead' : 'moCo')} · ${dateTime(assignment.assignedAt)}
      ${assignment.declineReason ? html` · ${t('moDeclined', { reason: assignment.declineReason })}` : ''}</li>`,
    )}</ul>
    ${motion.extension && html`<p class="muted">${t('moExtension', { days: motion.extension.days, reason: motion.extension.reason })}</p>`}
    ${motion.replies.map(
      (reply) => html`<article class="reply" data-testid="reply">
      <h3>${t('moReplyRound', { round: reply.round })} · ${reply.department.name} · ${reply.author}</h3>
      <p class="muted small">${dateTime(reply.repliedAt)} · ${t(reply.onTime ? 'moOnTime' : 'moLate')} · ${gradeLabel(reply.grade)}</p>
      <p class="motion-text">${reply.content}</p>
      <p data-testid="reply-rating">${reply.rating ? t('moRatedAs', { rating: ratingLabel(reply.rating) }) : t('moNotRated')}${reply.ratingComment ? `:${reply.ratingComment}` : ''}</p>
    </article>`,
    )}
    ${motion.resolvedAt && html`<p class="notice" data-testid="resolved">${t('moState_resolved')} · ${dateTime(motion.resolvedAt)}${motion.resolutionNote ? `:${motion.resolutionNote}` : ''}</p>`}
  </section>`;
}

function History({ motion }: { motion: MotionDetail }) {
  return html`<section class="card" aria-labelledby="history-title">
    <h2 id="history-title">${t('moHistory')}</h2>
    <ol class="history" data-testid="history">${motion.history.map(
      (entry) => html`<li>
      <span class="nowrap muted">${dateTime(entry.at)}</span>
      <span><strong>${eventLabel(entry.event)}</strong> <span class="muted">${motionStateLabel(entry.from)} → ${motionStateLabel(entry.to)}</span>
        · ${entry.actor.name}${entry.onBehalfOf ? t('moHistoryOnBehalf', { name: entry.onBehalfOf.name }) : ''}
        ${entry.note ? html`<br /><span class="muted">${entry.note}</span>` : ''}</span>
    </li>`,
    )}</ol>
  </section>`;
}

function Attachments({ motion }: { motion: MotionDetail }) {
  if (motion.attachments.length === 0) return null;
  return html`<section><h3>${t('moAttachments')}</h3><ul>${motion.attachments.map(
    (file) => html`<li>
    <a download href=${`/api/motions/${motion.id}/attachments/${file.id}`}>${file.filename}</a> <span class="muted small">${Math.ceil(file.size / 1024)} KB</span></li>`,
  )}</ul></section>`;
}

export function MotionScreen({ motionId }: { motionId: string }) {
  const resource = useResource(() => api.get<{ motion: MotionDetail }>(`/api/motions/${motionId}`).then((body) => body.motion), [motionId]);
  useMotionChanges((changed) => {
    if (!changed || changed === motionId) void resource.reload();
  });
  const motion = resource.value;
  useTitle(motion?.subject);
  const back = html`<p class="breadcrumb"><a href="/admin/motions">← ${t('moBack')}</a></p>`;
  if (resource.error) return html`${back}<${ErrorNote} error=${resource.error} />`;
  if (!motion) return html`${back}<${Loading} />`;
  return html`${back}
    <div class="page-head">
      <h1><span class="muted" data-testid="motion-number">${motionNumber(motion.number)}</span> ${motion.subject}</h1>
      <div class="head-badges" data-testid="motion-state"><${MotionStateBadge} state=${motion.state} />${motion.onPaper ? html`<${Badge} tone="plain">${t('moOnPaper')}<//>` : ''}</div>
    </div>
    <div class="columns narrow-side">
      <div>
        <section class="card motion-body">
          <${People} motion=${motion} />
          <${Review} motion=${motion} />
          <${Text} label=${t('moReasons')} text=${motion.reasons} />
          <${Text} label=${t('moMeasures')} text=${motion.measures} />
          <${Attachments} motion=${motion} />
        </section>
        <${Handling} motion=${motion} />
        <${History} motion=${motion} />
      </div>
      <${MotionActions} motion=${motion} onChanged=${resource.set} />
    </div>`;
}
