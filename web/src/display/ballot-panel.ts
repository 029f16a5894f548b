// The ballot of the moment: while open, the live turnout bar and the countdown; once closed, a
// word that counting is done; once published, the bars, the verdict and the rule in words.
import { t } from '../i18n/i18n.js';
import { formatRemaining, useServerNow } from '../shared/clock.js';
import { html } from '../shared/html.js';
import type { Ballot, Meeting } from '../shared/live.js';
import { soleVerdict } from '../shared/result-chart.js';
import { figuresText, manualMethodLabel, ruleInWords } from '../shared/results.js';
import { type PageOrder, PagedResult } from './paged-result.js';

/** While a ballot is open, this many item titles are listed; the rest are counted, so the screen never scrolls. */
const OPEN_ITEMS_SHOWN = 6;

const stateKeys = { draft: 'ballotDraft', open: 'ballotOpen', closed: 'ballotClosed', published: 'ballotPublished' } as const;

function Turnout({ ballot }: { ballot: Ballot }) {
  const { voted, eligible } = ballot.turnout ?? { voted: 0, eligible: 0 };
  const share = eligible > 0 ? Math.min(100, Math.round((voted / eligible) * 100)) : 0;
  return html`<div class="turnout">
    <p class="turnout-figures"><span class="turnout-label">${t('displayTurnout')}</span> <strong data-testid="turnout">${voted} / ${eligible}</strong> <span class="turnout-share">${share}%</span></p>
    <div class="turnout-bar" role="progressbar" aria-valuemin="0" aria-valuemax=${eligible} aria-valuenow=${voted} aria-label=${t('displayTurnout')}>
      <span style=${{ width: `${share}%` }}></span>
    </div>
  </div>`;
}

function Countdown({ deadlineAt, serverTime }: { deadlineAt: string; serverTime: string }) {
  const now = useServerNow(serverTime);
  const left = Date.parse(deadlineAt) - now;
  return html`<p class=${`countdown ${left <= 60_000 ? 'urgent' : ''}`} data-testid="countdown">
    ${left > 0 ? html`<span class="countdown-label">${t('displayTimeLeft')}</span> <strong>${formatRemaining(left)}</strong>` : t('deadlinePassed')}
  </p>`;
}

function Rules({ ballot, meeting }: { ballot: Ballot; meeting: Meeting }) {
  const rules = [...new Set(ballot.items.map((item) => ruleInWords(item, meeting.kind)).filter((rule): rule is string => rule !== null))];
  return rules.length > 0 ? html`<p class="display-rule">${t('displayRule')}${rules.join(t('listSeparator'))}</p>` : null;
}

function OpenItems({ ballot }: { ballot: Ballot }) {
  if (ballot.items.length < 2) return null;
  const rest = ballot.items.length - OPEN_ITEMS_SHOWN;
  return html`<ol class="display-items">
    ${ballot.items.slice(0, OPEN_ITEMS_SHOWN).map((item) => html`<li>${item.title}</li>`)}
    ${rest > 0 ? html`<li class="muted more">${t('displayItemsMore', { count: rest })}</li>` : null}
  </ol>`;
}

interface Props {
  ballot: Ballot;
  meeting: Meeting;
  serverTime: string;
  /** Seconds each page of a long result stays up. */
  pageSeconds: number;
  /** The secretary's latest step through the pages, if any. */
  pageOrder: PageOrder | null;
}

export function BallotPanel({ ballot, meeting, serverTime, pageSeconds, pageOrder }: Props) {
  const result = ballot.result;
  const many = ballot.items.length > 1;
  const verdict = ballot.state === 'published' ? soleVerdict(ballot) : null;
  return html`<div class=${`ballot-panel ${ballot.state} ${many ? 'many-items' : ''}`} data-ballot-id=${ballot.id}>
    <p class="display-badges">
      <span class=${`badge state-${ballot.state}`}>${t(stateKeys[ballot.state])}</span>
      ${ballot.method === 'manual' ? null : html`<span class="badge">${t(ballot.secrecy)}</span>`}
      ${result?.manual ? html`<span class="badge manual" data-testid="manual">${t('manualBadge', { method: manualMethodLabel(result) })}</span>` : null}
    </p>
    <div class="ballot-title-row">
      <h2 class="ballot-title">${ballot.title}</h2>
      ${verdict ? html`<strong class=${`verdict ${verdict}`} data-testid="verdict">${t(verdict)}</strong>` : null}
    </div>
    ${
      ballot.state === 'open'
        ? html`<${OpenItems} ballot=${ballot} />
          <${Turnout} ballot=${ballot} />
          ${ballot.deadlineAt ? html`<${Countdown} deadlineAt=${ballot.deadlineAt} serverTime=${serverTime} />` : null}
          <${Rules} ballot=${ballot} meeting=${meeting} />`
        : null
    }
    ${ballot.state === 'closed' ? html`<p class="display-counting">${t('displayCounting')}</p><${Turnout} ballot=${ballot} />` : null}
    ${
      ballot.state === 'published' && result
        ? html`<${PagedResult} key=${ballot.id} ballot=${ballot} figures=${figuresText(result)} verdictElsewhere=${verdict !== null} seconds=${pageSeconds} order=${pageOrder} />`
        : null
    }
  </div>`;
}
