// A document's rounds as the secretariat and the drafters see them: opinions per delegation (live
// while collecting), each delegation's submission with the originals behind every consolidated
// opinion (and those dropped), the drafters' answers, and the answer form where one is due.
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { dateTime } from './format.js';
import { outcomeLabel, outcomeTone, parseAnchors } from './document-format.js';
import { type Consolidated, type DocumentDetail, type Opinion, type OpinionCounts, type ResponseOutcome, responseOutcomes, type Round } from './document-types.js';
import { Badge } from './ui.js';

export type Post = (path: string, body: Record<string, unknown>) => Promise<boolean>;
const value = (event: Event) => (event.target as HTMLInputElement).value;

/** Opinions per delegation in the current round: pushed live (document:opinions), else as last read. */
export function OpinionCountsCard({ round, live }: { round: Round; live: OpinionCounts | null }) {
  const pushed = live && live.roundNumber === round.number ? live : null;
  const rows = round.opinionCounts.map((entry) => ({ ...entry, opinions: pushed?.byDelegation.find((other) => other.delegationId === entry.delegationId)?.opinions ?? entry.opinions }));
  const total = pushed?.total ?? rows.reduce((sum, entry) => sum + entry.opinions, 0);
  return html`<section class="card" aria-labelledby="counts-title" data-testid="opinion-counts">
    <div class="section-head"><h2 id="counts-title">${t('docCountsHeading', { down: round.names.down, up: round.names.up })}</h2>
      <span class="head-badges" role="status" aria-live="polite"><strong data-count="total">${t('docCountsTotal', { count: total })}</strong></span></div>
    <table class="data compact">
      <thead><tr><th scope="col">${t('docDelegation')}</th><th scope="col" class="num">${t('docOpinions')}</th><th scope="col">${t('docSubmission')}</th></tr></thead>
      <tbody>${rows.map(
        (entry) => html`<tr data-delegation=${entry.name}>
        <th scope="row">${entry.name}</th>
        <td class="num" data-count="delegation">${entry.opinions}</td>
        <td>${entry.submitted ? html`<${Badge} tone="live">${t('docSubmitted')}<//>` : html`<span class="muted">${t('docNotSubmitted')}</span>`}</td>
      </tr>`,
      )}</tbody>
    </table>
    <p class="hint">${t('docCountsHint', { date: dateTime(round.deadlineAt) })}</p>
  </section>`;
}

function OriginalList({ opinions, label }: { opinions: Opinion[]; label: string }) {
  if (opinions.length === 0) return null;
  return html`<details class="originals" open>
    <summary>${label} (${opinions.length})</summary>
    <ul>${opinions.map(
      (opinion) => html`<li class=${`original fate-${opinion.fate}`} data-testid="original-opinion">
      <span class="mono muted">${opinion.anchor}</span> ${opinion.content}
      <span class="muted small"> — ${opinion.memberName ?? ''}${opinion.memberRole === 'attendee' ? `(${t('adminRoleAttendee')})` : ''} · ${dateTime(opinion.createdAt)}</span>
      ${opinion.fate === 'dropped' ? html` <${Badge} tone="plain">${t('docDropped')}<//>` : null}
    </li>`,
    )}</ul>
  </details>`;
}

function RespondForm({ item, post }: { item: Consolidated; post: Post }) {
  const [outcome, setOutcome] = useState<ResponseOutcome>(item.response?.outcome ?? 'adopted');
  const [reason, setReason] = useState(item.response?.reason ?? '');
  const [anchors, setAnchors] = useState((item.response?.changedAnchors ?? [item.anchor]).join(' '));
  const id = `respond-${item.id}`;
  const submit = (event: Event) => {
    event.preventDefault();
    void post('responses', { consolidatedId: item.id, outcome, ...(reason.trim() ? { reason: reason.trim() } : {}), changedAnchors: outcome === 'not_adopted' ? [] : parseAnchors(anchors) });
  };
  return html`<form class="respond-form" onSubmit=${submit} aria-label=${t('docRespondTo', { label: item.label })} data-testid="respond-form">
    <fieldset class="inline-fieldset"><legend>${t('docResponse')}</legend>
      ${responseOutcomes.map((choice) => html`<span class="checkbox radio"><input type="radio" id=${`${id}-${choice}`} name=${id} checked=${outcome === choice} onChange=${() => setOutcome(choice)} /><label for=${`${id}-${choice}`}>${outcomeLabel(choice)}</label></span>`)}
    </fieldset>
    <label for=${`${id}-reason`}>${t(outcome === 'adopted' ? 'docReasonOptional' : 'docReasonRequired')}</label>
    <textarea id=${`${id}-reason`} rows="2" maxlength="5000" required=${outcome !== 'adopted'} value=${reason} onInput=${(event: Event) => setReason(value(event))}></textarea>
    ${
      outcome !== 'not_adopted' &&
      html`<label for=${`${id}-anchors`}>${t('docChangedAnchors')}</label>
      <input id=${`${id}-anchors`} value=${anchors} placeholder="b3 b6" onInput=${(event: Event) => setAnchors(value(event))} />
      <p class="hint">${t('docChangedAnchorsHint')}</p>`
    }
    <div class="actions"><button type="submit" class="primary">${t(item.response ? 'docRespondAgain' : 'docRespond')}</button></div>
  </form>`;
}

