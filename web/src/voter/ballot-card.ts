// One ballot as the representative sees it: title and state, the paper while it is open, the
// result once published, and what became of their own vote throughout.
import { t } from '../i18n/i18n.js';
import { useServerNow, formatRemaining } from '../shared/clock.js';
import { html } from '../shared/html.js';
import type { Ballot, LiveMeeting, Snapshot } from '../shared/live.js';
import { ResultChart, soleVerdict } from '../shared/result-chart.js';
import { figuresText, manualMethodLabel } from '../shared/results.js';
import { Voting } from './voting.js';

const stateKeys = { draft: 'ballotDraft', open: 'ballotOpen', closed: 'ballotClosed', published: 'ballotPublished' } as const;

function Deadline({ deadlineAt, serverTime }: { deadlineAt: string; serverTime: string }) {
  const now = useServerNow(serverTime);
  const left = Date.parse(deadlineAt) - now;
  return html`<p class="deadline">${left > 0 ? t('timeLeft', { time: formatRemaining(left) }) : t('deadlinePassed')}</p>`;
}

function Published({ ballot }: { ballot: Ballot }) {
  const result = ballot.result;
  if (!result) return null;
  return html`<div class="published">
    <p class="result-meta">
      ${figuresText(result)}
      ${result.manual ? html` <span class="badge manual">${t('manualBadge', { method: manualMethodLabel(result) })}</span>` : null}
    </p>
    <${ResultChart} ballot=${ballot} verdictAbove=${soleVerdict(ballot) !== null} />
    <p><a href=${`/results/${ballot.id}`}>${t('openNotice')}</a></p>
  </div>`;
}

interface BallotCardProps {
  ballot: Ballot;
  snapshot: Snapshot;
  live: LiveMeeting;
  connected: boolean;
}

export function BallotCard({ ballot, snapshot, live, connected }: BallotCardProps) {
  const you = snapshot.you!;
  const representative = you.role === 'representative';
  const open = ballot.state === 'open';
  const verdict = ballot.state === 'published' ? soleVerdict(ballot) : null;
  return html`<section class=${`card ballot ${ballot.state}`} aria-labelledby=${`ballot-${ballot.id}-title`} data-ballot-id=${ballot.id}>
    <div class="ballot-head">
      <p class="badges">
        <span class=${`badge state-${ballot.state}`}>${t(stateKeys[ballot.state])}</span>
        ${ballot.method === 'manual' ? null : html`<span class="badge">${t(ballot.secrecy)}</span>`}
      </p>
      <h2 id=${`ballot-${ballot.id}-title`} tabindex="-1">${ballot.title}</h2>
      ${verdict ? html`<p class="sole-verdict"><strong class=${`verdict ${verdict}`}>${t(verdict)}</strong></p>` : null}
      ${open && ballot.turnout ? html`<p class="muted small" data-testid="hall-turnout">${t('hallTurnout', ballot.turnout)}</p>` : null}
      ${open && ballot.deadlineAt ? html`<${Deadline} deadlineAt=${ballot.deadlineAt} serverTime=${snapshot.serverTime} />` : null}
    </div>
    ${ballot.state === 'published' ? html`<${Published} ballot=${ballot} />` : null}
    ${
      representative && open && you.paper?.includes(ballot.id)
        ? html`<p class="note" data-testid="paper-holder-note">${t('paperHolderNote')}</p>`
        : representative
          ? html`<${Voting} ballot=${ballot} live=${live} memberId=${you.memberId} votedHere=${you.voted.includes(ballot.id)} connected=${connected} />`
          : open
            ? html`<p class="note attendee-note" data-testid="attendee-note">${t('attendeeCannotVote')}</p>`
            : null
    }
    ${ballot.state === 'closed' ? html`<p class="note">${t('awaitingResult')}</p>` : null}
  </section>`;
}
