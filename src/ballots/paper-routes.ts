// HTTP routes for paper ballots in an electronic ballot (纸电同步): issuing papers to named
// representatives (the secretary), and the tellers' count of the papers returned.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { officerOf } from '../http/auth.js';
import { api, idParams, idSchema, okResponse, responses } from '../http/routes.js';
import * as schemas from './api-schemas.js';
import { batchTotalsInput, INVALID_REASONS, paperInput } from './paper-rules.js';
import * as service from './paper-service.js';
import { PAPER_COUNT_STATES } from './paper-workflow.js';
import type { BallotDeps } from './service.js';

const issuedPapers = z
  .object({
    ballotId: z.string(),
    papers: z.array(z.object({ memberId: z.string(), name: z.string(), staffNumber: z.string(), serial: z.number().int(), issuedAt: z.string() })),
  })
  .meta({ id: 'IssuedPapers' });

const paperContent = z.union([z.object({ answers: z.array(z.unknown()) }), z.object({ invalid: z.enum(INVALID_REASONS) })]);
const enteredPaper = z.intersection(z.object({ id: z.string(), confirmed: z.boolean() }), paperContent);

const countStatus = z
  .object({
    ballotId: z.string(),
    state: z.enum(PAPER_COUNT_STATES).describe('none: no papers issued; voting: papers out, ballot not closed; counting: the tellers enter the papers; counted'),
    issued: z.number(),
    collected: z.number().nullable().describe('Papers taken out of the box (收回票数), as a teller declared'),
    collectedBy: z.string().nullable(),
    entered: z.number(),
    confirmed: z.number(),
    invalid: z.number(),
    batches: z.array(
      z.object({
        id: z.string(),
        number: z.number(),
        openedBy: z.string().nullable(),
        papers: z.number(),
        confirmed: z.number(),
        totalsConfirmedBy: z.string().nullable(),
        mine: z.array(enteredPaper).describe("The papers the asking teller entered in this batch (never another teller's)"),
      }),
    ),
  })
  .meta({ id: 'PaperCountStatus' });

const batchParams = z.object({ id: idSchema, batchId: idSchema });
const entryParams = z.object({ id: idSchema, entryId: idSchema });
const memberParams = z.object({ id: idSchema, memberId: idSchema });

export interface PaperRoutesOptions {
  context: BallotDeps;
}