function LinkForm({ item, post }: { item: Consolidated; post: Post }) {
  const [anchors, setAnchors] = useState((item.response?.changedAnchors ?? []).join(' '));
  const submit = (event: Event) => {
    event.preventDefault();
    void post('changed-anchors', { consolidatedId: item.id, changedAnchors: parseAnchors(anchors) });
  };
  return html`<form class="input-row link-form" onSubmit=${submit} aria-label=${t('docLinkChanges')}>
    <label for=${`link-${item.id}`}>${t('docChangedAnchors')}</label>
    <input id=${`link-${item.id}`} value=${anchors} placeholder="b3 b6" onInput=${(event: Event) => setAnchors(value(event))} />
    <button type="submit" class="small">${t('docLinkChanges')}</button>
  </form>`;
}

function ConsolidatedItem({ item, round, document, post }: { item: Consolidated; round: Round; document: DocumentDetail; post: Post }) {
  const sources = round.opinions.filter((opinion) => item.sourceOpinionIds.includes(opinion.id));
  const answering = document.allowedEvents.includes('respond') && round.state === 'responding';
  const linking = document.allowedEvents.includes('linkChanges') && round === document.rounds.at(-1) && item.response !== null && item.response.outcome !== 'not_adopted';
  return html`<li class="consolidated" data-testid="consolidated" data-consolidated=${item.id}>
    <p class="consolidated-head"><span class="doc-anchor mono">${item.label}</span> <strong>${item.content}</strong></p>
    <${OriginalList} opinions=${sources} label=${t('docOriginals')} />
    ${
      item.response
        ? html`<p class="doc-response" data-testid="response"><${Badge} tone=${outcomeTone(item.response.outcome)}>${outcomeLabel(item.response.outcome)}<//>
          ${item.response.reason ?? ''} ${item.response.changedAnchors.length > 0 ? html`<span class="muted small">${t('docChangesBlocks', { anchors: item.response.changedAnchors.join('、') })}</span>` : null}
          <span class="muted small"> — ${item.response.responderName} · ${dateTime(item.response.respondedAt)}</span></p>`
        : html`<p class="muted">${t('docUnanswered')}</p>`
    }
    ${answering && html`<${RespondForm} key=${item.id + (item.response?.respondedAt ?? '')} item=${item} post=${post} />`}
    ${linking && html`<${LinkForm} item=${item} post=${post} />`}
  </li>`;
}

const ROUND_STATE_KEYS = { collecting: 'docStateCollecting', consolidating: 'docStateConsolidating', responding: 'docStateResponding', closed: 'docRoundClosed' } as const;

export function RoundSection({ round, document, post }: { round: Round; document: DocumentDetail; post: Post }) {
  const delegations = round.opinionCounts;
  return html`<section class="card doc-round" aria-labelledby=${`round-${round.number}`} data-testid="round" data-round=${round.number}>
    <div class="section-head">
      <h2 id=${`round-${round.number}`}>${t('docRoundHeading', { round: round.number, down: round.names.down, up: round.names.up })}</h2>
      <span class="head-badges"><${Badge} tone=${round.state === 'closed' ? 'done' : 'live'}>${t(ROUND_STATE_KEYS[round.state])}<//></span>
    </div>
    <p class="muted small">${t('docRoundDates', { issued: dateTime(round.issuedAt), deadline: dateTime(round.deadlineAt) })}${round.closedAt ? ` · ${t('docRoundClosedAt', { date: dateTime(round.closedAt) })}` : ''}</p>
    <${RoundFigures} round=${round} />
    ${delegations.map((delegation) => {
      const submission = round.submissions.find((entry) => entry.delegationId === delegation.delegationId);
      const items = round.consolidated.filter((item) => item.delegationId === delegation.delegationId);
      const opinions = round.opinions.filter((opinion) => opinion.delegationId === delegation.delegationId);
      const loose = opinions.filter((opinion) => opinion.fate !== 'included');
      if (!submission && opinions.length === 0) return null;
      return html`<div class="doc-delegation" data-testid="delegation-submission" data-delegation=${delegation.name}>
        <h3>${delegation.name} <span class="muted small">${t('docOpinionsCount', { count: opinions.length })}</span></h3>
        ${
          submission
            ? html`<p class="muted small">${t('docSubmittedBy', { up: round.names.up, name: submission.submittedByName, date: dateTime(submission.submittedAt) })}${submission.note ? html` · <span class="doc-note">${submission.note}</span>` : null}</p>`
            : html`<p class="muted small">${t('docAwaitingSubmission')}</p>`
        }
        ${items.length > 0 && html`<ol class="consolidated-list">${items.map((item) => html`<${ConsolidatedItem} key=${item.id} item=${item} round=${round} document=${document} post=${post} />`)}</ol>`}
        <${OriginalList} opinions=${loose} label=${submission ? t('docDroppedOriginals') : t('docPendingOriginals')} />
      </div>`;
    })}
  </section>`;
}

function RoundFigures({ round }: { round: Round }) {
  if (round.consolidated.length === 0) return null;
  const counts = round.adoption;
  return html`<p class="doc-round-figures">${t('docRoundFigures', { consolidated: counts.consolidated, adopted: counts.adopted, partly: counts.partlyAdopted, not: counts.notAdopted, unanswered: counts.unanswered })}</p>`;
}
