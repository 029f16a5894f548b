// One item of the notice: its counts as a table, the rule in words, the count in words, the verdict.
import { t } from '../i18n/i18n.js';
import { html } from '../shared/html.js';
import type { Ballot, BallotItem, Meeting } from '../shared/live.js';
import { RatingGrid } from '../shared/result-chart.js';
import { explanationOf, explanationText, itemTitle, type ResultRow, resultRows, ruleInWords, typedResult, verdictOf } from '../shared/results.js';

function markText(row: ResultRow): string {
  if (row.mark === 'elected') return t('elected');
  if (row.mark === 'runoff') return t('runoff');
  return '';
}

function CountsTable({ rows, kind }: { rows: ResultRow[]; kind: BallotItem['kind'] }) {
  if (kind === 'approval') {
    return html`<table class="counts approval">
      <thead><tr>${rows.map((row) => html`<th scope="col">${row.label}</th>`)}</tr></thead>
      <tbody><tr>${rows.map((row) => html`<td>${t('votesCount', { count: row.votes })}</td>`)}</tr></tbody>
    </table>`;
  }
  const marks = kind === 'election';
  return html`<table class="counts">
    <thead><tr><th scope="col">${t(marks ? 'noticeCandidate' : 'noticeOption')}</th><th scope="col">${t('noticeVotes')}</th>${marks ? html`<th scope="col">${t('noticeOutcome')}</th>` : null}</tr></thead>
    <tbody>
      ${rows.map((row) => html`<tr><th scope="row">${row.label}</th><td>${t('votesCount', { count: row.votes })}</td>${marks ? html`<td>${markText(row)}</td>` : null}</tr>`)}
    </tbody>
  </table>`;
}

interface ItemSectionProps {
  item: BallotItem;
  index: number;
  ballot: Ballot;
  kind: Meeting['kind'];
}

export function ItemSection({ item, index, ballot, kind }: ItemSectionProps) {
  const raw = ballot.result?.items[index];
  if (!raw) return null;
  const result = typedResult(raw);
  const verdict = verdictOf(result);
  const explanation = explanationOf(result);
  const rule = ruleInWords(item, kind);
  return html`<section class="notice-item" data-testid="notice-item">
    <div class="notice-item-head">
      <h2>${itemTitle(item, index, ballot.items.length)}</h2>
      ${verdict ? html`<strong class=${`verdict ${verdict}`} data-testid="notice-verdict">${t(verdict)}</strong>` : null}
    </div>
    ${result.kind === 'rating' && item.kind === 'rating' ? html`<${RatingGrid} item=${item} result=${result} />` : html`<${CountsTable} rows=${resultRows(result)} kind=${item.kind} />`}
    ${'blankBallots' in result && result.blankBallots > 0 ? html`<p class="notice-line">${t('noticeBlank', { count: result.blankBallots })}</p>` : null}
    ${rule ? html`<p class="notice-line"><span class="notice-label">${t('noticeRule')}</span>${rule}</p>` : null}
    ${explanation ? html`<p class="notice-line" data-testid="notice-explanation"><span class="notice-label">${t('noticeVerdictLine')}</span>${explanationText(explanation)}</p>` : null}
  </section>`;
}
