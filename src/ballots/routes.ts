// HTTP routes: ballot sheets, their life cycle, voting, receipts and results.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { getMeeting } from '../meetings/service.js';
import { api, errorEnvelope, idParams, idSchema, okResponse, responses } from '../http/routes.js';
import { itemIdSchema } from './kinds/parts.js';
import { officerOf } from '../http/auth.js';
import { publicBallotWithResolutions } from '../resolutions/schemas.js';
import { publishedResolutionsOfBallot } from '../resolutions/voting.js';
import { type PaperDeps, renderPaperPdf } from '../papers/render.js';
import { contentDisposition } from '../http/content-disposition.js';
import * as schemas from './api-schemas.js';
import { castVote, checkReceipt, publishedReceipts } from './casting.js';
import type { BallotDeps } from './service.js';
import * as service from './service.js';
import { createNewElection } from './new-election.js';
import { withdrawConfirmation } from './confirmations.js';
import { CONFIRMATION_STEPS } from './two-person.js';

const itemParams = z.object({ id: idSchema, itemId: itemIdSchema });

const ballotResponse = z.object({ ballot: schemas.ballotView });
/** Under two-person control (双人确认), a first officer's call: the half is recorded, the step waits. */
const awaitingResponse = z.object({ ballot: schemas.ballotView, awaiting: schemas.awaitingConfirmation });
const confirmationParams = z.object({ id: idSchema, step: z.enum(CONFIRMATION_STEPS) });

/** 200 with the ballot when the step was performed; 202 with what it awaits when only a half was recorded. */
function stepReply(reply: FastifyReply, outcome: service.StepOutcome) {
  return outcome.awaiting ? reply.status(202).send({ ballot: outcome.ballot, awaiting: outcome.awaiting }) : reply.status(200).send({ ballot: outcome.ballot });
}

