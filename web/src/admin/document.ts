// One document (二上二下) as the secretariat and the drafters see it: where it stands, the live opinion
// counts while a round collects, the draft and every issued version with its diff and adoption
// report, each round's submissions, originals and answers, the vote and its result, the history,
// and the next steps the state table allows.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { BallotResultView } from './ballot-result.js';
import { dateTime } from './format.js';
import { DocumentActions, useDocumentPost } from './document-actions.js';
import { DraftEditor } from './document-draft.js';
import { documentEventLabel, documentKindLabel, documentStateLabel } from './document-format.js';
import { useDocumentChanges } from './document-live.js';
import { OpinionCountsCard, RoundSection } from './document-rounds.js';
import type { DocumentDetail, OpinionCounts } from './document-types.js';
import { AdoptionFigures, VersionPanel } from './document-version.js';
import { DocumentStateBadge, roundText } from './documents.js';
import { isSecretary } from './session.js';
import { Badge, ErrorNote, Loading, useResource, useTitle } from './ui.js';

function Votes({ document }: { document: DocumentDetail }) {
  if (document.votes.length === 0) return null;
  return html`<section class="card" aria-labelledby="votes-title" data-testid="document-votes">
    <h2 id="votes-title">${t('docVoteHeading')}</h2>
    ${document.votes.map(
      (vote) => html`<div class="doc-vote">
      <p><strong>${vote.itemTitle}</strong> ${vote.outcome ? html`<span class=${`verdict small ${vote.outcome === 'approved' ? 'verdict-passed' : 'verdict-failed'}`}>${documentStateLabel(vote.outcome)}</span>` : html`<${Badge} tone="live">${t('docVotePending')}<//>`}</p>
      ${vote.ballot && html`<p class="muted small">${isSecretary() ? html`<a href=${`/admin/meetings/${document.meetingId}/ballots/${vote.ballotId}`}>${vote.ballot.title}</a>` : vote.ballot.title} · ${t('docVoteItem', { index: vote.itemIndex + 1 })}${vote.settledAt ? ` · ${dateTime(vote.settledAt)}` : ''}</p>`}
      ${vote.ballot?.result && html`<${BallotResultView} ballot=${{ ...vote.ballot, items: [vote.ballot.items[vote.itemIndex]!] }} result=${{ ...vote.ballot.result, items: [vote.ballot.result.items[vote.itemIndex]!] }} />`}
    </div>`,
    )}
  </section>`;
}

function History({ document }: { document: DocumentDetail }) {
  return html`<section class="card" aria-labelledby="doc-history-title">
    <h2 id="doc-history-title">${t('docHistory')}</h2>
    <ol class="history" data-testid="document-history">${document.history.map(
      (entry) => html`<li>
      <span class="nowrap muted">${dateTime(entry.at)}</span>
      <span><strong>${documentEventLabel(entry.event)}</strong> <span class="muted">${entry.from === entry.to ? documentStateLabel(entry.to) : `${documentStateLabel(entry.from)} → ${documentStateLabel(entry.to)}`}</span> · ${entry.actorName}
        ${entry.note ? html`<br /><span class="muted">${entry.note}</span>` : ''}</span>
    </li>`,
    )}</ol>
  </section>`;
}

function Facts({ document }: { document: DocumentDetail }) {
  return html`<dl class="facts">
    <div><dt>${t('docKind')}</dt><dd>${documentKindLabel(document.kind)}</dd></div>
    <div><dt>${t('docDepartment')}</dt><dd>${document.draftingDepartment.name}</dd></div>
    <div><dt>${t('docRound')}</dt><dd data-testid="document-round">${roundText(document)}</dd></div>
    <div><dt>${t('docDeadline')}</dt><dd>${document.deadlineAt ? dateTime(document.deadlineAt) : '—'}</dd></div>
  </dl>`;
}

export function DocumentScreen({ documentId }: { documentId: string }) {
  const resource = useResource(() => api.get<{ document: DocumentDetail }>(`/api/documents/${documentId}`).then((body) => body.document), [documentId]);
  const [counts, setCounts] = useState<OpinionCounts | null>(null);
  useDocumentChanges({
    onCounts: (next) => {
      if (next.documentId === documentId) setCounts(next);
    },
    onUpdated: (changed) => {
      if (!changed || changed === documentId) void resource.reload();
    },
  });
  const document = resource.value;
  const { post, action, done } = useDocumentPost(document, resource.set);
  useTitle(document?.title);
  const back = html`<p class="breadcrumb no-print">${document && isSecretary() ? html`<a href=${`/admin/meetings/${document.meetingId}/documents`}>← ${t('docBackToMeeting')}</a>` : html`<a href="/admin/documents">← ${t('docBackToList')}</a>`}</p>`;
  if (resource.error) return html`${back}<${ErrorNote} error=${resource.error} />`;
  if (!document) return html`${back}<${Loading} />`;
  const round = document.rounds.at(-1);
  const consolidated = document.rounds.flatMap((entry) => entry.consolidated);
  return html`${back}
    <div class="page-head">
      <h1 data-testid="document-title">${document.title}</h1>
      <div class="head-badges" data-testid="document-state"><${DocumentStateBadge} state=${document.state} /></div>
    </div>
    <div class="columns narrow-side">
      <div>
        <section class="card"><${Facts} document=${document} />
          ${document.adoption.consolidated > 0 && html`<h3>${t('docAdoptionAll')}</h3><${AdoptionFigures} counts=${document.adoption} />`}</section>
        ${round && round.state === 'collecting' && html`<${OpinionCountsCard} round=${round} live=${counts} />`}
        ${document.allowedEvents.includes('saveDraft') && html`<${DraftEditor} key=${document.draft?.id ?? 'new'} document=${document} onChanged=${resource.set} />`}
        <${Votes} document=${document} />
        ${[...document.rounds].reverse().map((entry) => html`<${RoundSection} key=${entry.id} round=${entry} document=${document} post=${post} />`)}
        <${VersionPanel} key=${document.currentVersion?.id ?? ''} document=${document} consolidated=${consolidated} />
        <${History} document=${document} />
      </div>
      <${DocumentActions} document=${document} post=${post} action=${action} done=${done} />
    </div>`;
}
