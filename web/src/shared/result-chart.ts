// A published result as CSS bars (no chart library): one block per item with its counts, the
// threshold marked on the bars, the verdict and the rule in words. Sized by the page's font size.
import './result-chart.css';
import { t } from '../i18n/i18n.js';
import { html } from './html.js';
import type { Ballot, BallotItem, BallotResult } from './live.js';
import { chartScale, explanationOf, explanationText, itemTitle, resultRows, type RatingResult, type ResultRow, thresholdOf, type TypedResult, typedResult, verdictOf } from './results.js';

const percent = (votes: number, scale: number) => `${Math.min(100, (votes / scale) * 100).toFixed(2)}%`;

function markLabel(row: ResultRow): string | null {
  if (row.mark === 'elected') return t('elected');
  if (row.mark === 'runoff') return t('runoff');
  return null;
}

function Bars({ result, ballot }: { result: TypedResult; ballot: BallotResult }) {
  const scale = chartScale(result, ballot);
  const threshold = thresholdOf(result);
  const marker = threshold ? percent(threshold.required, scale) : null;
  return html`
    <ul class="chart">
      ${resultRows(result).map((row) => {
        const mark = markLabel(row);
        return html`<li class=${`chart-row ${row.mark ?? ''}`}>
          <span class="chart-label">${row.label}${mark ? html` <span class="chart-mark">${mark}</span>` : null}</span>
          <span class="chart-track" aria-hidden="true">
            <span class="chart-fill" style=${{ width: percent(row.votes, scale) }}></span>
            ${marker ? html`<span class="chart-threshold" style=${{ left: marker }}></span>` : null}
          </span>
          <span class="chart-count">${t('votesCount', { count: row.votes })}</span>
        </li>`;
      })}
    </ul>
    ${threshold ? html`<p class="chart-legend"><span class="chart-legend-line" aria-hidden="true"></span>${t('thresholdLegend', { required: threshold.required })}</p>` : null}
  `;
}

export function RatingGrid({ item, result }: { item: Extract<BallotItem, { kind: 'rating' }>; result: RatingResult }) {
  return html`<table class="rating-grid">
    <thead><tr><th scope="col">${t('ratingSubject')}</th>${item.grades.map((grade) => html`<th scope="col">${grade.label}</th>`)}<th scope="col">${t('abstain')}</th></tr></thead>
    <tbody>
      ${result.subjects.map((subject) => html`<tr><th scope="row">${subject.name}</th>${item.grades.map((grade) => html`<td>${subject.counts[grade.id] ?? 0}</td>`)}<td>${subject.abstain}</td></tr>`)}
    </tbody>
  </table>`;
}

interface ItemResultProps {
  item: BallotItem;
  index: number;
  count: number;
  ballot: BallotResult;
  /** A sheet of one item named like the ballot: the heading above already says it. */
  untitled: boolean;
  /** The page shows this item's verdict beside the ballot's heading. */
  verdictElsewhere: boolean;
}

export function ItemResultView({ item, index, count, ballot, untitled, verdictElsewhere }: ItemResultProps) {
  const raw = ballot.items[index];
  if (!raw) return null;
  const result = typedResult(raw);
  const verdict = verdictElsewhere ? null : verdictOf(result);
  const explanation = explanationOf(result);
  return html`<section class="result-item">
    ${
      untitled && !verdict
        ? null
        : html`<div class="result-head">
          ${untitled ? html`<span></span>` : html`<h3>${itemTitle(item, index, count)}</h3>`}
          ${verdict ? html`<strong class=${`verdict ${verdict}`}>${t(verdict)}</strong>` : null}
        </div>`
    }
    ${result.kind === 'rating' && item.kind === 'rating' ? html`<${RatingGrid} item=${item} result=${result} />` : html`<${Bars} result=${result} ballot=${ballot} />`}
    ${explanation ? html`<p class="explanation">${explanationText(explanation)}</p>` : null}
  </section>`;
}

/** The verdict of a one-item sheet, for a page that shows it beside the ballot's heading. */
export function soleVerdict(ballot: Ballot): 'passed' | 'failed' | null {
  const only = ballot.items.length === 1 ? ballot.result?.items[0] : undefined;
  return only ? verdictOf(typedResult(only)) : null;
}

/** Every item of a published ballot; nothing when the result is not visible. */
export function ResultChart({ ballot, verdictAbove = false }: { ballot: Ballot; verdictAbove?: boolean }) {
  const result = ballot.result;
  if (!result) return null;
  return html`<div class="result-chart">
    ${ballot.items.map(
      (item, index) =>
        html`<${ItemResultView} item=${item} index=${index} count=${ballot.items.length} ballot=${result} untitled=${ballot.items.length === 1 && item.title === ballot.title} verdictElsewhere=${verdictAbove} />`,
    )}
  </div>`;
}
