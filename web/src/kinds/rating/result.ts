// A rating's published result: a grid of subjects by grades (with 弃权), the same on the phone, the
// projector and the notice; no bars, no threshold, no verdict.
import { t } from '../../i18n/i18n.js';
import { html } from '../../shared/html.js';
import type { ItemOf, ResultOf, ResultPart } from '../kind-module.js';

function RatingGrid({ item, result }: { item: ItemOf<'rating'>; result: ResultOf<'rating'> }) {
  return html`<table class="rating-grid">
    <thead><tr><th scope="col">${t('ratingSubject')}</th>${item.grades.map((grade) => html`<th scope="col">${grade.label}</th>`)}<th scope="col">${t('abstain')}</th></tr></thead>
    <tbody>
      ${result.subjects.map((subject) => html`<tr><th scope="row">${subject.name}</th>${item.grades.map((grade) => html`<td>${subject.counts[grade.id] ?? 0}</td>`)}<td>${subject.abstain}</td></tr>`)}
    </tbody>
  </table>`;
}

export const ratingResult: ResultPart<'rating'> = {
  rows: () => [],
  verdict: () => null,
  explanation: () => null,
  ruleInWords: () => null,
  Chart: RatingGrid,
  NoticeCounts: RatingGrid,
};
