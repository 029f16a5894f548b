// An approval's published result: 赞成/反对/弃权 as bars against the passing line, the verdict (通过/未通过).
import { t } from '../../i18n/i18n.js';
import { html } from '../../shared/html.js';
import { Bars, type ResultRow } from '../../shared/result-bars.js';
import { thresholdRuleInWords } from '../../shared/rule-words.js';
import type { ResultOf, ResultPart } from '../kind-module.js';

function rows(result: ResultOf<'approval'>): ResultRow[] {
  return [
    { label: t('yes'), votes: result.counts.yes, mark: result.passed ? 'passed' : null },
    { label: t('no'), votes: result.counts.no, mark: null },
    { label: t('abstain'), votes: result.counts.abstain, mark: null },
  ];
}

/** On the notice the three counts read across, as on a paper tally sheet. */
function NoticeCounts({ result }: { result: ResultOf<'approval'> }) {
  const counts = rows(result);
  return html`<table class="counts approval">
    <thead><tr>${counts.map((row) => html`<th scope="col">${row.label}</th>`)}</tr></thead>
    <tbody><tr>${counts.map((row) => html`<td>${t('votesCount', { count: row.votes })}</td>`)}</tr></tbody>
  </table>`;
}

export const approvalResult: ResultPart<'approval'> = {
  rows,
  verdict: (result) => (result.passed ? 'passed' : 'failed'),
  explanation: (result) => result.explanation,
  ruleInWords: (item, meetingKind) => thresholdRuleInWords(item, meetingKind, 'ruleSubjectYes'),
  Chart: ({ result }) => html`<${Bars} rows=${rows(result)} base=${result.base} required=${result.required} />`,
  NoticeCounts,
};
