// The congress's counting rules: every item on a ballot sheet (分项表决) is tallied on its own,
// against the whole electorate unless its passing rule says otherwise. Pure functions only.
import { tallyElection, type ElectionResult } from './election.js';
import type { AnswerByKind, ApprovalAnswer, ApprovalItem, BallotItem, ChoiceAnswer, ChoiceItem, Electorate, ItemAnswer, RatingAnswer, RatingItem } from './schemas.js';
import { explainApproval, meetsThreshold, requiredVotes, type BaseLabel, type Explanation } from './thresholds.js';

export * from './schemas.js';
export { validateAnswer, normalizeWriteIn, type AnswerCheck } from './answers.js';
export {
  tallyElection,
  WRITE_IN_PREFIX,
  type CandidateTally,
  type ElectionResult,
  type Runoff,
  type WriteInTally,
} from './election.js';
export {
  describeBase,
  explainApproval,
  meetsThreshold,
  requiredVotes,
  type BaseLabel,
  type Explanation,
  type Threshold,
} from './thresholds.js';

export interface ApprovalResult {
  kind: 'approval';
  counts: { yes: number; no: number; abstain: number };
  base: number;
  baseLabel: BaseLabel;
  required: number;
  passed: boolean;
  explanation: Explanation;
}

export interface RatingResult {
  kind: 'rating';
  subjects: { id: string; name: string; counts: Record<string, number>; abstain: number }[];
}

export interface ChoiceResult {
  kind: 'choice';
  options: { id: string; label: string; votes: number }[];
  blankBallots: number;
}

export type ItemResult = ApprovalResult | ElectionResult | RatingResult | ChoiceResult;

export interface ResultByKind {
  approval: ApprovalResult;
  election: ElectionResult;
  rating: RatingResult;
  choice: ChoiceResult;
}

/** Abstentions are not subtracted from anything: under the default rule they count against. */
export function tallyApproval(item: ApprovalItem, answers: readonly ApprovalAnswer[], electorate: Electorate): ApprovalResult {
  const counts = { yes: 0, no: 0, abstain: 0 };
  for (const answer of answers) counts[answer] += 1;
  const threshold = requiredVotes(item.passingRule, item.majorityWording, electorate);
  return {
    kind: 'approval',
    counts,
    ...threshold,
    passed: meetsThreshold(counts.yes, threshold),
    explanation: explainApproval(counts.yes, threshold, item.passingRule, item.majorityWording, electorate.body),
  };
}

/** 民主评议: grades per subject; a subject left out of an answer is an abstention on it. */
export function tallyRating(item: RatingItem, answers: readonly RatingAnswer[]): RatingResult {
  const subjects = item.subjects.map((subject) => {
    const counts = new Map(item.grades.map((grade) => [grade.id, 0]));
    let abstain = 0;
    for (const answer of answers) {
      const grade = Object.hasOwn(answer, subject.id) ? answer[subject.id] : undefined;
      const votes = grade === undefined ? undefined : counts.get(grade);
      if (votes === undefined) abstain += 1;
      else counts.set(grade as string, votes + 1);
    }
    return { id: subject.id, name: subject.name, counts: Object.fromEntries(counts), abstain };
  });
  return { kind: 'rating', subjects };
}

/** Options stay in their printed order; an answer choosing nothing is a blank ballot. */
export function tallyChoice(item: ChoiceItem, answers: readonly ChoiceAnswer[]): ChoiceResult {
  const votes = new Map(item.options.map((option) => [option.id, 0]));
  let blankBallots = 0;
  for (const answer of answers) {
    if (answer.optionIds.length === 0) blankBallots += 1;
    for (const id of new Set(answer.optionIds)) {
      const current = votes.get(id);
      if (current !== undefined) votes.set(id, current + 1);
    }
  }
  const options = item.options.map((option) => ({ id: option.id, label: option.label, votes: votes.get(option.id) ?? 0 }));
  return { kind: 'choice', options, blankBallots };
}

/** Tallies one item; answers must already have passed validateAnswer for this item. */
export function tallyItem<Item extends BallotItem>(item: Item, answers: readonly AnswerByKind[Item['kind']][], electorate: Electorate): ResultByKind[Item['kind']] {
  return tallyAnyItem(item, answers as readonly ItemAnswer[], electorate) as ResultByKind[Item['kind']];
}

function tallyAnyItem(item: BallotItem, answers: readonly ItemAnswer[], electorate: Electorate): ItemResult {
  switch (item.kind) {
    case 'approval':
      return tallyApproval(item, answers as ApprovalAnswer[], electorate);
    case 'election':
      return tallyElection(item, answers as AnswerByKind['election'][], electorate);
    case 'rating':
      return tallyRating(item, answers as RatingAnswer[]);
    case 'choice':
      return tallyChoice(item, answers as ChoiceAnswer[]);
  }
}

/**
 * One ballot sheet, several items: answersPerBallot[b][i] is ballot paper b's answer to item i.
 * A paper missing an answer for an item simply did not vote on that item.
 */
export function tallyBallot(items: readonly BallotItem[], answersPerBallot: readonly (readonly (ItemAnswer | undefined)[])[], electorate: Electorate): ItemResult[] {
  return items.map((item, index) => {
    const answers = answersPerBallot.map((paper) => paper[index]).filter((answer): answer is ItemAnswer => answer !== undefined);
    return tallyAnyItem(item, answers, electorate);
  });
}
