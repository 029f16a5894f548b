// The congress's counting rules: every item on a ballot sheet (分项表决) is tallied on its own,
// against the whole electorate unless its passing rule says otherwise. Pure functions only; each
// kind's tally is in its module (src/ballots/kinds/), reached through the registry.
import { kindModules } from './kinds/index.js';
import type { AnswerByKind, BallotItem, Electorate, ItemAnswer, ItemResult, ResultByKind } from './schemas.js';

export * from './schemas.js';
export { validateAnswer, type AnswerCheck } from './answers.js';
export { describeBase, meetsThreshold, requiredVotes, type BaseLabel, type Explanation, type Threshold } from './thresholds.js';

/** Tallies one item; answers must already have passed validateAnswer for this item. */
export function tallyItem<Item extends BallotItem>(item: Item, answers: readonly AnswerByKind[Item['kind']][], electorate: Electorate): ResultByKind[Item['kind']] {
  return kindModules[item.kind].tally(item, answers as readonly ItemAnswer[], electorate) as ResultByKind[Item['kind']];
}

/**
 * One ballot sheet, several items: answersPerBallot[b][i] is ballot paper b's answer to item i.
 * A paper missing an answer for an item simply did not vote on that item.
 */
export function tallyBallot(items: readonly BallotItem[], answersPerBallot: readonly (readonly (ItemAnswer | undefined)[])[], electorate: Electorate): ItemResult[] {
  return items.map((item, index) => {
    const answers = answersPerBallot.map((paper) => paper[index]).filter((answer): answer is ItemAnswer => answer !== undefined);
    return kindModules[item.kind].tally(item, answers, electorate);
  });
}
