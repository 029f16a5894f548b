// 多选一 / 多选多: a choice among listed options (a plan, a date), its answer checks and its count.
import { z } from 'zod';
import {
  accept,
  type AnswerCheck,
  countsById,
  defineKind,
  expandListCounts,
  hasDuplicates,
  itemIdSchema,
  itemTitleSchema,
  labelledEntry,
  MAX_LIST,
  manualCountSchema,
  refuse,
  repeat,
  uniqueIds,
  uniqueIdsMessage,
} from './parts.js';

export const choiceItemSchema = z
  .object({
    id: itemIdSchema.optional(),
    kind: z.literal('choice'),
    title: itemTitleSchema,
    options: z.array(labelledEntry).min(1).max(1000).refine(uniqueIds, uniqueIdsMessage),
    maxChoices: z.number().int().min(1).default(1),
  })
  .refine((item) => item.maxChoices <= item.options.length, {
    message: 'maxChoices exceeds the number of options',
    path: ['maxChoices'],
  });

export const choiceAnswerSchema = z
  .strictObject({
    optionIds: z
      .array(z.string().max(200))
      .max(MAX_LIST)
      .describe('Ids of the options chosen: at most maxChoices (TOO_MANY_CHOICES), each once (DUPLICATE_CHOICE), only listed ids (UNKNOWN_OPTION); empty is a blank vote'),
  })
  .meta({ id: 'ChoiceAnswer', title: 'Choice answer', description: 'A `choice` item (多选一/多选多).', example: { optionIds: ['plan-b'] } });

const choiceCountsSchema = z.object({ kind: z.literal('choice'), votes: countsById, blankBallots: manualCountSchema.default(0) }).strict();

export const choiceResultSchema = z.object({
  kind: z.literal('choice'),
  options: z.array(z.object({ id: z.string(), label: z.string(), votes: z.number() })),
  blankBallots: z.number(),
});

export type ChoiceItem = z.infer<typeof choiceItemSchema>;
export type ChoiceAnswer = z.infer<typeof choiceAnswerSchema>;
export type ChoiceResult = z.infer<typeof choiceResultSchema>;

function checkChoice(item: ChoiceItem, answer: unknown): AnswerCheck<ChoiceAnswer> {
  const parsed = choiceAnswerSchema.safeParse(answer);
  if (!parsed.success) return refuse('INVALID_ANSWER');
  const { optionIds } = parsed.data;
  const knownIds = new Set(item.options.map((option) => option.id));
  if (!optionIds.every((id) => knownIds.has(id))) return refuse('UNKNOWN_OPTION');
  if (hasDuplicates(optionIds)) return refuse('DUPLICATE_CHOICE');
  if (optionIds.length > item.maxChoices) return refuse('TOO_MANY_CHOICES');
  return accept({ optionIds: [...optionIds] });
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

export const choice = defineKind({
  kind: 'choice',
  itemSchema: choiceItemSchema,
  answerSchema: choiceAnswerSchema,
  checkAnswer: checkChoice,
  tally: tallyChoice,
  manualCountsSchema: choiceCountsSchema,
  manualTally(item, counts, count) {
    const { votes, blanks } = expandListCounts(counts, item.options, item.maxChoices, count);
    return tallyChoice(item, [...votes.map((id) => ({ optionIds: [id] })), ...repeat({ optionIds: [] as string[] }, blanks)]);
  },
  resultSchema: choiceResultSchema,
});