export interface BallotRoutesOptions {
  context: BallotDeps & PaperDeps;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function ballotRoutes(app: FastifyInstance, { context }: BallotRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['ballots'];

  routes.get('/api/meetings/:id/ballots', {
    config: { permission: 'ballot.read', errors: ['MEETING_NOT_FOUND'] },
    schema: { tags, summary: 'Ballots of a meeting (drafts for officers only)', params: idParams, response: responses({ 200: z.object({ ballots: z.array(schemas.ballotView) }) }) },
    handler: async (request) => ({ ballots: await service.listBallotsFor(context, request.actor, await getMeeting(context, request.params.id)) }),
  });

  routes.post('/api/meetings/:id/ballots', {
    config: { permission: 'ballot.manage', errors: ['MEETING_NOT_FOUND', 'MEETING_STATE', 'STATUTORY_MATTER'] },
    schema: { tags, summary: 'Create a ballot sheet (draft) with one or more items', params: idParams, body: schemas.ballotInput, response: responses({ 201: ballotResponse }) },
    handler: async (request, reply) => reply.status(201).send({ ballot: await service.createBallot(context, officerOf(request), request.params.id, request.body) }),
  });

  routes.get('/api/ballots/:id', {
    config: { permission: 'ballot.read', errors: ['BALLOT_NOT_FOUND'] },
    schema: { tags, summary: 'A ballot: turnout while open, never a partial tally', params: idParams, response: responses({ 200: ballotResponse }) },
    handler: async (request) => ({ ballot: await service.getBallotFor(context, request.actor, request.params.id) }),
  });

  routes.patch('/api/ballots/:id', {
    config: { permission: 'ballot.manage', errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE', 'TELLER_IS_CANDIDATE', 'STATUTORY_MATTER'] },
    schema: { tags, summary: 'Edit a draft ballot', params: idParams, body: schemas.ballotPatch, response: responses({ 200: ballotResponse }) },
    handler: async (request) => ({ ballot: await service.updateBallot(context, officerOf(request), request.params.id, request.body) }),
  });

  routes.delete('/api/ballots/:id', {
    config: { permission: 'ballot.manage', errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE'] },
    schema: { tags, summary: 'Delete a draft ballot', params: idParams, response: responses({ 200: okResponse }) },
    handler: async (request) => {
      await service.deleteBallot(context, officerOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  routes.post('/api/ballots/:id/open', {
    config: {
      permission: 'ballot.confirm',
      errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE', 'MEETING_NOT_IN_SESSION', 'QUORUM_NOT_REACHED', 'DEADLINE_PASSED', 'TELLER_IS_CANDIDATE', 'STATUTORY_MATTER', 'CONFIRMATION_OPTIONS_DIFFER'],
    },
    schema: {
      tags,
      summary:
        'Open voting; needs quorum unless overridden (audited). Secretary; under the meeting’s two-person control (all) the secretary and a scrutineer each call it: the first gets 202 and what it awaits, the second opens (with the same options)',
      params: idParams,
      body: schemas.openBallotInput.nullable(),
      response: responses({ 200: ballotResponse, 202: awaitingResponse }),
    },
    // A POST without a body arrives as null: opening needs no options.
    handler: async (request, reply) => stepReply(reply, await service.openBallot(context, officerOf(request), request.params.id, request.body ?? { overrideQuorum: false })),
  });

  routes.post('/api/ballots/:id/close', {
    config: { permission: 'ballot.close', errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE', 'CLOSE_FAILED'] },
    schema: {
      tags,
      summary: 'Close voting and count (secretary or scrutineer); under two-person control (close_publish, all) the first of the two gets 202 and the other role’s call closes',
      params: idParams,
      response: responses({ 200: ballotResponse, 202: awaitingResponse }),
    },
    handler: async (request, reply) => stepReply(reply, await service.closeBallot(context, officerOf(request), request.params.id)),
  });

  routes.delete('/api/ballots/:id/confirmations/:step', {
    config: { permission: 'ballot.confirm', errors: ['BALLOT_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'Withdraw one’s own pending confirmation (two-person control) of a step; withdrawn: false if there was none',
      params: confirmationParams,
      response: responses({ 200: z.object({ ballot: schemas.ballotView, withdrawn: z.boolean() }) }),
    },
    handler: async (request) => {
      const { withdrawn } = await withdrawConfirmation(context, officerOf(request), request.params.id, request.params.step);
      return { ballot: await service.getBallotFor(context, request.actor, request.params.id), withdrawn };
    },
  });

  routes.put('/api/ballots/:id/manual-result', {
    config: { permission: 'ballot.manage', errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE', 'MANUAL_RESULT_INVALID', 'TELLER_IS_CANDIDATE', 'STATUTORY_MATTER'] },
    schema: { tags, summary: 'Enter the counts of a show of hands (举手表决) or paper ballot', params: idParams, body: schemas.manualResultInput, response: responses({ 200: ballotResponse }) },
    handler: async (request) => ({ ballot: await service.enterManualResult(context, officerOf(request), request.params.id, request.body) }),
  });

  routes.post('/api/ballots/:id/publish', {
    config: { permission: 'ballot.confirm', errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE', 'PAPER_COUNT_INCOMPLETE'] },
    schema: {
      tags,
      summary: 'Publish the result to everyone (secretary); under two-person control (close_publish, all) the secretary and a scrutineer each call it: the first gets 202, the second publishes',
      params: idParams,
      response: responses({ 200: ballotResponse, 202: awaitingResponse }),
    },
    handler: async (request, reply) => stepReply(reply, await service.publishBallot(context, officerOf(request), request.params.id)),
  });

  routes.post('/api/ballots/:id/revote', {
    config: { permission: 'ballot.manage', errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE', 'MEETING_STATE'] },
    schema: { tags, summary: 'Create a re-vote (重新表决) linked to this ballot', params: idParams, response: responses({ 201: ballotResponse }) },
    handler: async (request, reply) => reply.status(201).send({ ballot: await service.createRevote(context, officerOf(request), request.params.id) }),
  });

  routes.post('/api/ballots/:id/items/:itemId/new-election', {
    config: { permission: 'ballot.manage', errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE', 'MEETING_STATE', 'BALLOT_ITEM_NOT_FOUND', 'NOT_AN_ELECTION', 'NO_EMPTY_SEATS', 'NO_CANDIDATES_LEFT'] },
    schema: {
      tags,
      summary: 'Create a new election (另行选举) for the seats an election item of this counted ballot left empty, among its candidates not elected, under the same rule',
      params: itemParams,
      response: responses({ 201: ballotResponse }),
    },
    handler: async (request, reply) => reply.status(201).send({ ballot: await createNewElection(context, officerOf(request), request.params.id, request.params.itemId) }),
  });

  routes.post('/api/ballots/:id/votes', {
    config: {
      permission: 'ballot.cast',
      errors: [
        'BALLOT_NOT_FOUND',
        'BALLOT_NOT_OPEN',
        'BALLOT_CLOSED',
        'ALREADY_VOTED',
        'JOINT_NOT_ON_ROLL',
        'INVALID_ANSWER',
        'TOO_MANY_CHOICES',
        'UNKNOWN_OPTION',
        'DUPLICATE_CHOICE',
        'WRITE_IN_NOT_ALLOWED',
        'RECEIPT_CONFLICT',
        'STORAGE_FULL',
        'SERVER_BUSY',
        'SHUTTING_DOWN',
      ],
    },
    schema: {
      tags,
      summary: 'Cast a ballot (representative); answered once the vote is durable',
      params: idParams,
      body: schemas.castInput,
      response: responses({ 201: schemas.castAck, 503: z.any() }),
    },
    handler: async (request, reply) => reply.status(201).send(await castVote(context, request.actor, request.params.id, request.body)),
  });

  routes.post('/api/ballots/:id/receipts/check', {
    config: { permission: 'ballot.verify-receipt', errors: ['BALLOT_NOT_FOUND'] },
    schema: { tags, summary: 'Is this receipt in the ballot box?', params: idParams, body: schemas.receiptCheckInput, response: responses({ 200: z.object({ counted: z.boolean() }) }) },
    handler: async (request) => checkReceipt(context, request.actor, request.params.id, request.body.receipt),
  });

  routes.get('/api/ballots/:id/receipts', {
    config: { permission: 'public', errors: ['BALLOT_NOT_FOUND', 'NOT_PUBLISHED'] },
    schema: {
      tags,
      summary: 'The receipts of all counted ballots, sorted; published ballots only, public',
      params: idParams,
      response: responses({
        200: z.object({
          ballotId: z.string(),
          cast: z.number(),
          electronic: z.number().describe('Ballots cast on phones: the receipts listed number exactly these (paper ballots have none)'),
          receipts: z.array(z.string()),
        }),
      }),
    },
    handler: async (request) => publishedReceipts(context, request.params.id),
  });

  routes.get('/api/ballots/:id/named-votes', {
    config: { permission: 'ballot.named-votes', errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE'] },
    schema: {
      tags,
      summary: 'Who voted what on a named (记名) ballot, once closed; officers only',
      params: idParams,
      response: responses({ 200: z.object({ votes: z.array(z.object({ memberId: z.string(), name: z.string(), staffNumber: z.string(), answers: z.array(z.unknown()) })) }) }),
    },
    handler: async (request) => {
      return { votes: await service.namedVotes(context, request.params.id) };
    },
  });

  // A published notice never changes (unless the meeting is renamed: the key is the paper's words),
  // and the route is public: the last few are kept, so asking again does not queue the worker.
  const notices = new Map<string, Buffer>();
  const NOTICES_KEPT = 16;

  routes.get('/api/ballots/:id/notice.pdf', {
    config: { permission: 'public', errors: ['BALLOT_NOT_FOUND', 'PDF_FONT_MISSING', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: {
      tags: ['public'],
      summary: 'The result notice (表决结果公告) of a published ballot as PDF: what the public result shows, nothing more (a secret ballot: counts only)',
      params: idParams,
      response: { ...responses({ 200: z.any().describe('PDF (A4, embedded CJK font)') }), 503: errorEnvelope },
    },
    handler: async (request, reply) => {
      const { document } = await service.publishedNotice(context, request.params.id);
      const key = JSON.stringify(document);
      const pdf = notices.get(key) ?? (await renderPaperPdf(context, document));
      notices.delete(key);
      notices.set(key, pdf);
      if (notices.size > NOTICES_KEPT) notices.delete(notices.keys().next().value!);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${document.fileName}.pdf`))
        .send(pdf);
    },
  });

  routes.get('/api/public/ballots/:id', {
    config: { permission: 'public', errors: ['BALLOT_NOT_FOUND'] },
    schema: {
      tags: ['public'],
      summary: 'A published result, for the public notice (表决结果公告), with the full text of each resolution (决议) it decided',
      params: idParams,
      response: responses({ 200: publicBallotWithResolutions }),
    },
    handler: async (request) => {
      const ballot = await service.getBallot(context, request.params.id);
      return { ...(await service.publicResult(context, ballot)), resolutions: await publishedResolutionsOfBallot(context, ballot.id) };
    },
  });
}
