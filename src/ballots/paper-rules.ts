// Paper and phones in one ballot (纸电同步): the pure rules. What a teller enters for one returned
// paper, when two entries say the same, a batch's totals, and the combined count: cast = phones +
// papers returned, invalid papers counted apart, and more papers returned than issued voids the
// round (选举法 §44–45). Nothing here touches the database.
import { z } from 'zod';
import { AppError } from '../errors.js';
import { kindModules } from './kinds/index.js';
import type { ManualItemCounts } from './kinds/index.js';
import type { BallotItem, Electorate, ItemAnswer, ItemResult } from './rules.js';
import { tallyBallot, validateAnswer } from './rules.js';

/** Why a paper is invalid (废票): as tellers write it on the count sheet. */
export const INVALID_REASONS = ['blank', 'too_many_marks', 'unreadable', 'extra_marks', 'not_genuine', 'other'] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

/** What one returned paper says: an answer per item, or invalid with a reason. */
export type PaperContent = { answers: ItemAnswer[] } | { invalid: InvalidReason };

/** What a teller sends for one paper: per item an answer as a phone sends it, or null where nothing is marked; or invalid with its reason. */
export const paperInput = z
  .object({
    answers: z.array(z.unknown()).min(1).max(50).optional().describe('One per item, in order: the answer as a phone sends it, or null where the paper marks nothing'),
    invalid: z.enum(INVALID_REASONS).optional().describe('Why the paper is invalid (废票), instead of answers'),
  })
  .strict()
  .refine((paper) => (paper.answers === undefined) !== (paper.invalid === undefined), { message: 'either answers or invalid, not both' });
export type PaperInput = z.infer<typeof paperInput>;

/**
 * What a paper that marks nothing on an item says: the same as a phone's abstention on it, so that
 * once the papers join the box nothing tells a paper from a phone's vote.
 */
const UNMARKED: Record<BallotItem['kind'], unknown> = {
  approval: 'abstain',
  election: { candidateIds: [], writeIns: [] },
  rating: {},
  choice: { optionIds: [] },
};

/**
 * Reads one paper as entered: each item checked as a phone's answer is. A paper marking more
 * candidates or options than allowed is invalid (所选多于应选的选票无效), not refused; any other
 * fault is the teller's typing and is refused with its code and item.
 */
export function readPaper(items: readonly BallotItem[], input: PaperInput): PaperContent {
  if (input.invalid !== undefined) return { invalid: input.invalid };
  if (!input.answers || input.answers.length !== items.length) throw new AppError('INVALID_ANSWER', { reason: 'one answer per item' });
  const answers: ItemAnswer[] = [];
  for (const [index, item] of items.entries()) {
    const given = input.answers[index];
    const checked = validateAnswer(item, given === null || given === undefined ? UNMARKED[item.kind] : given);
    if (checked.ok) answers.push(checked.answer);
    else if (checked.code === 'TOO_MANY_CHOICES') return { invalid: 'too_many_marks' };
    else throw new AppError(checked.code, { item: index });
  }
  return { answers };
}

/** The same value with object keys and lists of ids in one order: two entries of one paper compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.every((item) => typeof item === 'string') ? [...(items as string[])].sort() : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, canonical(inner)]),
    );
  }
  return value;
}

/** The paper as stored and compared: its answers (JSON) or its invalid reason. */
export function contentKey(content: PaperContent): string {
  return JSON.stringify(canonical(content));
}

/** A batch's totals as a second teller counts them by hand: papers, invalid papers, and each item's counts (the shapes of a manual result). */
export const batchTotalsInput = z
  .object({
    papers: z.number().int().min(0).max(1_000_000),
    invalid: z.number().int().min(0).max(1_000_000),
    items: z.array(z.unknown()).min(1).max(50).describe('Per item, its counts as PUT /api/ballots/{id}/manual-result takes them (ManualItemCounts)'),
  })
  .strict();
export type BatchTotalsInput = z.infer<typeof batchTotalsInput>;

/** An electorate large enough for any batch: totals are compared by their counts, not against a threshold. */
function batchElectorate(papers: number): Electorate {
  return { eligible: papers, present: papers, cast: papers, body: 'representatives' };
}

