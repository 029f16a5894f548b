// zod schemas for resolutions (决议): creating, editing, putting to the vote, and what is shown.
import { z } from 'zod';
import { publicBallotResult } from '../ballots/api-schemas.js';
import { BALLOT_METHODS, BALLOT_SECRECIES } from '../ballots/workflow.js';
import { idSchema, requiredText } from '../http/routes.js';
import { RESOLUTION_OUTCOMES, RESOLUTION_PAPER_SCOPES, RESOLUTION_STATES } from './rules.js';

export const sessionParams = z.object({ sessionId: idSchema });

export const resolutionInput = z
  .object({
    documentId: idSchema.optional().describe('A 二上二下 document of the term the resolution is about: its title and consultation rounds go into the text'),
    subject: requiredText(200).optional().describe('What it is about, as the title names it (厂长工作报告); default the document’s title in 《》. One of the two is needed'),
    meetingId: idSchema.optional().describe('The plenary sitting whose attendance the text states; default the session’s last plenary sitting'),
  })
  .strict()
  .refine((input) => input.documentId !== undefined || input.subject !== undefined, { message: 'give documentId or subject' });

export const resolutionPatch = z
  .object({
    title: requiredText(300).optional(),
    body: requiredText(20000).optional().describe('The text before the result clause, which the vote writes'),
  })
  .strict()
  .refine((patch) => patch.title !== undefined || patch.body !== undefined, { message: 'nothing to change' });

export const redraftInput = z
  .object({ meetingId: idSchema.optional().describe('The plenary sitting whose attendance the text states; default the sitting it is voted at, else the session’s last') })
  .strict();

export const ballotInput = z
  .object({
    meetingId: idSchema.optional().describe('A plenary sitting of the session: a new draft ballot is made there. Give this or ballotId'),
    ballotId: idSchema.optional().describe('A draft ballot of a plenary sitting of the session to add the item to'),
    ballotTitle: requiredText(200).optional().describe('Title of a new ballot; default the resolution’s title'),
    secrecy: z.enum(BALLOT_SECRECIES).default('secret'),
    method: z.enum(BALLOT_METHODS).default('electronic'),
  })
  .strict()
  .refine((input) => (input.meetingId === undefined) !== (input.ballotId === undefined), { message: 'give meetingId or ballotId, not both' });

export const paperQuery = z.object({ include: z.enum(RESOLUTION_PAPER_SCOPES).default('adopted').describe('adopted (default): the adopted resolutions; voted: those voted down as well') }).strict();

export const resolutionView = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    documentId: z.string().nullable(),
    subject: z.string(),
    title: z.string(),
    body: z.string(),
    state: z.enum(RESOLUTION_STATES).describe('draft; on_ballot (an item of a draft ballot); voting (its ballot opened); adopted; not_adopted'),
    frozenAt: z.string().nullable().describe('When its ballot opened: the text is fixed from then on'),
    textSha256: z.string().nullable().describe('SHA-256 (hex) of the frozen title and body, joined by a blank line'),
    ballot: z.object({ ballotId: z.string(), itemId: z.string(), meetingId: z.string(), state: z.string() }).nullable().describe('The ballot item it is put to now (the last re-vote’s, if any)'),
    resultClause: z.string().nullable().describe('Written from the tally once the ballot is settled: 经无记名投票表决，应到代表…，本决议通过。'),
    votedAt: z.string().nullable().describe('When the ballot that decided it closed (the day its subtitle names), once adopted or not'),
    text: z.string().describe('The full text: the body, and the result clause once there is one'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Resolution' });

export const publicResolution = z
  .object({ id: z.string(), itemId: z.string(), title: z.string(), text: z.string(), outcome: z.enum(RESOLUTION_OUTCOMES), resultClause: z.string() })
  .meta({ id: 'PublishedResolution' });

/** A published result with the resolutions its items decided: the public notice of one ballot, alone or within its session's. */
export const publicBallotWithResolutions = publicBallotResult
  .extend({ resolutions: z.array(publicResolution).describe('The resolutions its items decided, each under its item (itemId), with the result clause') })
  .meta({ id: 'PublicBallotResult' });

export type ResolutionInput = z.infer<typeof resolutionInput>;
export type ResolutionPatch = z.infer<typeof resolutionPatch>;
export type ResolutionBallotInput = z.infer<typeof ballotInput>;
export type ResolutionView = z.infer<typeof resolutionView>;
export type PublicResolution = z.infer<typeof publicResolution>;
