// Counts as CSS bars (no chart library), with the threshold marked on them: the published result's
// chart for the kinds that count votes per answer (web/src/kinds/*/result.ts). Styled by result-chart.css.
import { t } from '../i18n/i18n.js';
import { html } from './html.js';

export type RowMark = 'passed' | 'elected' | 'runoff' | null;

export interface ResultRow {
  label: string;
  votes: number;
  mark: RowMark;
}

const percent = (votes: number, scale: number) => `${Math.min(100, (votes / scale) * 100).toFixed(2)}%`;

export function markLabel(row: ResultRow): string | null {
  if (row.mark === 'elected') return t('elected');
  if (row.mark === 'runoff') return t('runoff');
  return null;
}

interface BarsProps {
  rows: ResultRow[];
  /** The votes a full bar stands for: the threshold's base when there is one, so the bar reads against it. */
  base: number;
  /** Votes needed to pass or be elected; null for kinds without a threshold. */
  required: number | null;
}

export function Bars({ rows, base, required }: BarsProps) {
  const scale = Math.max(1, base, ...rows.map((row) => row.votes));
  const marker = required !== null ? percent(required, scale) : null;
  return html`
    <ul class="chart">
      ${rows.map((row) => {
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
    ${required !== null ? html`<p class="chart-legend"><span class="chart-legend-line" aria-hidden="true"></span>${t('thresholdLegend', { required })}</p>` : null}
  `;
}