/**
 * Which of a batch's totals differ from its entries: the fields only, never the entries' own figures
 * (the second teller must count, not copy). Empty when they agree. Counts in the wrong shape fail
 * MANUAL_RESULT_INVALID, as a manual result's would.
 */
export function totalsDiffer(items: readonly BallotItem[], contents: readonly PaperContent[], totals: { papers: number; invalid: number; items: readonly ManualItemCounts[] }): string[] {
  if (totals.items.length !== items.length) throw new AppError('MANUAL_RESULT_INVALID', { reason: 'one entry per item' });
  const valid = contents.filter((content): content is { answers: ItemAnswer[] } => 'answers' in content);
  const differ: string[] = [];
  if (totals.papers !== contents.length) differ.push('papers');
  if (totals.invalid !== contents.length - valid.length) differ.push('invalid');
  const electorate = batchElectorate(Math.max(valid.length, totals.papers - totals.invalid, 0));
  const entered = tallyBallot(
    items,
    valid.map((content) => content.answers),
    electorate,
  );
  for (const [index, item] of items.entries()) {
    const counts = totals.items[index]!;
    if (counts.kind !== item.kind) throw new AppError('MANUAL_RESULT_INVALID', { item: index, reason: 'kind differs' });
    let counted: ItemResult;
    try {
      counted = kindModules[item.kind].manualTally(item, counts, { electorate: { ...electorate, cast: totals.papers - totals.invalid }, index });
    } catch (error) {
      if (error instanceof AppError) {
        differ.push(`items.${index}`);
        continue;
      }
      throw error;
    }
    if (JSON.stringify(canonical(countsOf(counted))) !== JSON.stringify(canonical(countsOf(entered[index]!)))) differ.push(`items.${index}`);
  }
  return differ;
}

/** What follows from the electorate rather than from the papers: left out when totals are compared. */
const DERIVED = new Set(['base', 'baseLabel', 'required', 'passed', 'explanation', 'elected', 'runoff', 'unfilledSeats', 'reachedThreshold']);

/** An item result's counts only. */
function countsOf(result: unknown): unknown {
  if (Array.isArray(result)) return result.map(countsOf);
  if (result && typeof result === 'object')
    return Object.fromEntries(
      Object.entries(result)
        .filter(([key]) => !DERIVED.has(key))
        .map(([key, inner]) => [key, countsOf(inner)]),
    );
  return result;
}

/** The paper side of a combined count, kept in the stored result. */
export interface PaperFigures {
  issued: number;
  /** Papers the tellers took out of the box (收回). */
  returned: number;
  valid: number;
  invalid: number;
  invalidReasons: Partial<Record<InvalidReason, number>>;
}

export interface CombinedCount {
  /** Phones' ballots plus papers returned, invalid ones included (参加投票). */
  cast: number;
  electronic: number;
  papers: PaperFigures;
  /** More papers returned than issued: the round is void and nothing is decided. */
  void: boolean;
  /** Every counted answer: the phones' and the valid papers'. */
  answers: ItemAnswer[][];
}

/**
 * Phones and papers as one count. A paper issued but never returned is not cast; invalid papers are
 * cast but carry no answer. More papers returned than issued voids the round: no answer counts.
 */
export function combineCount(phoneAnswers: readonly ItemAnswer[][], issued: number, returned: number, contents: readonly PaperContent[]): CombinedCount {
  const invalidReasons: Partial<Record<InvalidReason, number>> = {};
  const valid: ItemAnswer[][] = [];
  for (const content of contents) {
    if ('answers' in content) valid.push(content.answers);
    else invalidReasons[content.invalid] = (invalidReasons[content.invalid] ?? 0) + 1;
  }
  const voided = returned > issued;
  const invalid = voided ? 0 : contents.length - valid.length;
  return {
    cast: phoneAnswers.length + returned,
    electronic: phoneAnswers.length,
    papers: { issued, returned, valid: voided ? 0 : valid.length, invalid, invalidReasons: voided ? {} : invalidReasons },
    void: voided,
    answers: voided ? [] : [...phoneAnswers, ...valid],
  };
}

/** 收回纸质选票7张，多于发出的6张，本次表决无效。: a void round, as the notice and the chair say it. */
export function voidSentence(papers: Pick<PaperFigures, 'issued' | 'returned'>): string {
  return `收回纸质选票${papers.returned}张，多于发出的${papers.issued}张，本次表决无效。`;
}
