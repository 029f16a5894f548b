// One motion as its proposer or a seconder sees it: where it stands and why (the committee's
// reason when returned or not accepted), what they may do next, its text, people, handling,
// the department's replies with their grade, and the full history (who, when, note).
import { formatDate, formatTime } from '../shared/dates.js';
import { html, useEffect, useState } from '../shared/html.js';
import type { Snapshot } from '../shared/live.js';
import { handlingStates } from '../shared/motion-types.js';
import { MotionActions, MotionAttachments } from './motions-actions.js';
import { type MotionDetail, type MotionSettings, motionsApi } from './motions-api.js';
import { categoryLabel, eventLabel, gradeLabel, ratingLabel, refusalOf, stateBadgeClass, stateLabel } from './motions-labels.js';
import { t } from '../i18n/i18n.js';

type You = NonNullable<Snapshot['you']>;
const when = (iso: string) => `${formatDate(iso)} ${formatTime(iso)}`;

/** Why it stands where it stands: the committee's words first, where there are any. */
function Standing({ motion }: { motion: MotionDetail }) {
  const returned = motion.state === 'returned' ? [...motion.history].reverse().find((entry) => entry.event === 'return') : undefined;
  return html`
    ${
      returned
        ? html`<div class="notice returned" data-testid="motion-returned-reason">
          <p><strong>${t('vmReturnedReason')}</strong></p>
          <p class="prose">${returned.note}</p>
          <p class="muted small">${t('vmReturnedHint')}</p>
        </div>`
        : null
    }
    ${
      motion.rejection
        ? html`<div class="notice stopped"><p><strong>${t('vmRejected')}</strong></p><p class="prose">${motion.rejection.reason}</p>
          ${motion.rejection.convertedToSuggestion ? html`<p>${t('vmConvertedToSuggestion')}</p>` : null}</div>`
        : null
    }
    ${motion.mergedInto ? html`<p class="notice">${t('vmMergedInto', { number: motion.mergedInto.number ?? '', subject: motion.mergedInto.subject })}</p>` : null}
    ${motion.state === 'resolution' ? html`<p class="notice done">${t('vmResolution')}</p>` : null}
    ${motion.resolvedAt ? html`<p class="notice done">✓ ${t('vmResolvedAt', { date: formatDate(motion.resolvedAt) })}</p>` : null}
  `;
}

function People({ motion, settings }: { motion: MotionDetail; settings: MotionSettings | null }) {
  const required = settings?.requiredSeconders;
  return html`<section class="motion-part" aria-labelledby="motion-people-heading">
    <h3 id="motion-people-heading">${t('vmSectionPeople')}</h3>
    <p>${motion.proposers.map((person) => person.name).join(t('vmListJoin'))}${motion.onPaper ? html` <span class="muted small">(${t('vmOnPaper')})</span>` : null}</p>
    <p class="muted small" data-testid="motion-seconder-count">
      ${motion.state === 'seconding' && required !== undefined ? t('vmSeconderProgress', { count: motion.seconders.length, required }) : t('vmSeconderCount', { count: motion.seconders.length })}
    </p>
    ${
      motion.seconders.length === 0
        ? html`<p class="muted">${t('vmNoSeconders')}</p>`
        : html`<ul class="seconders" aria-label=${t('vmSeconders')}>
          ${motion.seconders.map((seconder) => html`<li>${seconder.name} <span class="muted small">${t('vmSecondedAt', { date: formatDate(seconder.secondedAt) })}</span></li>`)}
        </ul>`
    }
    ${motion.mergedFrom.map((source) => html`<p class="muted small">${t('vmMergedFrom', { number: source.number ?? '', subject: source.subject, name: source.proposer.name })}</p>`)}
  </section>`;
}

function Handling({ motion }: { motion: MotionDetail }) {
  const active = motion.assignments.filter((assignment) => assignment.active);
  if (active.length === 0 && motion.replies.length === 0) return null;
  const lead = active.find((assignment) => assignment.role === 'lead');
  const co = active.filter((assignment) => assignment.role === 'co');
  return html`<section class="motion-part" aria-labelledby="motion-handling-heading" data-testid="motion-handling">
    <h3 id="motion-handling-heading">${t('vmSectionHandling')}</h3>
    ${lead ? html`<p>${t('vmLeadDepartment', { name: lead.department.name })}</p>` : null}
    ${co.length > 0 ? html`<p>${t('vmCoDepartments', { names: co.map((assignment) => assignment.department.name).join(t('vmListJoin')) })}</p>` : null}
    ${
      motion.dueAt && handlingStates.includes(motion.state)
        ? html`<p class=${motion.overdue ? 'error' : 'muted'}>${t('vmDueAt', { date: formatDate(motion.dueAt) })}${motion.overdue ? ` · ${t('vmOverdue')}` : ''}</p>`
        : null
    }
    ${motion.extension ? html`<p class="muted small">${t('vmExtended', { days: motion.extension.days, reason: motion.extension.reason })}</p>` : null}
    ${motion.replies.length === 0 ? html`<p class="muted">${t('vmNoReplyYet')}</p>` : null}
    ${[...motion.replies].reverse().map(
      (reply) => html`<article class="reply" data-testid="motion-reply" aria-labelledby=${`reply-${reply.round}`}>
        <h4 id=${`reply-${reply.round}`}>${t('vmReplyHeading', { round: reply.round, department: reply.department.name })}</h4>
        <p class="muted small">${t('vmReplyMeta', { author: reply.author, date: formatDate(reply.repliedAt) })}${reply.onTime ? '' : ` · ${t('vmReplyLate')}`}</p>
        <p class="grade" data-testid="motion-reply-grade"><span class=${`grade-letter grade-${reply.grade}`} aria-hidden="true">${reply.grade}</span> ${gradeLabel(reply.grade)}</p>
        <p class="prose">${reply.content}</p>
        ${
          reply.rating
            ? html`<p class=${`rating-given ${reply.rating}`} data-testid="motion-rating-given">${t('vmRatingGiven', { rating: ratingLabel(reply.rating) })}${reply.ratingComment ? ` — ${reply.ratingComment}` : ''}</p>`
            : null
        }
      </article>`,
    )}
  </section>`;
}

