// The console's result charts, for the item kinds (web/src/kinds/*/console.ts): bars on one scale with
// the passing line, and the verdict badge.
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { percent } from './format.js';
import { Badge } from './ui.js';

export interface Bar {
  label: string;
  votes: number;
  tone?: string;
  note?: string;
  /** What the number counts: votes, or people (未投票 counts those who did not vote, who cast no vote). */
  unit?: 'votes' | 'people';
}

/** Bars share one scale (the base of the passing rule, or the largest count), so the passing line sits where it belongs. */
export function BarChart({ bars, scale, required, label }: { bars: Bar[]; scale: number; required?: number; label: string }) {
  const max = Math.max(scale, ...bars.map((bar) => bar.votes), 1);
  const line = required !== undefined && required > 0 && required <= max ? percent(required, max) : null;
  return html`<div class="chart" role="group" aria-label=${label}>
    ${bars.map(
      (bar) => html`<div class="chart-row">
      <span class="chart-label">${bar.label}${bar.note && html` <${Badge} tone="live">${bar.note}<//>`}</span>
      <span class="chart-track" aria-hidden="true">
        <span class=${`chart-bar ${bar.tone ?? ''}`} style=${`width:${percent(bar.votes, max)}%`}></span>
        ${line !== null && html`<span class="chart-line" style=${`left:${line}%`}></span>`}
      </span>
      <span class="chart-value">${t(bar.unit === 'people' ? 'adminPeopleCount' : 'adminVotes', { count: bar.votes })}</span>
    </div>`,
    )}
    ${line !== null && html`<p class="chart-legend"><span class="legend-line" aria-hidden="true"></span>${t('adminPassingLine', { required: required ?? 0 })}</p>`}
  </div>`;
}

export function Verdict({ passed }: { passed: boolean }) {
  return html`<span class=${`verdict ${passed ? 'verdict-passed' : 'verdict-failed'}`}>${t(passed ? 'passed' : 'failed')}</span>`;
}
