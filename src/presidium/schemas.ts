// zod schemas for the presidium (主席团), presiding chairs (执行主席) and tellers (总监票人, 监票人, 计票人).
import { z } from 'zod';
import { idSchema } from '../http/routes.js';

/** How the presidium was elected: an election item's elected members, or an approval of the proposed list. */
export const PRESIDIUM_ELECTED_BY = ['election', 'approval'] as const;
/** 总监票人, 监票人, 计票人. */
export const TELLER_ROLES = ['chief_scrutineer', 'scrutineer', 'counter'] as const;
/** Named by the presidium, or elected by a ballot. */
export const TELLER_CHOSEN_BY = ['named', 'elected'] as const;
export type TellerRole = (typeof TELLER_ROLES)[number];

export const sessionParams = z.object({ sessionId: idSchema });

export const presidiumInput = z
  .object({ memberIds: z.array(idSchema).max(200).describe('The proposed list, in order: representatives of the session’s term') })
  .strict()
  .refine((input) => new Set(input.memberIds).size === input.memberIds.length, { message: 'a member is listed twice', path: ['memberIds'] });

export const electInput = z
  .object({
    ballotId: idSchema.describe('A settled ballot of the session’s preparatory meeting'),
    itemId: z.string().max(200).optional().describe('Which item decided it, when the ballot has more than one election or approval item'),
  })
  .strict();

const ruleCheck = z
  .object({
    rule: z.enum(['presidium.bands', 'presidium.frontLineMin']),
    met: z.boolean().nullable().describe('null: the rule sets nothing for this many representatives'),
    actual: z.number(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    text: z.string().describe('The check in words, e.g. 代表73人：主席团应为3至5人，现5人，符合'),
    sourceZh: z.string(),
    source: z.string(),
  })
  .meta({ id: 'PresidiumRuleCheck' });

const presidiumMember = z.object({
  memberId: z.string(),
  name: z.string(),
  delegationName: z.string().nullable(),
  tags: z.array(z.string()),
});

export const presidium = z
  .object({
    sessionId: z.string(),
    termId: z.string(),
    representatives: z.number().describe('Representatives of the term: the base of the size rule'),
    members: z.array(presidiumMember),
    elected: z
      .object({ ballotId: z.string(), itemId: z.string(), by: z.enum(PRESIDIUM_ELECTED_BY), at: z.string(), manual: z.boolean() })
      .nullable()
      .describe('null while the list is only proposed'),
    checks: z.array(ruleCheck),
  })
  .meta({ id: 'Presidium' });

export const presidingChairInput = z.object({ memberId: idSchema.nullable() }).strict();

export const tellerInput = z.object({ memberId: idSchema, role: z.enum(TELLER_ROLES) }).strict();
export const tellersInput = z
  .object({
    tellers: z.array(tellerInput).max(50),
    electedByBallotId: idSchema.optional().describe('When the tellers were elected: the settled election ballot that elected them'),
  })
  .strict()
  .refine((input) => new Set(input.tellers.map((teller) => teller.memberId)).size === input.tellers.length, { message: 'a member is listed twice', path: ['tellers'] });

export const teller = z
  .object({
    memberId: z.string(),
    name: z.string(),
    delegationName: z.string().nullable(),
    role: z.enum(TELLER_ROLES),
    chosenBy: z.enum(TELLER_CHOSEN_BY),
    electedByBallotId: z.string().nullable(),
  })
  .meta({ id: 'Teller' });

export type PresidiumInput = z.infer<typeof presidiumInput>;
export type ElectInput = z.infer<typeof electInput>;
export type TellersInput = z.infer<typeof tellersInput>;
export type PresidiumRuleCheck = z.infer<typeof ruleCheck>;
