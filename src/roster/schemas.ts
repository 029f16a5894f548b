// zod schemas for terms, delegations and the roster: request bodies and responses.
import { z } from 'zod';
import { MEMBER_ROLES } from '../actors.js';
import { idSchema } from '../http/routes.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const termInput = z.object({ number: z.number().int().min(1).max(999), title: text(100).optional() }).strict();
export const term = z.object({ id: z.string(), number: z.number(), title: z.string(), createdAt: z.string() }).meta({ id: 'Term' });

export const delegationInput = z.object({ name: text(60), leaderMemberId: idSchema.nullable().optional() }).strict();
export const delegationPatch = delegationInput.partial().strict();
export const delegation = z.object({ id: z.string(), termId: z.string(), name: z.string(), leaderMemberId: z.string().nullable() }).meta({ id: 'Delegation' });

export const memberRole = z.enum(MEMBER_ROLES);
export const memberInput = z
  .object({
    name: text(60),
    staffNumber: text(40),
    delegationId: idSchema.nullable().optional(),
    role: memberRole.default('representative'),
    tags: z.array(text(30)).max(20).optional(),
  })
  .strict();
export const memberPatch = memberInput.partial().strict();
export const member = z
  .object({
    id: z.string(),
    termId: z.string(),
    name: z.string(),
    staffNumber: z.string(),
    delegationId: z.string().nullable(),
    delegationName: z.string().nullable(),
    role: memberRole,
    tags: z.array(z.string()),
    hasCode: z.boolean().optional(),
  })
  .meta({ id: 'Member' });

export const issuedCode = z
  .object({
    memberId: z.string(),
    name: z.string(),
    staffNumber: z.string(),
    delegationName: z.string().nullable(),
    code: z.string().describe('Shown once: only its keyed hash is stored'),
    joinUrl: z.string().describe('The link the card’s QR code carries: /v/<code>'),
  })
  .meta({ id: 'IssuedCode' });

export type TermInput = z.infer<typeof termInput>;
export type DelegationInput = z.infer<typeof delegationInput>;
export type MemberInput = z.infer<typeof memberInput>;
export type MemberPatch = z.infer<typeof memberPatch>;
