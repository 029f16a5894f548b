// zod schemas for the joint meeting (联席会议): its roll, its decisions and their confirmation.
import { z } from 'zod';

/** Why someone sits on a joint meeting: 代表团团长, 主席团成员, 专门委员会负责人, 工会委员会委员, other. */
export const ROLL_CAPACITIES = ['delegation_leader', 'presidium', 'committee_chair', 'union_committee', 'other'] as const;
export type RollCapacity = (typeof ROLL_CAPACITIES)[number];

/** 待大会确认 → 已确认 / 未确认 (by the next plenary's confirmation ballot). */
export const JOINT_DECISION_STATES = ['pending', 'confirmed', 'not_confirmed'] as const;
export type JointDecisionState = (typeof JOINT_DECISION_STATES)[number];

export const rollInput = z
  .object({
    members: z
      .array(z.object({ memberId: z.string().min(1).max(64), capacity: z.enum(ROLL_CAPACITIES) }).strict())
      .max(2000)
      .refine((members) => new Set(members.map((member) => member.memberId)).size === members.length, { message: 'each member once' }),
  })
  .strict();
export type RollInput = z.infer<typeof rollInput>;

export const rollView = z
  .object({
    meetingId: z.string(),
    members: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        staffNumber: z.string(),
        delegationName: z.string().nullable(),
        capacity: z.enum(ROLL_CAPACITIES),
      }),
    ),
    quorum: z.object({ numerator: z.number(), denominator: z.number(), required: z.number(), present: z.number(), eligible: z.number(), reached: z.boolean() }),
    decisionRule: z.enum(['present_majority', 'all_majority']),
  })
  .meta({ id: 'JointRoll' });

export const jointDecisionView = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    meetingTitle: z.string(),
    ballotId: z.string(),
    itemId: z.string(),
    title: z.string(),
    decidedAt: z.string(),
    state: z.enum(JOINT_DECISION_STATES),
    confirmationBallotId: z.string().nullable(),
    settledAt: z.string().nullable(),
  })
  .meta({ id: 'JointDecision' });
export type JointDecisionView = z.infer<typeof jointDecisionView>;

export const confirmationBallotInput = z.object({ meetingId: z.string().min(1).max(64) }).strict();
