// 民主评议: a rating item (each subject given a grade, 优秀 / 称职 / 基本称职 / 不称职 by default),
// its answer checks, its count per subject and grade, and its hand count.
import { z } from 'zod';
import { fail } from '../../errors.js';
import { accept, type AnswerCheck, checkIds, countsById, defineKind, itemIdSchema, itemTitleSchema, labelledEntry, namedEntry, refuse, sum, uniqueIds, uniqueIdsMessage } from './parts.js';

export const DEFAULT_RATING_GRADES = Object.freeze([
  Object.freeze({ id: 'excellent', label: '优秀' }),
  Object.freeze({ id: 'competent', label: '称职' }),
  Object.freeze({ id: 'basically_competent', label: '基本称职' }),
  Object.freeze({ id: 'incompetent', label: '不称职' }),
]);

export const ratingItemSchema = z.object({
  id: itemIdSchema.optional(),
  kind: z.literal('rating'),
  title: itemTitleSchema,
  subjects: z.array(namedEntry).min(1).max(1000).refine(uniqueIds, uniqueIdsMessage),
  grades: z
    .array(labelledEntry)
    .min(2)
    .max(20)
    .refine(uniqueIds, uniqueIdsMessage)
    .default(() => DEFAULT_RATING_GRADES.map((grade) => ({ ...grade }))),
});

/** subject id → grade id; a subject left out is an abstention on that subject. */
export const ratingAnswerSchema = z.record(z.string(), z.string()).meta({
  id: 'RatingAnswer',
  title: 'Rating answer',
  description: 'A `rating` item (民主评议): subject id → grade id, both from the item (UNKNOWN_OPTION otherwise). A subject left out is an abstention on that subject; `{}` abstains on all.',
  example: { 'li-si': 'excellent', 'zhao-liu': 'competent' },
});

const ratingCountsSchema = z.object({ kind: z.literal('rating'), counts: z.record(z.string().max(200), countsById) }).strict();

export const ratingResultSchema = z.object({
  kind: z.literal('rating'),
  subjects: z.array(z.object({ id: z.string(), name: z.string(), counts: z.record(z.string(), z.number()), abstain: z.number() })),
});

export type RatingItem = z.infer<typeof ratingItemSchema>;
export type RatingAnswer = z.infer<typeof ratingAnswerSchema>;
export type RatingResult = z.infer<typeof ratingResultSchema>;

/** Built by hand rather than z.record: zod would silently drop an own `__proto__` key. */
function checkRating(item: RatingItem, answer: unknown): AnswerCheck<RatingAnswer> {
  if (!isPlainObject(answer)) return refuse('INVALID_ANSWER');
  const entries = Object.entries(answer);
  if (!entries.every(([, grade]) => typeof grade === 'string')) return refuse('INVALID_ANSWER');
  const subjectIds = new Set(item.subjects.map((subject) => subject.id));
  const gradeIds = new Set(item.grades.map((grade) => grade.id));
  const known = entries.every(([subject, grade]) => subjectIds.has(subject) && gradeIds.has(grade as string));
  if (!known) return refuse('UNKNOWN_OPTION');
  return accept(Object.fromEntries(entries) as RatingAnswer);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Grades per subject; a subject left out of an answer is an abstention on it. */
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

export const rating = defineKind({
  kind: 'rating',
  itemSchema: ratingItemSchema,
  answerSchema: ratingAnswerSchema,
  checkAnswer: checkRating,
  tally: tallyRating,
  manualCountsSchema: ratingCountsSchema,
  /** Grades counted per subject; whoever cast a paper and gave a subject no grade abstained on it. */
  manualTally(item, entry, count) {
    checkIds(entry.counts, item.subjects);
    return {
      kind: 'rating',
      subjects: item.subjects.map((subject) => {
        const grades = entry.counts[subject.id] ?? {};
        checkIds(grades, item.grades);
        const counts = Object.fromEntries(item.grades.map((grade) => [grade.id, grades[grade.id] ?? 0]));
        const given = sum(Object.values(counts));
        if (given > count.electorate.cast) fail('MANUAL_RESULT_INVALID', { item: count.index });
        return { id: subject.id, name: subject.name, counts, abstain: count.electorate.cast - given };
      }),
    };
  },
  resultSchema: ratingResultSchema,
});
