// An election's published result: each candidate's and write-in's votes against the line, 当选 and
// 另行选举 (runoff) marked; who was elected is said in the explanation, there is no verdict.
import { t } from '../../i18n/i18n.js';
import { html } from '../../shared/html.js';
import { Bars, type ResultRow, type RowMark } from '../../shared/result-bars.js';
import { thresholdRuleInWords } from '../../shared/rule-words.js';
import { CountsTable } from '../../results/counts-table.js';
import type { ResultOf, ResultPart } from '../kind-module.js';

/** How the server names a write-in in `elected` and the runoff (src/ballots/election.ts). */
const WRITE_IN_PREFIX = 'write-in:';

function rows(result: ResultOf<'election'>): ResultRow[] {
  const markOf = (key: string): RowMark => (result.elected.includes(key) ? 'elected' : result.runoff?.candidateIds.includes(key) ? 'runoff' : null);
  return [
    ...result.candidates.map((candidate) => ({ label: candidate.name, votes: candidate.votes, mark: markOf(candidate.id) })),
    ...result.writeIns.map((writeIn) => ({ label: t('writeInRow', { name: writeIn.name }), votes: writeIn.votes, mark: markOf(WRITE_IN_PREFIX + writeIn.name) })),
  ];
}

export const electionResult: ResultPart<'election'> = {
  rows,
  verdict: () => null,
  explanation: (result) => result.explanation,
  ruleInWords: (item, meetingKind) => thresholdRuleInWords(item, meetingKind, 'ruleSubjectVotes'),
  Chart: ({ result }) => html`<${Bars} rows=${rows(result)} base=${result.base} required=${result.required} />`,
  NoticeCounts: ({ result }) => html`<${CountsTable} rows=${rows(result)} heading="noticeCandidate" marks=${true} />`,
};
