// zod schemas for the ballot API: sheets, votes, receipts, manual results and what each audience sees.
import { z } from 'zod';
import { meetingKind } from '../meetings/schemas.js';
import { itemIdSchema } from './kinds/parts.js';
import { ballotItemSchema, itemResultSchema, manualItemCountsSchema } from './schemas.js';
import { BALLOT_METHODS, BALLOT_SECRECIES, BALLOT_STATES } from './workflow.js';
import { INVALID_REASONS } from './paper-rules.js';
import { CONFIRMATION_STEPS, CONFIRMING_ROLES } from './two-person.js';

export const receiptSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a receipt is 16 to 64 letters, digits, - or _');

export const ballotInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    secrecy: z.enum(BALLOT_SECRECIES).default('secret'),
    method: z.enum(BALLOT_METHODS).default('electronic'),
    items: z.array(ballotItemSchema).min(1).max(50),
    deadlineAt: z.iso.datetime({ offset: true }).nullable().optional(),
    // No default: a patch that leaves it out must not clear it.
    statutory: z.boolean().optional().describe('A statutory matter (法定须经职代会审议通过的事项): only the congress decides it; a joint meeting refuses it'),
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

export const castAck = z.object({
  receipt: z.string().describe('The receipt sent, now in the ballot box: check it later with POST /api/ballots/{id}/receipts/check'),
  ballotId: z.string(),
  voted: z.number().int().min(0).describe('How many have voted on the ballot, this vote included (the turnout the next broadcast brings, or more)'),
});
export const receiptCheckInput = z.object({ receipt: receiptSchema }).strict();

const countSchema = z.number().int().min(0).max(1_000_000);

/** Hand counts for one item, shaped by its kind (each kind's manualCountsSchema). */
export const manualItemCounts = manualItemCountsSchema;

export const manualResultInput = z
  .object({
    present: countSchema,
    cast: countSchema,
    method: z.enum(['show_of_hands', 'paper']).default('show_of_hands'),
    items: z.array(manualItemCounts).min(1).max(50),
  })
  .strict();

/** What each item's count says, as its kind's tally computes it (src/ballots/kinds/). */
export const itemResult = itemResultSchema;

export const ballotResult = z
  .object({
    manual: z.boolean(),
    manualMethod: z.enum(['show_of_hands', 'paper']).optional(),
    eligible: z.number(),
    present: z.number(),
    cast: z.number().describe('Ballots cast: phones plus papers returned, invalid papers included'),
    items: z.array(itemResult),
    electronic: z.number().optional().describe('With paper voters: the ballots cast on phones'),
    papers: z
      .object({
        issued: z.number(),
        returned: z.number().describe('Papers taken out of the box (收回); a paper issued and not returned is not cast'),
        valid: z.number(),
        invalid: z.number().describe('Invalid papers (废票): cast, but no answer counted'),
        invalidReasons: z.partialRecord(z.enum(INVALID_REASONS), z.number()),
      })
      .optional()
      .describe('Paper ballots in an electronic ballot (纸电同步): figures only, never what the papers said apart from the phones'),
    void: z.boolean().optional().describe('More papers returned than issued: the round is void and nothing is decided'),
  })
  .meta({ id: 'BallotResult' });

/** An item as the server shows it: always with its stable id (send it back when editing a draft to keep it). */
const storedBallotItem = z.intersection(ballotItemSchema, z.object({ id: itemIdSchema }));

/** One officer's half of a step under two-person control (双人确认), waiting for the other's. */
export const pendingConfirmation = z
  .object({
    step: z.enum(CONFIRMATION_STEPS),
    role: z.enum(CONFIRMING_ROLES),
    accountId: z.string(),
    name: z.string(),
    at: z.string(),
    options: z.record(z.string(), z.unknown()).describe('The step’s options as the first officer gave them: opening’s overrideQuorum and reason'),
  })
  .meta({ id: 'PendingConfirmation' });

/** What a step under two-person control waits for (the 202 answer of open, close and publish). */
export const awaitingConfirmation = z
  .object({
    step: z.enum(CONFIRMATION_STEPS),
    confirmedBy: z.array(z.object({ role: z.enum(CONFIRMING_ROLES), name: z.string(), at: z.string() })),
    needed: z.array(z.enum(CONFIRMING_ROLES)).describe('The role whose confirmation performs the step'),
  })
  .meta({ id: 'AwaitingConfirmation' });

export const ballotView = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    title: z.string(),
    secrecy: z.enum(BALLOT_SECRECIES),
    method: z.enum(BALLOT_METHODS),
    state: z.enum(BALLOT_STATES),
    items: z.array(storedBallotItem),
    deadlineAt: z.string().nullable(),
    revoteOf: z.string().nullable(),
    quorumOverridden: z.boolean(),
    statutory: z.boolean(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    turnout: z.object({ voted: z.number(), eligible: z.number() }).nullable(),
    result: ballotResult.nullable().describe('Only once closed, and for the public only once published'),
    pendingConfirmations: z.array(pendingConfirmation).optional().describe('Officers only: steps confirmed by one officer and awaiting the other under two-person control (双人确认)'),
    finalHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable()
      .describe("The count hash (计票校验码): the chain hash of the ballot's `ballot.counted` audit row; shown like the result (GET /api/audit/verify checks it)"),
  })
  .meta({ id: 'Ballot' });

export type BallotInput = z.infer<typeof ballotInput>;
export type BallotPatch = z.infer<typeof ballotPatch>;
export type CastInput = z.infer<typeof castInput>;
export type ManualResultInput = z.infer<typeof manualResultInput>;
export type BallotView = z.infer<typeof ballotView>;

/** A published result with its sitting, as the public notice shows it (GET /api/public/ballots/:id, a session's notice). */
export const publicBallotResult = z.object({ ballot: ballotView, meeting: z.object({ id: z.string(), title: z.string(), kind: meetingKind }) });
