// zod schemas for the ballot API: sheets, votes, receipts, manual results and what each audience sees.
import { z } from 'zod';
import { ballotItemSchema } from './schemas.js';
import { BALLOT_METHODS, BALLOT_SECRECIES, BALLOT_STATES } from './workflow.js';

export const receiptSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a receipt is 16 to 64 letters, digits, - or _');

export const ballotInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    secrecy: z.enum(BALLOT_SECRECIES).default('secret'),
    method: z.enum(BALLOT_METHODS).default('electronic'),
    items: z.array(ballotItemSchema).min(1).max(50),
    deadlineAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();
export const ballotPatch = ballotInput.partial().strict();

export const openBallotInput = z.object({ overrideQuorum: z.boolean().default(false), reason: z.string().trim().max(500).optional() }).strict();

/**
 * One answer per item, in the items' order. Each is checked against its item in answers.ts, not here:
 * the edge could only call a wrong shape VALIDATION_FAILED, where the check names the fault
 * (INVALID_ANSWER, UNKNOWN_OPTION, …) and the item. So this takes anything and the document points at
 * the shapes (ItemAnswer in src/ballots/schemas.ts).
 */
const answerCheckedLater = z.unknown().meta({ $ref: '#/components/schemas/ItemAnswerInput' });

export const castInput = z
  .object({
    answers: z.array(answerCheckedLater).min(1).max(50).describe('One answer per item of the ballot, in order'),
    // The device's own random secret: a receipt the server made would be no proof to the voter.
    receipt: receiptSchema.describe('16–64 random letters, digits, - or _, made by the device; the proof that this paper is in the box'),
  })
  .strict()
  .meta({ id: 'CastVote', example: { answers: ['yes', { candidateIds: ['zhang-san'], writeIns: ['王五'] }, { 'li-si': 'excellent' }, { optionIds: ['plan-b'] }], receipt: 'k3J9x0Qm2v8Rz1Lp4Tn7Yw' } });

export const castAck = z.object({ receipt: z.string().describe('The receipt sent, now in the ballot box: check it later with POST /api/ballots/{id}/receipts/check'), ballotId: z.string() });
export const receiptCheckInput = z.object({ receipt: receiptSchema }).strict();

const countSchema = z.number().int().min(0).max(1_000_000);
const countsById = z.record(z.string().max(200), countSchema);

export const manualItemCounts = z.union([
  z.object({ kind: z.literal('approval'), yes: countSchema, no: countSchema, abstain: countSchema }).strict(),
  z.object({ kind: z.literal('election'), votes: countsById, blankBallots: countSchema.default(0) }).strict(),
  z.object({ kind: z.literal('choice'), votes: countsById, blankBallots: countSchema.default(0) }).strict(),
  z.object({ kind: z.literal('rating'), counts: z.record(z.string().max(200), countsById) }).strict(),
]);

export const manualResultInput = z
  .object({
    present: countSchema,
    cast: countSchema,
    method: z.enum(['show_of_hands', 'paper']).default('show_of_hands'),
    items: z.array(manualItemCounts).min(1).max(50),
  })
  .strict();

const explanation = z.object({ zh: z.string(), en: z.string() }).describe('The rule and the arithmetic in words');
const baseLabel = z.enum(['eligible', 'present', 'cast']);

/** What each item's count says, as src/ballots/rules.ts and election.ts compute it. */
export const itemResult = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('approval'),
      counts: z.object({ yes: z.number(), no: z.number(), abstain: z.number() }),
      base: z.number(),
      baseLabel,
      required: z.number(),
      passed: z.boolean(),
      explanation,
    }),
    z.object({
      kind: z.literal('election'),
      candidates: z.array(z.object({ id: z.string(), name: z.string(), votes: z.number(), reachedThreshold: z.boolean() })),
      writeIns: z.array(z.object({ name: z.string(), votes: z.number(), reachedThreshold: z.boolean() })),
      blankBallots: z.number(),
      base: z.number(),
      baseLabel,
      required: z.number(),
      elected: z.array(z.string()).describe("Candidate ids, write-ins as 'write-in:' + name, by votes"),
      runoff: z.object({ seats: z.number(), candidateIds: z.array(z.string()) }).nullable(),
      unfilledSeats: z.number(),
      explanation,
    }),
    z.object({
      kind: z.literal('rating'),
      subjects: z.array(z.object({ id: z.string(), name: z.string(), counts: z.record(z.string(), z.number()), abstain: z.number() })),
    }),
    z.object({
      kind: z.literal('choice'),
      options: z.array(z.object({ id: z.string(), label: z.string(), votes: z.number() })),
      blankBallots: z.number(),
    }),
  ])
  .meta({ id: 'ItemResult' });

export const ballotResult = z
  .object({
    manual: z.boolean(),
    manualMethod: z.enum(['show_of_hands', 'paper']).optional(),
    eligible: z.number(),
    present: z.number(),
    cast: z.number(),
    items: z.array(itemResult),
  })
  .meta({ id: 'BallotResult' });

export const ballotView = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    title: z.string(),
    secrecy: z.enum(BALLOT_SECRECIES),
    method: z.enum(BALLOT_METHODS),
    state: z.enum(BALLOT_STATES),
    items: z.array(ballotItemSchema),
    deadlineAt: z.string().nullable(),
    revoteOf: z.string().nullable(),
    quorumOverridden: z.boolean(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    turnout: z.object({ voted: z.number(), eligible: z.number() }).nullable(),
    result: ballotResult.nullable().describe('Only once closed, and for the public only once published'),
  })
  .meta({ id: 'Ballot' });

export type BallotInput = z.infer<typeof ballotInput>;
export type BallotPatch = z.infer<typeof ballotPatch>;
export type CastInput = z.infer<typeof castInput>;
export type ManualResultInput = z.infer<typeof manualResultInput>;
export type BallotView = z.infer<typeof ballotView>;
