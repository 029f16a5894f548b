// zod schemas for motions (提案): request bodies, query strings and what each response carries.
import { z } from 'zod';
import { idSchema, isoTime, optionalNote, requiredText as text } from '../http/routes.js';
import { TRANSITION_ACTOR_KINDS } from '../state-machine.js';
import { MOTION_EVENTS, MOTION_STATES, RATINGS } from './workflow.js';

const reason = text(2000);

export const MOTION_CATEGORIES = ['operations', 'reform', 'welfare', 'safety', 'culture', 'other'] as const;
export const motionCategory = z.enum(MOTION_CATEGORIES).meta({ id: 'MotionCategory' });
export type MotionCategory = z.infer<typeof motionCategory>;
export const motionCategoryNames: Record<MotionCategory, string> = {
  operations: '生产经营',
  reform: '改革发展',
  welfare: '职工权益',
  safety: '安全生产',
  culture: '文化建设',
  other: '其他',
};

export const motionState = z.enum(MOTION_STATES).meta({ id: 'MotionState' });
/** How a department's reply answers the motion: A solved … D cannot be solved for now. */
export const REPLY_GRADES = ['A', 'B', 'C', 'D'] as const;
export const replyGrade = z.enum(REPLY_GRADES).meta({ id: 'ReplyGrade' });
export const rating = z.enum(RATINGS).meta({ id: 'ReplyRating' });
/** The committee's decision on a motion under review (立案, 合并, 转为议案, 不予立案). */
export const REVIEW_OUTCOMES = ['accepted', 'merged', 'resolution', 'not_accepted'] as const;
/** 主办 (lead) or 协办 (co-handling) department. */
export const ASSIGNMENT_ROLES = ['lead', 'co'] as const;

export const motionInput = z
  .object({
    subject: text(120).describe('案由'),
    reasons: text(10_000).describe('理由'),
    measures: text(10_000).describe('建议措施'),
    category: motionCategory,
    proposerMemberId: idSchema.optional().describe('Secretary only: the representative whose paper motion is being entered (代录)'),
  })
  .strict();
export const motionPatch = motionInput.omit({ proposerMemberId: true }).partial().strict();

export const motionSettingsInput = z
  .object({
    opensAt: isoTime.nullable().describe('提案征集开始'),
    closesAt: isoTime.nullable().describe('提案征集截止'),
    requiredSeconders: z.number().int().min(0).max(50).default(2),
    declineWindowDays: z.number().int().min(1).max(60).default(5),
    replyDeadlineDays: z.number().int().min(1).max(365).default(30),
    extensionMaxDays: z.number().int().min(1).max(365).default(30),
    numberYear: z.number().int().min(1949).max(2999).nullable().default(null).describe('Year in motion numbers; default: the year collection closes'),
  })
  .strict()
  .refine((settings) => !settings.opensAt || !settings.closesAt || Date.parse(settings.opensAt) < Date.parse(settings.closesAt), {
    message: 'collection must open before it closes',
    path: ['closesAt'],
  });

/** Bodies of the moves through the state machine, one per route. */
export const actionBodies = {
  submit: z.object({ note: optionalNote }).strict(),
  resubmit: z.object({ note: optionalNote }).strict(),
  withdraw: z.object({ note: optionalNote }).strict(),
  second: z.object({ memberId: idSchema.optional().describe('Secretary only: the seconder of a paper motion') }).strict(),
  accept: z.object({ note: optionalNote }).strict(),
  reject: z.object({ reason, convertToSuggestion: z.boolean().default(false).describe('转为意见建议') }).strict(),
  merge: z.object({ targetMotionId: idSchema, note: optionalNote }).strict(),
  return: z.object({ reason }).strict(),
  escalate: z.object({ note: optionalNote, ballotId: idSchema.optional().describe('An existing ballot to carry it; else a draft ballot is made') }).strict(),
  assign: z
    .object({
      leadDepartmentId: idSchema,
      coDepartmentIds: z.array(idSchema).max(20).default([]),
      deadline: isoTime.optional().describe('Reply deadline; default: now + the reply deadline setting'),
      note: optionalNote,
    })
    .strict()
    .refine((body) => !body.coDepartmentIds.includes(body.leadDepartmentId), { message: 'the lead department cannot also co-handle', path: ['coDepartmentIds'] }),
  decline: z.object({ reason }).strict(),
  extend: z.object({ reason, days: z.number().int().min(1).max(365) }).strict(),
  reply: z.object({ content: text(20_000), grade: replyGrade }).strict(),
  rate: z.object({ rating, comment: optionalNote }).strict(),
  resolve: z.object({ reason: optionalNote }).strict(),
} as const;

export type ActionName = keyof typeof actionBodies;
export type MotionAction = { [K in ActionName]: { action: K } & z.output<(typeof actionBodies)[K]> }[ActionName];

const yesNo = z.enum(['true', 'false']).transform((value) => value === 'true');

