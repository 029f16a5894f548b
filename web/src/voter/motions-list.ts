// The three motion lists: mine, awaiting seconders (附议), seconded; each motion a large row to open.
import { formatDate } from '../shared/dates.js';
import { html } from '../shared/html.js';
import type { MotionSummary, Scope } from './motions-api.js';
import { categoryLabel, stateBadgeClass, stateLabel } from './motions-labels.js';
import { type MessageKey, t } from '../i18n/i18n.js';

/** The representative's motions in each scope (null until read). */
export type Lists = Record<Scope, MotionSummary[] | null>;

const scopes: { scope: Scope; label: MessageKey; empty: MessageKey }[] = [
  { scope: 'mine', label: 'vmListMine', empty: 'vmEmptyMine' },
  { scope: 'seconding', label: 'vmListSeconding', empty: 'vmEmptySeconding' },
  { scope: 'seconded', label: 'vmListSeconded', empty: 'vmEmptySeconded' },
];

function MotionRow({ motion, scope, onOpen }: { motion: MotionSummary; scope: Scope; onOpen: (id: string) => void }) {
  return html`<li>
    <button type="button" class="motion-row" data-testid="motion-row" data-motion-id=${motion.id} data-state=${motion.state} onClick=${() => onOpen(motion.id)}>
      <span class="motion-row-top">
        <span class="motion-number">${motion.number ?? t('vmUnnumbered')}</span>
        <span class=${stateBadgeClass(motion.state)} data-testid="motion-state">${stateLabel(motion.state)}</span>
        ${motion.overdue ? html`<span class="badge overdue">${t('vmOverdue')}</span>` : null}
      </span>
      <span class="motion-subject">${motion.subject}</span>
      <span class="motion-meta">
        ${categoryLabel(motion.category)}
        ${scope === 'mine' ? null : html` · ${t('vmProposer', { name: motion.proposer.name })}`}
        ${motion.number ? html` · ${t('vmSeconderCount', { count: motion.seconderCount })}` : null}
        ${` · ${formatDate(motion.updatedAt)}`}
      </span>
    </button>
  </li>`;
}

interface ListsProps {
  lists: Lists;
  scope: Scope;
  onScope: (scope: Scope) => void;
  failure: string | null;
  representative: boolean;
  onOpen: (id: string) => void;
  onRetry: () => void;
}

export function MotionLists({ lists, scope, onScope, failure, representative, onOpen, onRetry }: ListsProps) {
  const shown = lists[scope];
  const current = scopes.find((entry) => entry.scope === scope)!;
  return html`<section class="card motion-lists" aria-labelledby="motion-list-heading">
    <div class="segmented" role="group" aria-label=${t('vmListsLabel')}>
      ${scopes.map((entry) => {
        const count = lists[entry.scope]?.length;
        return html`<button type="button" aria-pressed=${scope === entry.scope ? 'true' : 'false'} data-testid=${`motions-scope-${entry.scope}`} onClick=${() => onScope(entry.scope)}>
          ${t(entry.label)}${count ? html` <span class="count">${count}</span>` : null}
        </button>`;
      })}
    </div>
    <h3 id="motion-list-heading" class="visually-hidden">${t(current.label)}</h3>
    ${scope === 'seconding' && !representative ? html`<p class="note">${t('vmAttendeeNoSecond')}</p>` : null}
    ${
      failure
        ? html`<div role="alert"><p class="error">${failure}</p><button type="button" onClick=${onRetry}>${t('vmRetry')}</button></div>`
        : !shown
          ? html`<p class="loading">${t('vmRefreshing')}</p>`
          : shown.length === 0
            ? html`<p class="quiet empty" data-testid="motions-empty">${t(current.empty)}</p>`
            : html`<ul class="motion-list" data-testid=${`motions-list-${scope}`}>
              ${shown.map((motion) => html`<${MotionRow} key=${motion.id} motion=${motion} scope=${scope} onOpen=${onOpen} />`)}
            </ul>`
    }
  </section>`;
}
