// Published results as the server sends them (src/ballots/rules.ts, election.ts; the types are the
// API's own), turned into labelled rows that a bar chart or a printed table can show alike.
import { language, localized, t } from '../i18n/i18n.js';
import type { BallotItem, BallotResult, ItemResult, Meeting } from './live.js';

export type Explanation = Extract<ItemResult, { kind: 'approval' }>['explanation'];
export type ApprovalResult = Extract<ItemResult, { kind: 'approval' }>;
export type ElectionResult = Extract<ItemResult, { kind: 'election' }>;
export type ChoiceResult = Extract<ItemResult, { kind: 'choice' }>;
export type RatingResult = Extract<ItemResult, { kind: 'rating' }>;
/** Each kind's count, as the API declares it (ItemResult in the OpenAPI document). */
export type TypedResult = ItemResult;

/** Kept for the callers that narrow by kind; the API's ItemResult is already the tagged union. */
export function typedResult(result: ItemResult): TypedResult {
  return result;
}

export type RowMark = 'passed' | 'elected' | 'runoff' | null;

export interface ResultRow {
  label: string;
  votes: number;
  mark: RowMark;
}

const WRITE_IN_PREFIX = 'write-in:';

function electionRows(result: ElectionResult): ResultRow[] {
  const markOf = (key: string): RowMark => (result.elected.includes(key) ? 'elected' : result.runoff?.candidateIds.includes(key) ? 'runoff' : null);
  return [
    ...result.candidates.map((candidate) => ({ label: candidate.name, votes: candidate.votes, mark: markOf(candidate.id) })),
    ...result.writeIns.map((writeIn) => ({ label: t('writeInRow', { name: writeIn.name }), votes: writeIn.votes, mark: markOf(WRITE_IN_PREFIX + writeIn.name) })),
  ];
}

/** One row per answer that got votes counted: 赞成/反对/弃权, each candidate, each option. Rating has its own grid. */
export function resultRows(result: TypedResult): ResultRow[] {
  switch (result.kind) {
    case 'approval':
      return [
        { label: t('yes'), votes: result.counts.yes, mark: result.passed ? 'passed' : null },
        { label: t('no'), votes: result.counts.no, mark: null },
        { label: t('abstain'), votes: result.counts.abstain, mark: null },
      ];
    case 'election':
      return electionRows(result);
    case 'choice':
      return result.options.map((option) => ({ label: option.label, votes: option.votes, mark: null }));
    case 'rating':
      return [];
  }
}

/** Approval items have a verdict (通过/未通过); other kinds say who was elected in their explanation. */
export function verdictOf(result: TypedResult): 'passed' | 'failed' | null {
  return result.kind === 'approval' ? (result.passed ? 'passed' : 'failed') : null;
}

export function explanationOf(result: TypedResult): Explanation | null {
  return result.kind === 'approval' || result.kind === 'election' ? result.explanation : null;
}

/** The votes a full bar stands for: the threshold's base when there is one, so the bar reads against it. */
export function chartScale(result: TypedResult, ballot: BallotResult): number {
  const most = Math.max(0, ...resultRows(result).map((row) => row.votes));
  const base = result.kind === 'approval' || result.kind === 'election' ? result.base : ballot.cast;
  return Math.max(1, base, most);
}

export function thresholdOf(result: TypedResult): { required: number } | null {
  return result.kind === 'approval' || result.kind === 'election' ? { required: result.required } : null;
}

/** 应到 / 实到 / 收回选票 — or, for a show of hands, how many raised a hand at all. */
export function figuresText(result: BallotResult): string {
  const key = result.manual && result.manualMethod !== 'paper' ? 'resultFiguresShowOfHands' : 'resultFigures';
  return t(key, { eligible: result.eligible, present: result.present, cast: result.cast });
}

/** 举手表决 / 纸质计票, for results entered by hand. */
export function manualMethodLabel(result: BallotResult): string {
  return result.manualMethod === 'paper' ? t('manualPaper') : t('manualShowOfHands');
}

export function itemTitle(item: BallotItem, index: number, count: number): string {
  return count > 1 ? t('itemNumbered', { number: index + 1, title: item.title }) : item.title;
}

/** The passing rule in words, without numbers: 赞成票须超过全体代表的半数. Null for kinds without a threshold. */
export function ruleInWords(item: BallotItem, kind: Meeting['kind']): string | null {
  if (item.kind !== 'approval' && item.kind !== 'election') return null;
  const body = t(kind === 'general_assembly' ? 'bodyStaff' : 'bodyRepresentatives');
  const base = item.passingRule === 'present_majority' ? t('basePresent', { body }) : item.passingRule === 'cast_majority' ? t('baseCast') : t('baseAll', { body });
  const subject = t(item.kind === 'approval' ? 'ruleSubjectYes' : 'ruleSubjectVotes');
  if (item.passingRule === 'all_two_thirds') return t('ruleTwoThirds', { subject, base });
  return t(item.majorityWording === 'majorityInclusive' ? 'ruleMajorityInclusive' : 'ruleMajority', { subject, base });
}

/** The rule in words with the figures, in the page language; Chinese set with full-width punctuation
 * (the server writes its explanations with ASCII commas and brackets). */
export function explanationText(explanation: Explanation): string {
  const text = localized(explanation);
  if (language() !== 'zh') return text;
  const fullWidth: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
  return text.replace(/[,;:()]/g, (mark) => fullWidth[mark] ?? mark);
}