export const motionListQuery = z
  .object({
    meetingId: idSchema.optional(),
    state: z.union([motionState, z.array(motionState)]).optional(),
    category: motionCategory.optional(),
    departmentId: idSchema.optional(),
    q: z.string().trim().max(100).optional().describe('Full text over subject and content (Chinese-aware)'),
    overdue: yesNo.optional(),
    scope: z.enum(['mine', 'seconded', 'seconding']).optional().describe('Representatives: their own, those they seconded, or those open for seconding'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const dashboardQuery = z.object({ meetingId: idSchema.optional(), dueSoonDays: z.coerce.number().int().min(1).max(90).default(7) }).strict();
export const exportQuery = dashboardQuery.extend({ format: z.enum(['csv', 'xlsx', 'docx']).default('xlsx').describe('docx: the official layout (GB/T 9704-2012)') }).strict();

const person = z.object({ memberId: z.string(), name: z.string() });
const departmentRef = z.object({ id: z.string(), name: z.string() });

export const motionSettings = z
  .object({
    meetingId: z.string(),
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    requiredSeconders: z.number(),
    declineWindowDays: z.number(),
    replyDeadlineDays: z.number(),
    extensionMaxDays: z.number(),
    numberYear: z.number().nullable(),
    collecting: z.boolean(),
  })
  .meta({ id: 'MotionSettings' });

export const motionSummary = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    number: z.string().nullable(),
    subject: z.string(),
    category: motionCategory,
    state: motionState,
    stateName: z.string(),
    proposer: person,
    onPaper: z.boolean(),
    seconderCount: z.number(),
    leadDepartment: departmentRef.nullable(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    latestGrade: replyGrade.nullable(),
    latestRating: rating.nullable(),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MotionSummary' });

export const historyEntry = z
  .object({
    at: z.string(),
    event: z.string(),
    from: z.string(),
    to: z.string(),
    actor: z.object({ kind: z.enum(TRANSITION_ACTOR_KINDS), name: z.string() }),
    onBehalfOf: person.nullable(),
    note: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'MotionHistoryEntry' });

export const motionDetail = motionSummary
  .extend({
    reasons: z.string(),
    measures: z.string(),
    enteredBy: z.string().nullable(),
    seconders: z.array(person.extend({ secondedAt: z.string(), onPaper: z.boolean() })),
    proposers: z.array(person).describe('The proposer and the proposers of motions merged into this one'),
    mergedInto: z.object({ id: z.string(), number: z.string().nullable(), subject: z.string() }).nullable(),
    mergedFrom: z.array(z.object({ id: z.string(), number: z.string().nullable(), subject: z.string(), proposer: person, seconders: z.array(person) })),
    reviewOutcome: z.enum(REVIEW_OUTCOMES).nullable(),
    rejection: z.object({ reason: z.string(), convertedToSuggestion: z.boolean() }).nullable(),
    resolutionBallotId: z.string().nullable(),
    assignments: z.array(
      z.object({ department: departmentRef, role: z.enum(ASSIGNMENT_ROLES), assignedAt: z.string(), active: z.boolean(), declinedAt: z.string().nullable(), declineReason: z.string().nullable() }),
    ),
    extension: z.object({ days: z.number(), reason: z.string() }).nullable(),
    replies: z.array(
      z.object({
        round: z.number(),
        department: departmentRef,
        author: z.string(),
        content: z.string(),
        grade: replyGrade,
        repliedAt: z.string(),
        dueAt: z.string(),
        onTime: z.boolean(),
        rating: rating.nullable(),
        ratingComment: z.string().nullable(),
        ratedAt: z.string().nullable(),
      }),
    ),
    resolvedAt: z.string().nullable(),
    resolutionNote: z.string().nullable(),
    attachments: z.array(z.object({ id: z.string(), filename: z.string(), mediaType: z.string(), size: z.number(), uploadedAt: z.string() })),
    history: z.array(historyEntry),
    allowedEvents: z.array(z.enum(MOTION_EVENTS)).describe('What the asker may do next'),
  })
  .meta({ id: 'MotionDetail' });

const rate = z.object({ count: z.number(), of: z.number(), percent: z.number().nullable() });
const deadlineEntry = z.object({
  id: z.string(),
  number: z.string().nullable(),
  subject: z.string(),
  state: motionState,
  leadDepartment: departmentRef.nullable(),
  dueAt: z.string(),
  daysLeft: z.number(),
});

export const dashboard = z
  .object({
    asOf: z.string(),
    meetingId: z.string().nullable(),
    submitted: z.number(),
    byStatus: z.record(motionState, z.number()),
    byCategory: z.array(z.object({ category: motionCategory, name: z.string(), submitted: z.number(), accepted: z.number(), resolved: z.number() })),
    byDepartment: z.array(
      z.object({
        department: departmentRef,
        assigned: z.number(),
        replied: z.number(),
        repliedOnTime: z.number(),
        overdue: z.number(),
        resolved: z.number(),
        satisfied: z.number(),
        basicallySatisfied: z.number(),
        dissatisfied: z.number(),
      }),
    ),
    rates: z.object({ acceptance: rate, onTimeReply: rate, resolution: rate, satisfaction: rate, satisfactionWithBasic: rate }),
    overdue: z.array(deadlineEntry),
    dueSoon: z.array(deadlineEntry),
  })
  .meta({ id: 'MotionDashboard' });

export type MotionInput = z.infer<typeof motionInput>;
export type MotionPatch = z.infer<typeof motionPatch>;
export type MotionSettingsInput = z.infer<typeof motionSettingsInput>;
export type MotionListQuery = z.infer<typeof motionListQuery>;
export type MotionSummary = z.infer<typeof motionSummary>;
export type MotionDetail = z.infer<typeof motionDetail>;
export type Dashboard = z.infer<typeof dashboard>;
