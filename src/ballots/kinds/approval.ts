// 审议通过 / 审议决定: an approval item (赞成 / 反对 / 弃权) and its passing threshold, said in words.
import { z } from 'zod';
import { describeBase, type Explanation, fractionWords, meetsThreshold, requiredVotes, type Threshold } from '../thresholds.js';
import {
  accept,
  baseLabelSchema,
  defineKind,
  type Electorate,
  explanationSchema,
  itemIdSchema,
  itemTitleSchema,
  type MajorityWording,
  majorityWordingSchema,
  manualCountSchema,
  type PassingRule,
  passingRuleSchema,
  refuse,
  repeat,
} from './parts.js';
import { fail } from '../../errors.js';

export const approvalItemSchema = z.object({
  id: itemIdSchema.optional(),
  kind: z.literal('approval'),
  title: itemTitleSchema,
  passingRule: passingRuleSchema.default('all_majority'),
  majorityWording: majorityWordingSchema.default('majorityStrict'),
});

export const approvalAnswerSchema = z
  .enum(['yes', 'no', 'abstain'])
  .meta({ id: 'ApprovalAnswer', title: 'Approval answer', description: 'An `approval` item (赞成/反对/弃权): yes, no or abstain.', example: 'yes' });

const approvalCountsSchema = z.object({ kind: z.literal('approval'), yes: manualCountSchema, no: manualCountSchema, abstain: manualCountSchema }).strict();

export const approvalResultSchema = z.object({
  kind: z.literal('approval'),
  counts: z.object({ yes: z.number(), no: z.number(), abstain: z.number() }),
  base: z.number(),
  baseLabel: baseLabelSchema,
  required: z.number(),
  passed: z.boolean(),
  explanation: explanationSchema,
});

export type ApprovalItem = z.infer<typeof approvalItemSchema>;
export type ApprovalAnswer = z.infer<typeof approvalAnswerSchema>;
export type ApprovalResult = z.infer<typeof approvalResultSchema>;

/**
 * 赞成 50 票，超过全体代表 73 人的半数（须至少 37 票），通过 — and its failing and English forms. The
 * threshold is said as what is needed: "的半数（37 票）" read as if half were 37 (issue 13).
 */
export function explainApproval(yes: number, threshold: Threshold, rule: PassingRule, wording: MajorityWording, body: Electorate['body']): Explanation {
  const passed = meetsThreshold(yes, threshold);
  const baseWords = describeBase(threshold, body);
  if (threshold.base === 0) {
    return {
      zh: `赞成 ${yes} 票，${baseWords.zh}，没有计票基数，未通过`,
      en: `${yes} yes, no electorate to count against (${baseWords.en}): not passed`,
    };
  }
  const fraction = fractionWords(rule, wording);
  const { required } = threshold;
  const zhReached = fraction.zhTerm === '过半数' ? '半数' : fraction.zhTerm;
  const zh = passed
    ? `赞成 ${yes} 票，${fraction.zhPassed}${baseWords.zh}的${zhReached}（须至少 ${required} 票），通过`
    : `赞成 ${yes} 票，未达到${baseWords.zh}的${fraction.zhTerm}所需的 ${required} 票，未通过`;
  const en = passed
    ? `${yes} yes, ${fraction.enPassed} ${baseWords.en} (at least ${required} needed): passed`
    : `${yes} yes, ${fraction.enFailed} ${baseWords.en} (at least ${required} needed): not passed`;
  return { zh, en };
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

export const approval = defineKind({
  kind: 'approval',
  itemSchema: approvalItemSchema,
  answerSchema: approvalAnswerSchema,
  checkAnswer(_item, answer) {
    const parsed = approvalAnswerSchema.safeParse(answer);
    return parsed.success ? accept(parsed.data) : refuse('INVALID_ANSWER');
  },
  tally: tallyApproval,
  manualCountsSchema: approvalCountsSchema,
  manualTally(item, counts, count) {
    if (counts.yes + counts.no + counts.abstain > count.electorate.cast) fail('MANUAL_RESULT_INVALID', { item: count.index });
    return tallyApproval(item, [...repeat('yes' as const, counts.yes), ...repeat('no' as const, counts.no), ...repeat('abstain' as const, counts.abstain)], count.electorate);
  },
  resultSchema: approvalResultSchema,
});
