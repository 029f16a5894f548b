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
