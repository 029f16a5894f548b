// 民主选举: an election item (candidates, seats, write-ins 另选他人), its answer checks and its hand
// count. The counting itself (threshold, seats, run-offs) is src/ballots/election.ts.
import { z } from 'zod';
import { type ElectionResult, tallyElection } from '../election.js';
import {
  accept,
  baseLabelSchema,
  countsById,
  defineKind,
  expandListCounts,
  explanationSchema,
  hasDuplicates,
  itemIdSchema,
  itemTitleSchema,
  MAX_LIST,
  majorityWordingSchema,
  manualCountSchema,
  namedEntry,
  passingRuleSchema,
  refuse,
  repeat,
  uniqueIds,
  uniqueIdsMessage,
  type AnswerCheck,
} from './parts.js';

/** Longest write-in name, after trimming. */
export const WRITE_IN_MAX_LENGTH = 40;

export const electionItemSchema = z
  .object({
    id: itemIdSchema.optional(),
    kind: z.literal('election'),
    title: itemTitleSchema,
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

export const electionAnswerSchema = z
  .strictObject({
    candidateIds: z.array(z.string().max(200)).max(MAX_LIST).describe('Ids of listed candidates voted for, each at most once'),
    writeIns: z
      .array(z.string().max(1000))
      .max(MAX_LIST)
      .default([])
      .describe(
        `Names written in (另选他人), only where the item has allowWriteIn. Each is normalised (NFC, trimmed, inner spaces collapsed) and must then be 1–${WRITE_IN_MAX_LENGTH} characters with no control characters; one naming exactly one listed candidate counts for that candidate, one naming several refuses the paper (INVALID_ANSWER)`,
      ),
  })
  .meta({
    id: 'ElectionAnswer',
    title: 'Election answer',
    description:
      'An `election` item (选举): candidates plus write-ins at most `seats` (TOO_MANY_CHOICES), no one twice (DUPLICATE_CHOICE), only listed ids (UNKNOWN_OPTION), write-ins only if allowed (WRITE_IN_NOT_ALLOWED). Both lists empty is a blank vote on this item.',
    example: { candidateIds: ['zhang-san'], writeIns: ['王五'] },
  });

const electionCountsSchema = z.object({ kind: z.literal('election'), votes: countsById, blankBallots: manualCountSchema.default(0) }).strict();

export const electionResultSchema = z.object({
  kind: z.literal('election'),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), votes: z.number(), reachedThreshold: z.boolean() })),
  writeIns: z.array(z.object({ name: z.string(), votes: z.number(), reachedThreshold: z.boolean() })),
  blankBallots: z.number(),
  base: z.number(),
  baseLabel: baseLabelSchema,
  required: z.number(),
  elected: z.array(z.string()).describe("Candidate ids, write-ins as 'write-in:' + name, by votes"),
  runoff: z.object({ seats: z.number(), candidateIds: z.array(z.string()) }).nullable(),
  unfilledSeats: z.number(),
  explanation: explanationSchema,
});
// election.ts counts into its own interface (it imports nothing from here, to keep imports one-way):
// the two must be one shape, or this does not compile.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const RESULT_SHAPES_AGREE: SameShape<z.infer<typeof electionResultSchema>, ElectionResult> = true;

export type ElectionItem = z.infer<typeof electionItemSchema>;
export type ElectionAnswer = z.infer<typeof electionAnswerSchema>;

export function normalizeWriteIn(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

function isAcceptableWriteIn(name: string): boolean {
  const length = [...name].length;
  return length >= 1 && length <= WRITE_IN_MAX_LENGTH && !/\p{Cc}/u.test(name);
}

/**
 * Order of refusals, cheapest first so junk costs little: shape, write-ins allowed, too many,
 * names, unknown ids, duplicates, too many once write-ins naming candidates are resolved.
 */
function checkElection(item: ElectionItem, answer: unknown): AnswerCheck<ElectionAnswer> {
  const parsed = electionAnswerSchema.safeParse(answer);
  if (!parsed.success) return refuse('INVALID_ANSWER');
  if (parsed.data.writeIns.length > 0 && !item.allowWriteIn) return refuse('WRITE_IN_NOT_ALLOWED');
  // Each write-in fills a seat whether or not it names a candidate: past the seats, nothing to resolve.
  if (parsed.data.candidateIds.length + parsed.data.writeIns.length > item.seats) return refuse('TOO_MANY_CHOICES');
  const names = parsed.data.writeIns.map(normalizeWriteIn);
  if (!names.every(isAcceptableWriteIn)) return refuse('INVALID_ANSWER');
  const knownIds = new Set(item.candidates.map((candidate) => candidate.id));
  if (!parsed.data.candidateIds.every((id) => knownIds.has(id))) return refuse('UNKNOWN_OPTION');
  const resolved = resolveWriteIns(item, names);
  if (!resolved) return refuse('INVALID_ANSWER');
  const candidateIds = [...parsed.data.candidateIds, ...resolved.candidateIds];
  if (hasDuplicates(candidateIds) || hasDuplicates(resolved.writeIns)) return refuse('DUPLICATE_CHOICE');
  if (candidateIds.length + resolved.writeIns.length > item.seats) return refuse('TOO_MANY_CHOICES');
  return accept({ candidateIds, writeIns: resolved.writeIns });
}

/**
 * A write-in naming exactly one listed candidate counts for that candidate (the voter's intent is
 * plain); a name shared by several candidates is ambiguous, so the whole answer is refused.
 */
function resolveWriteIns(item: ElectionItem, names: string[]): ElectionAnswer | undefined {
  const byName = candidatesByName(item);
  const candidateIds: string[] = [];
  const writeIns: string[] = [];
  for (const name of names) {
    const matches = byName.get(name);
    if (matches && matches.length > 1) return undefined;
    if (matches) candidateIds.push(matches[0]!);
    else writeIns.push(name);
  }
  return { candidateIds, writeIns };
}

/** Candidate ids by normalised name, made once per item: a write-in is one lookup, not a pass over the list. */
const namesOfItems = new WeakMap<ElectionItem, Map<string, string[]>>();

function candidatesByName(item: ElectionItem): Map<string, string[]> {
  let byName = namesOfItems.get(item);
  if (!byName) {
    byName = new Map();
    for (const candidate of item.candidates) {
      const name = normalizeWriteIn(candidate.name);
      byName.set(name, [...(byName.get(name) ?? []), candidate.id]);
    }
    namesOfItems.set(item, byName);
  }
  return byName;
}

export const election = defineKind({
  kind: 'election',
  itemSchema: electionItemSchema,
  answerSchema: electionAnswerSchema,
  checkAnswer: checkElection,
  tally: tallyElection,
  manualCountsSchema: electionCountsSchema,
  manualTally(item, counts, count) {
    const { votes, blanks } = expandListCounts(counts, item.candidates, item.seats, count);
    const papers = [...votes.map((id) => ({ candidateIds: [id], writeIns: [] })), ...repeat({ candidateIds: [], writeIns: [] }, blanks)];
    return tallyElection(item, papers, count.electorate);
  },
  resultSchema: electionResultSchema,
});