export async function paperRoutes(app: FastifyInstance, { context }: PaperRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['paper ballots'];
  const counting = ['BALLOT_NOT_FOUND', 'PAPER_COUNT_STATE'] as const;

  routes.get('/api/ballots/:id/papers', {
    config: { permission: 'ballot.manage', errors: ['BALLOT_NOT_FOUND'] },
    schema: { tags, summary: 'The paper ballots issued, by serial, with their holders (secretary)', params: idParams, response: responses({ 200: issuedPapers }) },
    handler: async (request) => service.listIssuedPapers(context, request.params.id),
  });

  routes.post('/api/ballots/:id/papers', {
    config: {
      permission: 'ballot.manage',
      errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE', 'PAPER_NOT_FOR_NAMED', 'MEMBER_NOT_FOUND', 'NOT_ELIGIBLE', 'JOINT_NOT_ON_ROLL', 'PAPER_ALREADY_ISSUED'],
    },
    schema: {
      tags,
      summary: 'Issue numbered paper ballots to named representatives (all or none) while the ballot is a draft: they can no longer vote on a phone',
      params: idParams,
      // At most 2,000 in one call: the issue is one transaction, and votes on another open ballot wait for it.
      body: z.object({ memberIds: z.array(idSchema).min(1).max(2_000) }).strict(),
      response: responses({ 201: issuedPapers }),
    },
    handler: async (request, reply) => reply.status(201).send(await service.issuePapers(context, officerOf(request), request.params.id, request.body.memberIds)),
  });

  routes.delete('/api/ballots/:id/papers/:memberId', {
    config: { permission: 'ballot.manage', errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE', 'PAPER_NOT_FOR_NAMED', 'PAPER_NOT_ISSUED'] },
    schema: {
      tags,
      summary: 'Take back a paper before the ballot opens (audited with its reason): its holder may vote on a phone',
      params: memberParams,
      body: z.object({ reason: z.string().trim().min(1).max(500) }).strict(),
      response: responses({ 200: issuedPapers }),
    },
    handler: async (request) => service.takeBackPaper(context, officerOf(request), request.params.id, request.params.memberId, request.body.reason),
  });

  routes.get('/api/ballots/:id/paper-count', {
    config: { permission: 'ballot.paper-status', errors: ['BALLOT_NOT_FOUND'] },
    schema: { tags, summary: 'Where the paper count stands, in figures; a teller also gets the papers they entered', params: idParams, response: responses({ 200: countStatus }) },
    handler: async (request) => service.paperCountStatus(context, officerOf(request), request.params.id),
  });

  routes.put('/api/ballots/:id/paper-count/collected', {
    config: { permission: 'ballot.count-papers', errors: [...counting, 'PAPERS_EXCEED_COLLECTED'] },
    schema: {
      tags,
      summary: 'How many papers came out of the box (收回票数); more than issued voids the round',
      params: idParams,
      body: z.object({ collected: z.number().int().min(0).max(1_000_000) }).strict(),
      response: responses({ 200: countStatus }),
    },
    handler: async (request) => service.declareCollected(context, officerOf(request), request.params.id, request.body.collected),
  });

  routes.post('/api/ballots/:id/paper-count/batches', {
    config: { permission: 'ballot.count-papers', errors: [...counting] },
    schema: { tags, summary: 'Open a batch of returned papers to enter', params: idParams, response: responses({ 201: countStatus }) },
    handler: async (request, reply) => reply.status(201).send(await service.openBatch(context, officerOf(request), request.params.id)),
  });

  routes.post('/api/ballots/:id/paper-count/batches/:batchId/papers', {
    config: {
      permission: 'ballot.count-papers',
      errors: [
        ...counting,
        'PAPER_BATCH_NOT_FOUND',
        'PAPER_BATCH_CONFIRMED',
        'PAPERS_COLLECTED_UNKNOWN',
        'PAPERS_EXCEED_COLLECTED',
        'INVALID_ANSWER',
        'UNKNOWN_OPTION',
        'DUPLICATE_CHOICE',
        'WRITE_IN_NOT_ALLOWED',
      ],
    },
    schema: {
      tags,
      summary: 'Enter one returned paper: its answers (null where nothing is marked), or invalid (废票) with a reason. Marking more than allowed makes it invalid.',
      params: batchParams,
      body: paperInput,
      response: responses({ 201: enteredPaper }),
    },
    handler: async (request, reply) => reply.status(201).send(await service.enterPaper(context, officerOf(request), request.params.id, request.params.batchId, request.body)),
  });

  routes.delete('/api/ballots/:id/paper-count/papers/:entryId', {
    config: { permission: 'ballot.count-papers', errors: [...counting, 'PAPER_ENTRY_NOT_FOUND', 'PAPER_ENTRY_CONFIRMED'] },
    schema: { tags, summary: 'Take out an unconfirmed paper one entered (a slip)', params: entryParams, response: responses({ 200: okResponse }) },
    handler: async (request) => {
      await service.removePaper(context, officerOf(request), request.params.id, request.params.entryId);
      return { ok: true as const };
    },
  });

  routes.post('/api/ballots/:id/paper-count/batches/:batchId/check', {
    config: {
      permission: 'ballot.count-papers',
      errors: [...counting, 'PAPER_BATCH_NOT_FOUND', 'SAME_TELLER', 'PAPER_NOT_MATCHED', 'INVALID_ANSWER', 'UNKNOWN_OPTION', 'DUPLICATE_CHOICE', 'WRITE_IN_NOT_ALLOWED'],
    },
    schema: {
      tags,
      summary: "A second teller enters a paper again, blind: it confirms another teller's unconfirmed entry of the batch that says the same",
      params: batchParams,
      body: paperInput,
      response: responses({ 200: z.object({ confirmed: z.literal(true) }) }),
    },
    handler: async (request) => service.checkPaper(context, officerOf(request), request.params.id, request.params.batchId, request.body),
  });

  routes.post('/api/ballots/:id/paper-count/batches/:batchId/totals', {
    config: { permission: 'ballot.count-papers', errors: [...counting, 'PAPER_BATCH_NOT_FOUND', 'PAPER_BATCH_CONFIRMED', 'SAME_TELLER', 'PAPER_TOTALS_DIFFER', 'MANUAL_RESULT_INVALID'] },
    schema: {
      tags,
      summary: "A second teller's hand count of a batch: if it agrees with the entries, the whole batch is confirmed (only which totals differ is said, never the entries' own)",
      params: batchParams,
      body: batchTotalsInput,
      response: responses({ 200: countStatus }),
    },
    handler: async (request) => service.confirmBatchTotals(context, officerOf(request), request.params.id, request.params.batchId, request.body),
  });

  routes.post('/api/ballots/:id/paper-count/finish', {
    config: { permission: 'ballot.close', errors: [...counting, 'PAPERS_COLLECTED_UNKNOWN', 'PAPER_COUNT_INCOMPLETE'] },
    schema: {
      tags,
      summary: 'Count phones and papers as one ballot, once every returned paper is entered and confirmed (secretary or scrutineer)',
      params: idParams,
      response: responses({ 200: z.object({ ballot: schemas.ballotView }) }),
    },
    handler: async (request) => ({ ballot: await service.finishPaperCount(context, officerOf(request), request.params.id) }),
  });
}