function History({ motion }: { motion: MotionDetail }) {
  return html`<section class="motion-part" aria-labelledby="motion-history-heading">
    <h3 id="motion-history-heading">${t('vmSectionHistory')}</h3>
    ${
      motion.history.length === 0
        ? html`<p class="muted">${t('vmHistoryEmpty')}</p>`
        : html`<ol class="history" data-testid="motion-history">
          ${[...motion.history].reverse().map(
            (entry) => html`<li>
              <p class="history-event"><strong>${eventLabel(entry.event)}</strong> <span class="muted small"><time datetime=${entry.at}>${when(entry.at)}</time></span></p>
              <p class="small">${entry.actor.kind === 'system' ? t('vmHistorySystem') : entry.actor.name}${entry.onBehalfOf ? ` ${t('vmHistoryOnBehalf', { name: entry.onBehalfOf.name })}` : ''}
                ${entry.from !== entry.to ? html` · <span class="muted">${stateLabel(entry.to as MotionDetail['state'])}</span>` : null}</p>
              ${entry.note ? html`<p class="prose history-note">${entry.note}</p>` : null}
            </li>`,
          )}
        </ol>`
    }
  </section>`;
}

interface DetailProps {
  id: string;
  you: You;
  revision: number;
  settings: MotionSettings | null;
  onBack: () => void;
  onEdit: (motion: MotionDetail) => void;
  onChanged: () => void;
}

export function MotionDetailView({ id, you, revision, settings, onBack, onEdit, onChanged }: DetailProps) {
  const [motion, setMotion] = useState<MotionDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    motionsApi.get(id).then(
      (loaded) => {
        setMotion(loaded);
        setFailure(null);
      },
      (error: unknown) => setFailure(refusalOf(error)),
    );
  }, [id, revision]);
  useEffect(() => {
    if (motion) document.getElementById('motion-view-heading')?.focus();
  }, [motion === null]);
  // A reply awaiting the proposer's rating is read before the rating form, not after.
  const replyFirst = motion?.allowedEvents.includes('rateSatisfied') ?? false;
  const changed = (next: MotionDetail) => {
    setMotion(next);
    onChanged();
  };
  return html`<section class="card motion-detail" aria-labelledby="motion-view-heading" data-testid="motion-detail" data-motion-id=${id} data-state=${motion?.state ?? ''}>
    <button type="button" class="link-back" data-testid="motion-back" onClick=${onBack}>‹ ${t('vmBack')}</button>
    ${
      !motion
        ? failure
          ? html`<p class="error" role="alert">${failure}</p>`
          : html`<h2 id="motion-view-heading" tabindex="-1" class="loading">${t('vmRefreshing')}</h2>`
        : html`
          <p class="badges">
            <span class="motion-number" data-testid="motion-number">${motion.number ? t('vmDetailNumber', { number: motion.number }) : t('vmUnnumbered')}</span>
            <span class=${stateBadgeClass(motion.state)} data-testid="motion-state">${stateLabel(motion.state)}</span>
            <span class="badge">${categoryLabel(motion.category)}</span>
          </p>
          <h2 id="motion-view-heading" tabindex="-1">${motion.subject}</h2>
          <${Standing} motion=${motion} />
          ${replyFirst ? html`<${Handling} motion=${motion} />` : null}
          <${MotionActions} motion=${motion} you=${you} onMotion=${changed} onEdit=${onEdit} />
          <section class="motion-part" aria-labelledby="motion-content-heading">
            <h3 id="motion-content-heading">${t('vmSectionContent')}</h3>
            <h4>${t('vmReasons')}</h4>
            <p class="prose" data-testid="motion-reasons">${motion.reasons}</p>
            <h4>${t('vmMeasures')}</h4>
            <p class="prose" data-testid="motion-measures">${motion.measures}</p>
          </section>
          <${MotionAttachments} motion=${motion} onMotion=${changed} />
          <${People} motion=${motion} settings=${settings} />
          ${replyFirst ? null : html`<${Handling} motion=${motion} />`}
          <${History} motion=${motion} />
        `
    }
  </section>`;
}
