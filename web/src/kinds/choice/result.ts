// A choice's published result: each option's votes as bars against the ballots cast; no threshold, no verdict.
import { html } from '../../shared/html.js';
import { Bars, type ResultRow } from '../../shared/result-bars.js';
import { CountsTable } from '../../results/counts-table.js';
import type { ResultOf, ResultPart } from '../kind-module.js';

function rows(result: ResultOf<'choice'>): ResultRow[] {
  return result.options.map((option) => ({ label: option.label, votes: option.votes, mark: null }));
}

export const choiceResult: ResultPart<'choice'> = {
  rows,
  verdict: () => null,
  explanation: () => null,
  ruleInWords: () => null,
  Chart: ({ result, ballot }) => html`<${Bars} rows=${rows(result)} base=${ballot.cast} required=${null} />`,
  NoticeCounts: ({ result }) => html`<${CountsTable} rows=${rows(result)} heading="noticeOption" marks=${false} />`,
};
