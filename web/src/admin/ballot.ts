// One ballot: its items and rules, what can be done with it now, live turnout, and the result.
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { BallotActions } from './ballot-actions.js';
import { BallotResultView } from './ballot-result.js';
import { CountHash } from '../shared/count-hash.js';
import { BallotBadges } from './ballots.js';
import { consolePart } from '../kinds/console.js';
import { DisplayPager } from './display-pager.js';
import { dateTime } from './format.js';
import type { LiveState, MeetingBallots } from './live-meeting.js';
import { ManualResultForm } from './manual-result.js';
import { PaperBallots } from './paper-ballots.js';
import { BallotTellers } from './presidium.js';
import { isSecretary } from './session.js';
import type { AttendanceCounts, Ballot, BallotItem, MeetingView } from './types.js';
import { Loading, useTitle } from './ui.js';

function ItemSummary({ item, index, meeting }: { item: BallotItem; index: number; meeting: MeetingView }) {
  const part = consolePart(item.kind);
  return html`<li class="item-summary">
    <p><span class="muted">${t('adminItemNumber', { number: index + 1 })} · ${part.label()}</span><br /><strong>${item.title}</strong></p>
    <${part.Summary} item=${item} meetingKind=${meeting.kind} />
  </li>`;
}

interface Props {
  meeting: MeetingView;
  attendance: AttendanceCounts;
  live: LiveState;
  ballots: MeetingBallots;
  ballotId: string;
}

export function BallotScreen({ meeting, attendance, ballots, ballotId }: Props) {
  const ballot = ballots.ballots?.find((entry) => entry.id === ballotId);
  useTitle(ballot?.title);
  const back = html`<p class="breadcrumb"><a href=${`/admin/meetings/${meeting.id}/ballots`}>← ${t('adminAllBallots')}</a></p>`;
  if (!ballots.ballots) return html`${back}<${Loading} />`;
  if (!ballot) return html`${back}<p class="notice notice-error" role="alert">${t('adminBallotNotFound')}</p>`;
  const original: Ballot | undefined = ballot.revoteOf ? ballots.ballots.find((entry) => entry.id === ballot.revoteOf) : undefined;

  return html`${back}
    <article class="ballot-detail" aria-labelledby="ballot-heading">
      <div class="section-head">
        <h2 id="ballot-heading">${ballot.title}</h2>
        <${BallotBadges} ballot=${ballot} />
      </div>
      ${original && html`<p class="muted">${t('adminRevoteOf')} <a href=${`/admin/meetings/${meeting.id}/ballots/${original.id}`}>${original.title}</a></p>`}
      ${ballot.quorumOverridden && html`<p class="notice notice-warn">${t('adminQuorumWasOverridden')}</p>`}
      ${ballot.statutory && html`<p class="notice" data-testid="ballot-statutory">${t('ballotStatutoryBadge')}: ${t('ballotStatutory')}</p>`}
      <div class="columns narrow-side">
        <div>
          <section class="card" aria-labelledby="ballot-state-heading">
            <h3 id="ballot-state-heading" class="visually-hidden">${t('adminBallotState')}</h3>
            ${ballot.state === 'draft' && ballot.method === 'manual' && isSecretary() && html`<${ManualResultForm} ballot=${ballot} attendance=${attendance} onSaved=${ballots.remember} />`}
            <${BallotActions} ballot=${ballot} meeting=${meeting} ballots=${ballots} />
            <${PaperBallots} ballot=${ballot} termId=${meeting.termId} onCounted=${ballots.remember} />
            ${ballot.result && html`<${BallotResultView} ballot=${ballot} result=${ballot.result} />`}
            <${CountHash} hash=${ballot.finalHash} />
            ${ballot.state === 'published' && ballot.items.length > 1 && isSecretary() && html`<${DisplayPager} ballot=${ballot} meeting=${meeting} />`}
          </section>
        </div>
        <aside class="card" aria-labelledby="ballot-items-heading">
          <h3 id="ballot-items-heading">${t('adminItems')}</h3>
          <ol class="item-list">${ballot.items.map((item, index) => html`<${ItemSummary} item=${item} index=${index} meeting=${meeting} />`)}</ol>
          <dl class="facts single">
            ${ballot.deadlineAt && html`<div><dt>${t('adminDeadline')}</dt><dd>${dateTime(ballot.deadlineAt)}</dd></div>`}
            <div><dt>${t('adminOpenedAt')}</dt><dd>${dateTime(ballot.openedAt)}</dd></div>
            <div><dt>${t('adminClosedAt')}</dt><dd>${dateTime(ballot.closedAt)}</dd></div>
            <div><dt>${t('adminPublishedAt')}</dt><dd>${dateTime(ballot.publishedAt)}</dd></div>
          </dl>
          <${BallotTellers} ballot=${ballot} meeting=${meeting} ballots=${ballots.ballots} />
        </aside>
      </div>
    </article>`;
}
