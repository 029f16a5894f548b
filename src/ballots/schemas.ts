// The shapes of ballot items (分项), their answers and the electorate they are counted against.
// Item schemas validate definitions at the edge; the TypeScript types are inferred from them.
import { z } from 'zod';

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
  body: z.enum(['representatives', 'staff']),
});
/** Counts of voting members only: attendees are never in here. body 'staff' is a 职工大会. */
export type Electorate = z.infer<typeof electorateSchema>;

const optionId = z.string().min(1).max(200);
const title = z.string().trim().min(1).max(500);
const name = z.string().trim().min(1).max(200);

const namedEntry = z.object({ id: optionId, name });
const labelledEntry = z.object({ id: optionId, label: name });

function uniqueIds(entries: readonly { id: string }[]): boolean {
  return new Set(entries.map((entry) => entry.id)).size === entries.length;
}
const uniqueIdsMessage = { message: 'ids must be unique' };

export const DEFAULT_RATING_GRADES = Object.freeze([
  Object.freeze({ id: 'excellent', label: '优秀' }),
  Object.freeze({ id: 'competent', label: '称职' }),
  Object.freeze({ id: 'basically_competent', label: '基本称职' }),
  Object.freeze({ id: 'incompetent', label: '不称职' }),
]);

export const approvalItemSchema = z.object({
  kind: z.literal('approval'),
  title,
  passingRule: passingRuleSchema.default('all_majority'),
  majorityWording: majorityWordingSchema.default('majorityStrict'),
});

export const electionItemSchema = z
  .object({
    kind: z.literal('election'),
    title,
    seats: z.number().int().min(1).max(1000),
    candidates: z.array(namedEntry).min(1).max(1000).refine(uniqueIds, uniqueIdsMessage),
    allowWriteIn: z.boolean().default(false),
    passingRule: passingRuleSchema.default('all_majority'),
    majorityWording: majorityWordingSchema.default('majorityStrict'),
  })
  .refine((item) => item.allowWriteIn || item.seats <= item.candidates.length, {
    message: 'more seats than candidates and no write-ins',
    path: ['seats'],
  });

export const ratingItemSchema = z.object({
  kind: z.literal('rating'),
  title,
  subjects: z.array(namedEntry).min(1).max(1000).refine(uniqueIds, uniqueIdsMessage),
  grades: z
    .array(labelledEntry)
    .min(2)
    .max(20)
    .refine(uniqueIds, uniqueIdsMessage)
    .default(() => DEFAULT_RATING_GRADES.map((grade) => ({ ...grade }))),
});

export const choiceItemSchema = z
  .object({
    kind: z.literal('choice'),
    title,
    options: z.array(labelledEntry).min(1).max(1000).refine(uniqueIds, uniqueIdsMessage),
    maxChoices: z.number().int().min(1).default(1),
  })
  .refine((item) => item.maxChoices <= item.options.length, {
    message: 'maxChoices exceeds the number of options',
    path: ['maxChoices'],
  });

export const ballotItemSchema = z.discriminatedUnion('kind', [approvalItemSchema, electionItemSchema, ratingItemSchema, choiceItemSchema]);

export type ApprovalItem = z.infer<typeof approvalItemSchema>;
export type ElectionItem = z.infer<typeof electionItemSchema>;
export type RatingItem = z.infer<typeof ratingItemSchema>;
export type ChoiceItem = z.infer<typeof choiceItemSchema>;
export type BallotItem = z.infer<typeof ballotItemSchema>;
export type ItemKind = BallotItem['kind'];

/** Longest write-in name, after trimming. */
export const WRITE_IN_MAX_LENGTH = 40;
// Caps only keep junk cheap to refuse; any real ballot is far below them.
const MAX_LIST = 1000;

export const approvalAnswerSchema = z.enum(['yes', 'no', 'abstain']);
export const electionAnswerSchema = z.strictObject({
  candidateIds: z.array(z.string().max(200)).max(MAX_LIST),
  writeIns: z.array(z.string().max(1000)).max(MAX_LIST).default([]),
});
/** subject id → grade id; a subject left out is an abstention on that subject. */
export const ratingAnswerSchema = z.record(z.string(), z.string());
export const choiceAnswerSchema = z.strictObject({
  optionIds: z.array(z.string().max(200)).max(MAX_LIST),
});

export type ApprovalAnswer = z.infer<typeof approvalAnswerSchema>;
export type ElectionAnswer = z.infer<typeof electionAnswerSchema>;
export type RatingAnswer = z.infer<typeof ratingAnswerSchema>;
export type ChoiceAnswer = z.infer<typeof choiceAnswerSchema>;
export type ItemAnswer = ApprovalAnswer | ElectionAnswer | RatingAnswer | ChoiceAnswer;

/** The answer type that belongs to each kind of item. */
export interface AnswerByKind {
  approval: ApprovalAnswer;
  election: ElectionAnswer;
  rating: RatingAnswer;
  choice: ChoiceAnswer;
}

export const ANSWER_ERROR_CODES = ['INVALID_ANSWER', 'TOO_MANY_CHOICES', 'UNKNOWN_OPTION', 'DUPLICATE_CHOICE', 'WRITE_IN_NOT_ALLOWED'] as const;
export type AnswerErrorCode = (typeof ANSWER_ERROR_CODES)[number];
