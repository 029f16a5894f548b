// A version as the console shows it: its text block by block with anchors, the readable diff it
// carries against the version before (insertions and deletions marked, each change linked to the
// opinions it answers), and its adoption report (意见采纳情况说明).
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { dateTime } from './format.js';
import { blockText, outcomeLabel, outcomeTone } from './document-format.js';
import type { AdoptionReport, Consolidated, DiffChange, DocumentDetail, VersionDetail } from './document-types.js';
import { Badge, ErrorNote, Loading, useResource } from './ui.js';

export function VersionMeta({ documentId, version }: { documentId: string; version: VersionDetail }) {
  return html`<p class="muted small">
    ${t('docVersionNumber', { number: version.number })} · ${version.issuedAt ? t('docIssuedAt', { date: dateTime(version.issuedAt) }) : t('docUnissued')}
    · ${version.authorName} · ${t(version.source === 'docx' ? 'docSourceDocx' : 'docSourceMarkdown')}
    ${version.original ? html` · <a download href=${`/api/documents/${documentId}/versions/${version.id}/original`}>${version.original.filename}</a>` : null}
  </p>`;
}

/** The text, one block per row: its anchor and label beside it, and how many opinions it drew. */
export function BlockText({ version, opinionsByAnchor }: { version: VersionDetail; opinionsByAnchor?: Map<string, number> }) {
  return html`<ol class="doc-blocks" data-testid="version-blocks">${version.blocks.map((block) => {
    const count = opinionsByAnchor?.get(block.anchor) ?? 0;
    return html`<li class=${`doc-block doc-block-${block.kind}`} data-anchor=${block.anchor}>
      <span class="doc-anchor">${block.label}<span class="mono">${block.anchor}</span></span>
      <span class="doc-block-text">${blockText(block.text)}</span>
      ${count > 0 ? html`<${Badge} tone="warn">${t('docBlockOpinions', { count })}<//>` : null}
    </li>`;
  })}</ol>`;
}

function Segments({ change }: { change: DiffChange }) {
  if (change.kind === 'added') return html`<ins>${change.newText}</ins>`;
  if (change.kind === 'removed') return html`<del>${change.oldText}</del>`;
  return html`${change.segments.map((segment) => (segment.op === 'insert' ? html`<ins>${segment.text}</ins>` : segment.op === 'delete' ? html`<del>${segment.text}</del>` : segment.text))}`;
}

const CHANGE_KEYS = { changed: 'docDiffChanged', added: 'docDiffAdded', removed: 'docDiffRemoved', unchanged: 'docDiffUnchanged' } as const;

/** Changes only, each with the consolidated opinions it answers; unchanged blocks are counted, not repeated. */
export function DiffView({ version, consolidated }: { version: VersionDetail; consolidated: Consolidated[] }) {
  const [all, setAll] = useState(false);
  if (!version.diff) return null;
  const changes = version.diff.changes.filter((change) => all || change.kind !== 'unchanged');
  const { counts } = version.diff;
  return html`<section class="doc-diff" aria-label=${t('docDiffHeading')} data-testid="version-diff">
    <div class="section-head"><h3>${t('docDiffHeading')}</h3>
      <span class="muted small">${t('docDiffCounts', counts)}</span>
      <button type="button" class="small" onClick=${() => setAll(!all)}>${t(all ? 'docDiffChangesOnly' : 'docDiffShowAll')}</button></div>
    <ol class="diff-list">${changes.map((change) => {
      const answers = change.answers.map((id) => consolidated.find((item) => item.id === id)).filter((item): item is Consolidated => Boolean(item));
      return html`<li class=${`diff-change diff-${change.kind}`}>
        <p class="diff-head"><span class="doc-anchor mono">${change.label || change.newAnchor || change.oldAnchor}</span> <${Badge} tone=${change.kind === 'unchanged' ? 'plain' : change.kind === 'removed' ? 'accent' : 'live'}>${t(CHANGE_KEYS[change.kind])}<//></p>
        <p class="diff-text"><${Segments} change=${change} /></p>
        ${answers.length > 0 && html`<ul class="diff-answers">${answers.map((item) => html`<li>${t('docDiffAnswers')} <strong>${item.delegationName}</strong> — ${item.content}${item.response ? html` <${Badge} tone=${outcomeTone(item.response.outcome)}>${outcomeLabel(item.response.outcome)}<//>` : null}</li>`)}</ul>`}
      </li>`;
    })}</ol>
  </section>`;
}

