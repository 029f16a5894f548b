// HTTP routes: proposals to convene an extraordinary session (临时会议), and signing them from the phones.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CoreContext } from '../context.js';
import { officerOf } from '../http/auth.js';
import { api, responses } from '../http/routes.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

export interface ExtraordinaryRoutesOptions {
  context: CoreContext;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function extraordinaryRoutes(app: FastifyInstance, { context }: ExtraordinaryRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['extraordinary'];

  routes.get('/api/terms/:termId/extraordinary-proposals', {
    config: { permission: 'extraordinary.read', errors: ['TERM_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'A term’s proposals to convene an extraordinary session (临时会议), newest first; members of the term see counts, officers also the signers',
      params: schemas.termParams,
      response: responses({ 200: z.object({ proposals: z.array(schemas.proposal) }) }),
    },
    handler: async (request) => ({ proposals: await service.listProposals(context, request.actor, request.params.termId) }),
  });

  routes.post('/api/terms/:termId/extraordinary-proposals', {
    config: { permission: 'extraordinary.manage', errors: ['TERM_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'Record the unit’s or the union’s proposal, or open the representatives’ signature collection',
      params: schemas.termParams,
      body: schemas.proposalInput,
      response: responses({ 201: schemas.proposalResponse }),
    },
    handler: async (request, reply) => reply.status(201).send({ proposal: await service.createProposal(context, officerOf(request), request.params.termId, request.body) }),
  });

  routes.get('/api/extraordinary-proposals/:id', {
    config: { permission: 'extraordinary.read', errors: ['EXTRAORDINARY_PROPOSAL_NOT_FOUND'] },
    schema: { tags, summary: 'A proposal: its signatures against the threshold', params: schemas.proposalParams, response: responses({ 200: schemas.proposalResponse }) },
    handler: async (request) => ({ proposal: await service.getProposal(context, request.actor, request.params.id) }),
  });

  routes.post('/api/extraordinary-proposals/:id/signatures', {
    config: { permission: 'extraordinary.sign', errors: ['EXTRAORDINARY_PROPOSAL_NOT_FOUND', 'EXTRAORDINARY_NOT_PETITION', 'EXTRAORDINARY_NOT_COLLECTING'] },
    schema: {
      tags,
      summary: 'A representative of the term signs the representatives’ proposal (once: signing again changes nothing)',
      params: schemas.proposalParams,
      response: responses({ 200: schemas.proposalResponse }),
    },
    handler: async (request) => ({ proposal: await service.sign(context, request.actor, request.params.id) }),
  });

  routes.delete('/api/extraordinary-proposals/:id/signatures/mine', {
    config: { permission: 'extraordinary.sign', errors: ['EXTRAORDINARY_PROPOSAL_NOT_FOUND', 'EXTRAORDINARY_NOT_PETITION', 'EXTRAORDINARY_NOT_COLLECTING'] },
    schema: { tags, summary: 'A representative withdraws their own signature while the proposal collects', params: schemas.proposalParams, response: responses({ 200: schemas.proposalResponse }) },
    handler: async (request) => ({ proposal: await service.unsign(context, request.actor, request.params.id) }),
  });

  routes.post('/api/extraordinary-proposals/:id/convene', {
    config: { permission: 'extraordinary.manage', errors: ['EXTRAORDINARY_PROPOSAL_NOT_FOUND', 'EXTRAORDINARY_NOT_COLLECTING', 'EXTRAORDINARY_THRESHOLD_NOT_REACHED', 'SESSION_EXISTS'] },
    schema: {
      tags,
      summary: 'Convene the extraordinary session: a session of kind extraordinary, linked to the proposal (a representatives’ proposal only at its threshold)',
      params: schemas.proposalParams,
      body: schemas.conveneInput,
      response: responses({ 201: schemas.convenedResponse }),
    },
    handler: async (request, reply) => reply.status(201).send(await service.convene(context, officerOf(request), request.params.id, request.body ?? {})),
  });

  routes.post('/api/extraordinary-proposals/:id/withdraw', {
    config: { permission: 'extraordinary.manage', errors: ['EXTRAORDINARY_PROPOSAL_NOT_FOUND', 'EXTRAORDINARY_NOT_COLLECTING'] },
    schema: { tags, summary: 'Withdraw a proposal not yet convened', params: schemas.proposalParams, response: responses({ 200: schemas.proposalResponse }) },
    handler: async (request) => ({ proposal: await service.withdrawProposal(context, officerOf(request), request.params.id) }),
  });

  routes.get('/api/sessions/:sessionId/proposal', {
    config: { permission: 'meetings.list', errors: [] },
    schema: {
      tags,
      summary: 'The proposal a session was convened on (who proposed the extraordinary session), or null',
      params: schemas.sessionParams,
      response: responses({ 200: z.object({ proposal: schemas.proposal.nullable() }) }),
    },
    handler: async (request) => ({ proposal: await service.proposalOfSession(context, request.actor, request.params.sessionId) }),
  });
}
