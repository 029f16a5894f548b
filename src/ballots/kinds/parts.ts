// The pieces every item kind is built from: passing rules, the electorate, names and ids, the
// answer verdict and the checks of hand-entered counts. Nothing here knows any one kind.
import { z } from 'zod';
import { fail } from '../../errors.js';

export const PASSING_RULES = ['all_majority', 'all_two_thirds', 'present_majority', 'cast_majority'] as const;
export const passingRuleSchema = z.enum(PASSING_RULES);
/** all_majority (default): more than half of ALL eligible; all_two_thirds: ⌈2N/3⌉ of all eligible;
 * present_majority: more than half of those present; cast_majority: more than half of ballots cast. */
export type PassingRule = z.infer<typeof passingRuleSchema>;

export const MAJORITY_WORDINGS = ['majorityStrict', 'majorityInclusive'] as const;
export const majorityWordingSchema = z.enum(MAJORITY_WORDINGS);
/** 过半数 (majorityStrict, yes > base/2) or 半数以上 (majorityInclusive, yes ≥ base/2). */
export type MajorityWording = z.infer<typeof majorityWordingSchema>;

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const electorateSchema = z.object({
  eligible: count,
  present: count,
  cast: count,
  body: z.enum(['representatives', 'staff', 'joint']),
});
/** Counts of voting members only: attendees are never in here. body 'staff' is a 职工大会, 'joint' a joint meeting's roll (联席会议成员). */
export type Electorate = z.infer<typeof electorateSchema>;

/**
 * An item's stable id (table ballot_item). On input it is optional: editing a draft, an item sent
 * back with its id keeps it; everywhere the server answers, every item has one.
 */
export const itemIdSchema = z.string().min(1).max(64).describe('Stable id of the item: links (a document put to the vote) point at it');

export const itemTitleSchema = z.string().trim().min(1).max(500);
const optionId = z.string().min(1).max(200);
const name = z.string().trim().min(1).max(200);

export const namedEntry = z.object({ id: optionId, name });
export const labelledEntry = z.object({ id: optionId, label: name });

export function uniqueIds(entries: readonly { id: string }[]): boolean {
  return new Set(entries.map((entry) => entry.id)).size === entries.length;
}
export const uniqueIdsMessage = { message: 'ids must be unique' };

// Caps only keep junk cheap to refuse; any real ballot is far below them.
export const MAX_LIST = 1000;

export const ANSWER_ERROR_CODES = ['INVALID_ANSWER', 'TOO_MANY_CHOICES', 'UNKNOWN_OPTION', 'DUPLICATE_CHOICE', 'WRITE_IN_NOT_ALLOWED'] as const;
export type AnswerErrorCode = (typeof ANSWER_ERROR_CODES)[number];

export type AnswerCheck<Answer = unknown> = { ok: true; answer: Answer } | { ok: false; code: AnswerErrorCode };

export function accept<Answer>(answer: Answer): AnswerCheck<Answer> {
  return { ok: true, answer };
}

export function refuse(code: AnswerErrorCode): { ok: false; code: AnswerErrorCode } {
  return { ok: false, code };
}

export function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}

export const explanationSchema = z.object({ zh: z.string(), en: z.string() }).describe('The rule and the arithmetic in words');
export const baseLabelSchema = z.enum(['eligible', 'present', 'cast']);

export const manualCountSchema = z.number().int().min(0).max(1_000_000);
export const countsById = z.record(z.string().max(200), manualCountSchema);

/** What a kind's manual tally is given besides its item and its counts. */
export interface ManualCount {
  /** The electorate with present and cast as entered. */
  electorate: Electorate;
  /** The item's position on the sheet, named in refusals. */
  index: number;
}

export function repeat<T>(value: T, times: number): T[] {
  return Array.from({ length: times }, () => value);
}

export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Refuses counts for an id the item does not list. */
export function checkIds(counts: Record<string, unknown>, known: readonly { id: string }[]): void {
  const ids = new Set(known.map((entry) => entry.id));
  for (const key of Object.keys(counts)) if (!ids.has(key)) fail('MANUAL_RESULT_INVALID', { unknownId: key });
}

/**
 * Hand counts for a list where each marked paper gives each name at most one vote and at most `limit`
 * votes in all (an election's seats, a choice's maxChoices): expanded into one-name papers plus blanks.
 */
export function expandListCounts(
  entry: { votes: Record<string, number>; blankBallots: number },
  known: readonly { id: string }[],
  limit: number,
  count: ManualCount,
): { votes: string[]; blanks: number } {
  checkIds(entry.votes, known);
  const marked = count.electorate.cast - entry.blankBallots;
  const counts = Object.values(entry.votes);
  if (marked < 0 || counts.some((votes) => votes > marked) || sum(counts) > marked * limit) fail('MANUAL_RESULT_INVALID', { item: count.index });
  return { votes: Object.entries(entry.votes).flatMap(([id, votes]) => repeat(id, votes)), blanks: entry.blankBallots };
}

/**
 * Everything the server knows about one kind of item. Each kind file builds one with defineKind, and
 * the registry (index.ts) checks that each sits under its own kind: a kind missing a piece, or a piece
 * of the wrong shape, does not compile.
 */
export interface ItemKindModule<
  Kind extends string,
  ItemSchema extends z.ZodType<{ kind: Kind }>,
  AnswerSchema extends z.ZodType,
  CountsSchema extends z.ZodType<{ kind: Kind }>,
  ResultSchema extends z.ZodType<{ kind: Kind }>,
> {
  kind: Kind;
  /** The item's definition, as drafted (defaults filled) and as shown. */
  itemSchema: ItemSchema;
  /** The answer's shape, for the OpenAPI document; checkAnswer is what a vote goes through. */
  answerSchema: AnswerSchema;
  /** Validates and normalises one voter's answer; never throws on junk, returns a stable code instead. */
  checkAnswer(item: z.output<ItemSchema>, answer: unknown): AnswerCheck<z.output<AnswerSchema>>;
  /** Counts the answers (already checked) against the electorate; the result explains itself where the rules ask for words. */
  tally(item: z.output<ItemSchema>, answers: readonly z.output<AnswerSchema>[], electorate: Electorate): z.output<ResultSchema>;
  /** Counts entered by hand (a show of hands, a paper count). */
  manualCountsSchema: CountsSchema;
  /** Checks hand counts add up (MANUAL_RESULT_INVALID otherwise) and tallies them by the same rules. */
  manualTally(item: z.output<ItemSchema>, counts: z.output<CountsSchema>, count: ManualCount): z.output<ResultSchema>;
  /** The result's shape, for the API and the OpenAPI document. */
  resultSchema: ResultSchema;
}

/** Identity, for inference: the kind file's pieces are checked against each other here. */
export function defineKind<
  Kind extends string,
  ItemSchema extends z.ZodType<{ kind: Kind }>,
  AnswerSchema extends z.ZodType,
  CountsSchema extends z.ZodType<{ kind: Kind }>,
  ResultSchema extends z.ZodType<{ kind: Kind }>,
>(module: ItemKindModule<Kind, ItemSchema, AnswerSchema, CountsSchema, ResultSchema>): ItemKindModule<Kind, ItemSchema, AnswerSchema, CountsSchema, ResultSchema> {
  return module;
}
