// zod schemas for the credentials report (代表资格审查报告): its figures, rule checks and paragraphs,
// and its adoption by a ballot of the session's preparatory meeting.
import { z } from 'zod';
import { idSchema } from '../http/routes.js';
import { CATEGORY_TAGS, fractionSchema } from '../roster/term-rules.js';

const categoryCounts = z.record(z.enum(CATEGORY_TAGS), z.number().int());

export const ruleCheck = z
  .object({
    rule: z.enum(['composition.minRepresentatives', 'composition.frontLineMin', 'composition.managersMax', 'composition.workforceWomenShare', 'composition.attendeesMax']),
    subject: z.string().describe('What is counted, in Chinese (中层以上管理人员, 列席代表, …)'),
    bound: z.enum(['atLeast', 'atMost']),
    share: fractionSchema.nullable().describe('The share of the representatives the rule names; null for the fewest representatives'),
    shareText: z.string().nullable().describe('The share as written: 20%, 三分之二'),
    base: z.number().int().describe('The representatives the share is of'),
    required: z.number().int().describe('The bound in people, in exact integers: at most ⌊share × base⌋, at least ⌈share × base⌉'),
    actual: z.number().int(),
    met: z.boolean(),
    wording: z.string().describe('The rule’s Chinese wording'),
    source: z.string().describe('Where the default comes from ([law], [practice], [unverified])'),
  })
  .meta({ id: 'CredentialsRuleCheck' });

export const credentialsFigures = z
  .object({
    representatives: z.number().int(),
    attendees: z.number().int(),
    categories: z.array(
      z.object({
        tag: z.enum(CATEGORY_TAGS),
        representatives: z.number().int(),
        attendees: z.number().int(),
        percent: z.string().describe('Of the representatives, one decimal: 16.4%'),
      }),
    ),
    delegations: z.array(z.object({ delegationId: z.string().nullable(), name: z.string(), representatives: z.number().int(), attendees: z.number().int(), categories: categoryCounts })),
    checks: z.array(ruleCheck),
    allMet: z.boolean(),
    paragraphs: z.array(z.string()).describe('The report’s text, one paragraph each'),
  })
  .meta({ id: 'CredentialsFigures' });

export const credentialsReport = z
  .object({
    sessionId: z.string(),
    termId: z.string(),
    title: z.string().describe('第三届第二次职工代表大会代表资格审查报告'),
    preparatoryMeetingId: z.string().nullable().describe('The sitting that adopts the report'),
    current: credentialsFigures.describe('Computed from the roster now'),
    adopted: z
      .object({
        at: z.string(),
        ballotId: z.string(),
        ballotTitle: z.string(),
        report: credentialsFigures.describe('As it stood at adoption'),
        rosterChanged: z.boolean().describe('Whether the roster (who, role, delegation, tags) changed since adoption'),
      })
      .nullable(),
  })
  .meta({ id: 'CredentialsReport' });

export const adoptInput = z
  .object({
    ballotId: idSchema.describe('A settled ballot of the session’s preparatory meeting whose approval item passed (a manual result is enough)'),
    itemId: z.string().max(64).optional().describe('Its approval item that adopts the report: needed when the sheet has several; an item serves one purpose only'),
  })
  .strict();
export const sessionParams = z.object({ sessionId: idSchema });

export type CredentialsFigures = z.infer<typeof credentialsFigures>;
export type CredentialsReport = z.infer<typeof credentialsReport>;
