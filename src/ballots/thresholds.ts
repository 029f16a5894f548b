// Passing thresholds: how many votes a motion or candidate needs under each rule, and how to say it.
// Everything is integer arithmetic on counts; with nobody to count against, nothing can pass.
import type { Electorate, MajorityWording, PassingRule } from './kinds/parts.js';

export type BaseLabel = 'eligible' | 'present' | 'cast';

export interface Threshold {
  base: number;
  baseLabel: BaseLabel;
  required: number;
}

export interface Explanation {
  zh: string;
  en: string;
}

const BASE_LABELS: Record<PassingRule, BaseLabel> = {
  all_majority: 'eligible',
  all_two_thirds: 'eligible',
  present_majority: 'present',
  cast_majority: 'cast',
};

/** Votes needed: 过半数 ⌊base/2⌋+1, 半数以上 ⌈base/2⌉, two thirds ⌈2·base/3⌉; never below 1. */
export function requiredVotes(rule: PassingRule, wording: MajorityWording, electorate: Electorate): Threshold {
  const baseLabel = BASE_LABELS[rule];
  const base = electorate[baseLabel];
  if (!Number.isSafeInteger(base) || base < 0) {
    throw new RangeError(`${baseLabel} must be a non-negative integer, got ${base}`);
  }
  const required = rule === 'all_two_thirds' ? ceilDivide(2 * base, 3) : majority(base, wording);
  return { base, baseLabel, required: Math.max(1, required) };
}

/** Whether a count of votes clears the threshold; with an empty base nothing ever does. */
export function meetsThreshold(votes: number, threshold: Threshold): boolean {
  return threshold.base > 0 && votes >= threshold.required;
}

function majority(base: number, wording: MajorityWording): number {
  return wording === 'majorityStrict' ? Math.floor(base / 2) + 1 : ceilDivide(base, 2);
}

function ceilDivide(dividend: number, divisor: number): number {
  const remainder = dividend % divisor;
  return (dividend - remainder) / divisor + (remainder === 0 ? 0 : 1);
}

/** "全体代表 73 人" / "all 73 representatives": the body the threshold is counted against. */
export function describeBase(threshold: Threshold, body: Electorate['body']): Explanation {
  const { base } = threshold;
  const staff = body === 'staff';
  if (body === 'joint' && threshold.baseLabel !== 'cast') {
    return threshold.baseLabel === 'eligible' ? { zh: `联席会议全体成员 ${base} 人`, en: `all ${base} joint meeting members` } : { zh: `出席成员 ${base} 人`, en: `the ${base} members present` };
  }
  switch (threshold.baseLabel) {
    case 'eligible':
      return staff ? { zh: `全体职工 ${base} 人`, en: `all ${base} staff` } : { zh: `全体代表 ${base} 人`, en: `all ${base} representatives` };
    case 'present':
      return staff ? { zh: `出席职工 ${base} 人`, en: `the ${base} staff present` } : { zh: `出席代表 ${base} 人`, en: `the ${base} representatives present` };
    case 'cast':
      return { zh: `投票总数 ${base} 票`, en: `the ${base} ballots cast` };
  }
}

interface Fraction {
  zhTerm: string;
  zhPassed: string;
  enPassed: string;
  enFailed: string;
}

/** The words for each fraction, so 过半数, 半数以上 and 三分之二 read the same everywhere. */
export function fractionWords(rule: PassingRule, wording: MajorityWording): Fraction {
  if (rule === 'all_two_thirds') {
    return { zhTerm: '三分之二', zhPassed: '达到', enPassed: 'at least two thirds of', enFailed: 'less than two thirds of' };
  }
  if (wording === 'majorityStrict') {
    return { zhTerm: '过半数', zhPassed: '超过', enPassed: 'more than half of', enFailed: 'not more than half of' };
  }
  return { zhTerm: '半数以上', zhPassed: '达到', enPassed: 'at least half of', enFailed: 'less than half of' };
}
