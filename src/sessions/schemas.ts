// zod schemas for sessions (第N次会议): a term's preparatory meeting and plenary sittings, grouped.
import { z } from 'zod';
import { idSchema } from '../http/routes.js';

/** 例行 (a regular session, at least once a year) or 临时 (an extraordinary session, convened on a proposal). */
export const SESSION_KINDS = ['regular', 'extraordinary'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const sessionInput = z
  .object({
    number: z.number().int().min(1).max(99),
    kind: z.enum(SESSION_KINDS).default('regular'),
    title: z.string().trim().min(1).max(120).optional().describe('Defaults to 第N次会议 (第N次临时会议), N in Chinese numerals (第二次会议)'),
  })
  .strict();
export const sessionPatch = z.object({ title: z.string().trim().min(1).max(120) }).strict();

export const session = z
  .object({
    id: z.string(),
    termId: z.string(),
    number: z.number(),
    kind: z.enum(SESSION_KINDS),
    title: z.string(),
    createdAt: z.string(),
    closedAt: z.string().nullable().describe('When the session closed (闭幕); null while it runs'),
    meetingIds: z.array(z.string()).describe('Its sittings, oldest first: the preparatory meeting, then the plenary sittings'),
  })
  .meta({ id: 'Session' });

export const sessionCloseInput = z.object({ closedAt: z.iso.datetime({ offset: true }).optional().describe('When it closed; defaults to now') }).strict();

export const sessionParams = z.object({ sessionId: idSchema });

export type SessionInput = z.infer<typeof sessionInput>;
export type SessionPatch = z.infer<typeof sessionPatch>;
export type SessionCloseInput = z.infer<typeof sessionCloseInput>;
