// zod schemas for a session's agenda (议程).
import { z } from 'zod';
import { idSchema } from '../http/routes.js';

/**
 * 报告 a report (its material readable on the phone), 文件审议 the deliberation of a 二上二下 document
 * and its final vote, 表决 a ballot, 选举 an election, 提案工作报告 the motions work report (from the
 * tracker), 确认联席会议决定 the confirmation of joint-meeting decisions, 其他 anything else.
 */
export const AGENDA_ITEM_KINDS = ['report', 'document', 'ballot', 'election', 'motions_report', 'joint_confirmation', 'other'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const agendaItemInput = z
  .object({
    kind: z.enum(AGENDA_ITEM_KINDS),
    title: z.string().trim().min(1).max(200),
    presenter: z.string().trim().min(1).max(100).nullable().optional().describe('报告人 / 主持人'),
    material: z.string().max(200_000).nullable().optional().describe('Text readable on the phone'),
    documentId: idSchema.nullable().optional(),
    ballotId: idSchema.nullable().optional(),
    meetingId: idSchema.nullable().optional().describe('The sitting of this session that takes it up'),
  })
  .strict();
export type AgendaItemInput = z.infer<typeof agendaItemInput>;

const amendmentBallotId = idSchema.optional().describe('After adoption: the settled, passed ballot (of one of this session’s sittings) that amends the agenda; each serves once');

export const agendaItemCreate = agendaItemInput.extend({ amendmentBallotId });

export const agendaItemPatch = z
  .object({
    kind: z.enum(AGENDA_ITEM_KINDS).optional(),
    title: z.string().trim().min(1).max(200).optional(),
    presenter: z.string().trim().min(1).max(100).nullable().optional(),
    material: z.string().max(200_000).nullable().optional(),
    documentId: idSchema.nullable().optional(),
    ballotId: idSchema.nullable().optional(),
    meetingId: idSchema.nullable().optional(),
    amendmentBallotId,
  })
  .strict();
export type AgendaItemPatch = z.infer<typeof agendaItemPatch>;

export const agendaOrder = z.object({ itemIds: z.array(idSchema).max(500).describe('Every item of the agenda, in the new order'), amendmentBallotId }).strict();
export const agendaAdoption = z
  .object({
    ballotId: idSchema.describe('A settled, passed ballot of the preparatory meeting (a show of hands will do)'),
    itemId: z.string().max(64).optional().describe('Its approval item that adopts the agenda: needed when the sheet has several; an item serves one purpose only'),
  })
  .strict();
export const amendmentQuery = z.object({ amendmentBallotId }).strict();
export const currentItemInput = z.object({ itemId: idSchema.nullable().describe('null: between items') }).strict();

export const sessionParams = z.object({ sessionId: idSchema });

export const agendaItem = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    position: z.number().int(),
    kind: z.enum(AGENDA_ITEM_KINDS),
    title: z.string(),
    presenter: z.string().nullable(),
    material: z.string().nullable().describe('The text; for a motions work report, written from the tracker when read'),
    documentId: z.string().nullable(),
    ballotId: z.string().nullable(),
    meetingId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AgendaItem' });

export const agenda = z
  .object({
    sessionId: z.string(),
    adoptedAt: z.string().nullable(),
    adoptedBallotId: z.string().nullable(),
    items: z.array(agendaItem),
  })
  .meta({ id: 'Agenda' });

/** What the screens of a sitting hold: titles and the titles of materials, never a whole material. */
export const agendaMaterial = z.object({ kind: z.enum(['text', 'document', 'ballot', 'report']), title: z.string() });
export const liveAgenda = z
  .object({
    sessionId: z.string(),
    sessionTitle: z.string(),
    adoptedAt: z.string().nullable(),
    items: z.array(
      z.object({
        id: z.string(),
        position: z.number().int(),
        kind: z.enum(AGENDA_ITEM_KINDS),
        title: z.string(),
        presenter: z.string().nullable(),
        meetingId: z.string().nullable(),
        ballotId: z.string().nullable(),
        documentId: z.string().nullable(),
        materials: z.array(agendaMaterial).describe('Titles only: GET /api/agenda-items/:id gives the text'),
      }),
    ),
  })
  .meta({ id: 'LiveAgenda' });
export type LiveAgenda = z.infer<typeof liveAgenda>;
