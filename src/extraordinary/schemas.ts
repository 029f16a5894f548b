// zod schemas for proposals to convene an extraordinary session (临时会议) and their signatures.
import { z } from 'zod';
import { idSchema, requiredText } from '../http/routes.js';
import { session } from '../sessions/schemas.js';

/** Who may propose an extraordinary session: the unit (行政), the union (工会), or a share of the representatives. */
export const EXTRAORDINARY_PROPOSERS = ['unit', 'union', 'representatives'] as const;
export type ExtraordinaryProposer = (typeof EXTRAORDINARY_PROPOSERS)[number];

/** collecting: recorded (a representatives' proposal gathers signatures); convened: its session exists; withdrawn: dropped. */
export const EXTRAORDINARY_PROPOSAL_STATES = ['collecting', 'convened', 'withdrawn'] as const;
export type ExtraordinaryProposalState = (typeof EXTRAORDINARY_PROPOSAL_STATES)[number];

export const proposalInput = z
  .object({
    proposer: z.enum(EXTRAORDINARY_PROPOSERS),
    subject: requiredText(200).describe('What the extraordinary session is to decide (议题)'),
    reasons: requiredText(4000).describe('Why it cannot wait for the next regular session (理由)'),
  })
  .strict();

export const conveneInput = z
  .object({
    number: z.number().int().min(1).max(99).optional().describe('The session number; defaults to the term’s next'),
    title: z.string().trim().min(1).max(120).optional().describe('Defaults to 第N次临时会议, N in Chinese numerals (第三次临时会议)'),
  })
  .strict();

export const signer = z.object({ memberId: z.string(), name: z.string(), delegation: z.string().nullable(), signedAt: z.string() });

export const proposal = z
  .object({
    id: z.string(),
    termId: z.string(),
    proposer: z.enum(EXTRAORDINARY_PROPOSERS),
    subject: z.string(),
    reasons: z.string(),
    state: z.enum(EXTRAORDINARY_PROPOSAL_STATES),
    createdAt: z.string(),
    createdBy: z.string().describe('The officer who recorded it'),
    signatures: z.number().describe('Signatures gathered (representatives’ proposals; 0 otherwise)'),
    threshold: z.number().describe('Signatures needed: at least the term’s proposalShare of its representatives, rounded up'),
    representatives: z.number().describe('The term’s representatives, whom the threshold is a share of'),
    reached: z.boolean().describe('Whether it may be convened: always for the unit or the union, at the threshold for representatives'),
    signedByMe: z.boolean().nullable().describe('For a representative or attendee asking: whether they signed; null for officers'),
    signers: z.array(signer).nullable().describe('Who signed, oldest first: officers only (others see the count)'),
    sessionId: z.string().nullable(),
    convenedAt: z.string().nullable(),
    convenedBy: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: 'ExtraordinaryProposal' });

export const proposalParams = z.object({ id: idSchema });
export const termParams = z.object({ termId: idSchema });
export const sessionParams = z.object({ sessionId: idSchema });
export const proposalResponse = z.object({ proposal });
export const convenedResponse = z.object({ proposal, session });

export type ProposalInput = z.infer<typeof proposalInput>;
export type ConveneInput = z.infer<typeof conveneInput>;
export type Proposal = z.infer<typeof proposal>;