export function AdoptionFigures({ counts }: { counts: AdoptionReport['counts'] | DocumentDetail['adoption'] }) {
  const extra = 'opinions' in counts ? counts : null;
  return html`<dl class="stats compact doc-figures" data-testid="adoption-figures">
    ${extra && html`<div class="stat"><dt>${t('docFigureOpinions')}</dt><dd>${extra.opinions}</dd></div>`}
    <div class="stat"><dt>${t('docFigureConsolidated')}</dt><dd data-count="consolidated">${counts.consolidated}</dd></div>
    <div class="stat"><dt>${t('docOutcomeAdopted')}</dt><dd data-count="adopted">${counts.adopted}</dd></div>
    <div class="stat"><dt>${t('docOutcomePartlyAdopted')}</dt><dd data-count="partly">${counts.partlyAdopted}</dd></div>
    <div class="stat"><dt>${t('docOutcomeNotAdopted')}</dt><dd data-count="not-adopted">${counts.notAdopted}</dd></div>
    ${extra ? html`<div class="stat"><dt>${t('docFigureDropped')}</dt><dd>${extra.dropped}</dd></div>` : html`<div class="stat"><dt>${t('docFigureUnanswered')}</dt><dd data-count="unanswered">${counts.unanswered}</dd></div>`}
  </dl>`;
}

/** 意见采纳情况说明: the figures, per delegation, and every consolidated opinion with its answer. */
export function AdoptionReportView({ report }: { report: AdoptionReport }) {
  return html`<section class="doc-report" aria-label=${t('docReportHeading')} data-testid="adoption-report">
    <h3>${t('docReportHeading')} <span class="muted small">${t('docReportRound', { round: report.roundNumber })}</span></h3>
    <${AdoptionFigures} counts=${report.counts} />
    <table class="data compact">
      <thead><tr><th scope="col">${t('docDelegation')}</th><th scope="col">${t('docBlock')}</th><th scope="col">${t('docOpinion')}</th><th scope="col">${t('docResponse')}</th></tr></thead>
      <tbody>${report.entries.map(
        (entry) => html`<tr>
        <td>${entry.delegationName}</td><td class="nowrap">${entry.label}</td><td>${entry.content}</td>
        <td>${entry.response ? html`<${Badge} tone=${outcomeTone(entry.response.outcome)}>${outcomeLabel(entry.response.outcome)}<//> ${entry.response.reason ?? ''}` : t('docUnanswered')}</td>
      </tr>`,
      )}</tbody>
    </table>
  </section>`;
}

/** Any issued version, read on demand; the latest comes with the document. */
export function VersionPanel({ document, consolidated }: { document: DocumentDetail; consolidated: Consolidated[] }) {
  const issued = document.versions.filter((version) => version.issuedAt !== null);
  const [chosen, setChosen] = useState(document.currentVersion?.id ?? '');
  const wanted = chosen || document.currentVersion?.id || '';
  const version = useResource(
    () =>
      wanted && wanted !== document.currentVersion?.id
        ? api.get<{ version: VersionDetail }>(`/api/documents/${document.id}/versions/${wanted}`).then((body) => body.version)
        : Promise.resolve(document.currentVersion),
    [wanted, document.currentVersion?.id],
  );
  if (!document.currentVersion) return null;
  const round = document.rounds.find((entry) => entry.versionId === wanted);
  const byAnchor = new Map<string, number>();
  for (const opinion of round?.opinions ?? []) byAnchor.set(opinion.anchor, (byAnchor.get(opinion.anchor) ?? 0) + 1);
  return html`<section class="card" aria-labelledby="version-title" data-testid="version-panel">
    <div class="section-head"><h2 id="version-title">${t('docVersionHeading')}</h2>
      ${
        issued.length > 1 &&
        html`<select class="compact" aria-label=${t('docChooseVersion')} value=${wanted} onChange=${(event: Event) => setChosen((event.target as HTMLSelectElement).value)}>
        ${issued.map((entry) => html`<option value=${entry.id}>${t('docVersionNumber', { number: entry.number })}${entry.issuedFor === 'vote' ? ` · ${t('docForVote')}` : ''}</option>`)}</select>`
      }
    </div>
    <${ErrorNote} error=${version.error} />
    ${
      version.value
        ? html`<${VersionMeta} documentId=${document.id} version=${version.value} />
      <${BlockText} version=${version.value} opinionsByAnchor=${byAnchor} />
      ${version.value.adoptionReport && html`<${AdoptionReportView} report=${version.value.adoptionReport} />`}
      <${DiffView} version=${version.value} consolidated=${consolidated} />`
        : html`<${Loading} />`
    }
  </section>`;
}
