// zod schemas for what follows a session's close (issue 13): the notice, the report, their status.
import { z } from 'zod';
import { isoTime } from '../http/routes.js';
import { isoDay } from '../roster/term-rules.js';
import { AFTERMATH_WARNINGS } from './status.js';

export const noticePublishInput = z
  .object({
    publishedAt: isoTime.optional().describe('When it was posted; defaults to now'),
    postedDays: z.number().int().min(1).max(365).optional().describe('Days it stays posted; defaults to the term’s rule (15) and may not be fewer'),
  })
  .strict();
export const noticeWithdrawInput = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
export const reportSentInput = z
  .object({
    sentOn: isoDay.describe('The day it was sent (2026-12-10)'),
    sentTo: z.string().trim().min(1).max(120).describe('The body it went to, e.g. XX市总工会'),
  })
  .strict();

export const aftermathStatus = z
  .object({
    sessionId: z.string(),
    title: z.string(),
    closedAt: z.string().nullable(),
    closedOn: z.string().nullable(),
    notice: z.object({
      state: z.enum(['unpublished', 'posted', 'expired', 'taken_down']),
      publishBy: z.string().nullable(),
      publishedAt: z.string().nullable(),
      publishedOn: z.string().nullable(),
      postedUntil: z.string().nullable(),
      takenDownOn: z.string().nullable(),
      takeDownReason: z.string().nullable(),
      takenDownEarly: z.boolean(),
    }),
    report: z.object({ dueOn: z.string().nullable(), sentOn: z.string().nullable(), sentTo: z.string().nullable(), overdue: z.boolean() }),
    warnings: z.array(z.enum(AFTERMATH_WARNINGS)),
  })
  .meta({ id: 'SessionAftermath' });

/** A resolution (决议) as the notice and the report list it; filled by the resolutions domain when it lands. */

export const sittingMotion = z.object({
  number: z.string().nullable(),
  subject: z.string(),
  category: z.string(),
  categoryName: z.string(),
  state: z.string(),
  stateName: z.string(),
  leadDepartment: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});

export const paperBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string(), indent: z.boolean().optional(), align: z.enum(['left', 'center', 'right']).optional() }),
  z.object({ kind: z.literal('table'), header: z.array(z.string()), rows: z.array(z.array(z.string())), widths: z.array(z.number()).optional() }),
  // Rows packed into one string (src/papers/packed-rows.ts); only the archive's long lists use it.
  z.object({ kind: z.literal('packedTable'), header: z.array(z.string()), packed: z.string(), widths: z.array(z.number()).optional() }),
  z.object({ kind: z.literal('hash'), label: z.string(), lines: z.array(z.string()) }),
  z.object({ kind: z.literal('pageBreak') }),
  z.object({ kind: z.literal('title'), text: z.string(), subtitle: z.string().optional() }),
  z.object({ kind: z.literal('signature'), signature: z.string().optional(), date: z.string().optional() }),
]);
export const officialDocument = z
  .object({
    title: z.string(),
    subtitle: z.string().optional(),
    recipient: z.string().optional(),
    blocks: z.array(paperBlock),
    attachments: z.array(z.string()).optional(),
    signature: z.string().optional(),
    date: z.string().optional(),
    fileName: z.string(),
  })
  .meta({ id: 'OfficialDocument' });

export type NoticePublishInput = z.infer<typeof noticePublishInput>;
export type NoticeWithdrawInput = z.infer<typeof noticeWithdrawInput>;
export type ReportSentInput = z.infer<typeof reportSentInput>;
export type AftermathView = z.infer<typeof aftermathStatus>;
