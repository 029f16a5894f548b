// The ballots of a meeting: what is open now with its live turnout, drafts, and counted results.
import { html } from '../shared/html.js';
import { localized, t } from '../i18n/i18n.js';
import { consolePart } from '../kinds/console.js';
import { Turnout } from './ballot-actions.js';
import { ballotStateLabel } from './format.js';
import { QuorumLine } from './checkin.js';
import type { LiveState, MeetingBallots } from './live-meeting.js';
import { isSecretary } from './session.js';
import { AwaitingYou } from './awaiting-confirmation.js';
import type { AttendanceCounts, Ballot, MeetingView } from './types.js';
import { Badge, Loading } from './ui.js';

const STATE_TONE: Record<Ballot['state'], string> = { draft: 'neutral', open: 'live', closed: 'warn', published: 'done' };

export function BallotBadges({ ballot }: { ballot: Ballot }) {
  return html`<span class="head-badges">
    <${Badge} tone=${STATE_TONE[ballot.state]}>${ballotStateLabel(ballot.state)}<//>
    ${ballot.result?.manualMethod !== 'show_of_hands' && html`<${Badge} tone="plain">${t(ballot.secrecy === 'secret' ? 'secret' : 'named')}<//>`}
    ${ballot.method === 'manual' && html`<${Badge} tone="plain">${ballot.result?.manualMethod ? t(ballot.result.manualMethod === 'paper' ? 'adminPaper' : 'adminShowOfHands') : t('adminManual')}<//>`}
    ${ballot.revoteOf && html`<${Badge} tone="accent">${t('adminRevoteBadge')}<//>`}
  </span>`;
}

function Outcome({ ballot }: { ballot: Ballot }) {
  if (!ballot.result) return null;
  return html`<ul class="outcomes">${ballot.result.items.map((item, index) => {
    const passed = consolePart(item.kind).passed(item);
    return html`<li>
      ${passed !== undefined && html`<span class=${`verdict small ${passed ? 'verdict-passed' : 'verdict-failed'}`}>${t(passed ? 'passed' : 'failed')}</span>`}
      <span>${ballot.result!.items.length > 1 && html`<strong>${ballot.items[index]?.title ?? ''}</strong> · `}${'explanation' in item ? localized(item.explanation) : ''}</span>
    </li>`;
  })}</ul>`;
}

function BallotCard({ ballot, meetingId }: { ballot: Ballot; meetingId: string }) {
  return html`<li class="card ballot-card" data-ballot=${ballot.id}>
    <div class="section-head">
      <h3><a href=${`/admin/meetings/${meetingId}/ballots/${ballot.id}`}>${ballot.title}</a></h3>
      <${BallotBadges} ballot=${ballot} />
    </div>
    <p class="muted">${t('adminItemCount', { count: ballot.items.length })}</p>
    ${ballot.state === 'open' && html`<${Turnout} ballot=${ballot} />`}
    <${Outcome} ballot=${ballot} />
  </li>`;
}

export function BallotList({ meeting, attendance, ballots }: { meeting: MeetingView; attendance: AttendanceCounts; live: LiveState; ballots: MeetingBallots }) {
  const list = ballots.ballots;
  return html`<section aria-labelledby="ballots-heading">
    <div class="section-head">
      <h2 id="ballots-heading">${t('adminBallots')}</h2>
      ${isSecretary() && meeting.state !== 'closed' && html`<a class="button-link primary" href=${`/admin/meetings/${meeting.id}/ballots/new`}>${t('adminNewBallot')}</a>`}
    </div>
    <${QuorumLine} attendance=${attendance} />
    <${AwaitingYou} meeting=${meeting} ballots=${ballots} />
    ${!list && html`<${Loading} />`}
    ${list && list.length === 0 && html`<p class="empty">${t('adminNoBallots')}</p>`}
    ${list && list.length > 0 && html`<ul class="ballot-list">${list.map((ballot) => html`<${BallotCard} key=${ballot.id} ballot=${ballot} meetingId=${meeting.id} />`)}</ul>`}
  </section>`;
}
