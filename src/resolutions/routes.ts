// HTTP routes: a session's resolutions (决议), their text, and putting one to the vote.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { officerOf } from '../http/auth.js';
import { api, idParams, okResponse, responses } from '../http/routes.js';
import { docxResponse, sendPaper } from '../papers/paper-file.js';
import * as schemas from './schemas.js';
import * as service from './service.js';
import { putToBallot, type ResolutionDeps, watchResolutionBallots } from './voting.js';

export interface ResolutionRoutesOptions {
  context: ResolutionDeps & Pick<AppContext, 'paperWork'>;
}

const one = responses({ 200: z.object({ resolution: schemas.resolutionView }) });

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function resolutionRoutes(app: FastifyInstance, { context }: ResolutionRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['resolutions'];
  const unwatch = watchResolutionBallots(context);
  app.addHook('onClose', async () => unwatch());

  routes.get('/api/sessions/:sessionId/resolutions', {
    config: { permission: 'resolutions.read', errors: ['SESSION_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'The session’s resolutions (决议): their text, state and, once voted, the result clause written from the tally',
      params: schemas.sessionParams,
      response: responses({ 200: z.object({ resolutions: z.array(schemas.resolutionView) }) }),
    },
    handler: async (request) => ({ resolutions: await service.listResolutions(context, request.params.sessionId) }),
  });

  routes.get('/api/sessions/:sessionId/resolutions/docx', {
    config: { permission: 'resolutions.read', errors: ['SESSION_NOT_FOUND', 'RESOLUTION_PAPER_EMPTY', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: {
      tags,
      summary:
        'The session’s adopted resolutions (include=voted: every one voted on) as one .docx in the official layout (GB/T 9704-2012), each on its own page with its title, subtitle （…通过）, text, result clause, signature and date',
      params: schemas.sessionParams,
      querystring: schemas.paperQuery,
      response: docxResponse,
    },
    handler: async (request, reply) => sendPaper(reply, await service.sessionResolutionsDocx(context, request.params.sessionId, request.query.include)),
  });

  routes.post('/api/sessions/:sessionId/resolutions', {
    config: { permission: 'resolutions.manage', errors: ['SESSION_NOT_FOUND', 'DOCUMENT_NOT_FOUND', 'RESOLUTION_DOCUMENT_INVALID', 'MEETING_NOT_FOUND', 'RESOLUTION_BALLOT_INVALID'] },
    schema: {
      tags,
      summary: 'Draft a resolution from the session’s figures (应到, 实到, the document and its consultation rounds), about a document of the term or a free-standing subject',
      params: schemas.sessionParams,
      body: schemas.resolutionInput,
      response: responses({ 201: z.object({ resolution: schemas.resolutionView }) }),
    },
    handler: async (request, reply) => {
      const resolution = await service.createResolution(context, officerOf(request), request.params.sessionId, request.body);
      return reply.code(201).send({ resolution });
    },
  });

  routes.get('/api/resolutions/:id', {
    config: { permission: 'resolutions.read', errors: ['RESOLUTION_NOT_FOUND'] },
    schema: { tags, summary: 'One resolution', params: idParams, response: one },
    handler: async (request) => ({ resolution: await service.getResolution(context, request.params.id) }),
  });

  routes.get('/api/resolutions/:id/docx', {
    config: { permission: 'resolutions.read', errors: ['RESOLUTION_NOT_FOUND', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: {
      tags,
      summary: 'One resolution as a .docx in the official layout (GB/T 9704-2012): adopted, voted down, or a draft subtitled （草案）',
      params: idParams,
      response: docxResponse,
    },
    handler: async (request, reply) => sendPaper(reply, await service.resolutionDocx(context, request.params.id)),
  });

  routes.patch('/api/resolutions/:id', {
    config: { permission: 'resolutions.manage', errors: ['RESOLUTION_NOT_FOUND', 'RESOLUTION_FROZEN'] },
    schema: {
      tags,
      summary: 'Edit the title or body while the resolution is a draft or on a draft ballot; refused (RESOLUTION_FROZEN) from the moment its ballot opens',
      params: idParams,
      body: schemas.resolutionPatch,
      response: one,
    },
    handler: async (request) => ({ resolution: await service.updateResolution(context, officerOf(request), request.params.id, request.body) }),
  });

  routes.delete('/api/resolutions/:id', {
    config: { permission: 'resolutions.manage', errors: ['RESOLUTION_NOT_FOUND', 'RESOLUTION_ON_BALLOT'] },
    schema: { tags, summary: 'Delete a resolution that is on no ballot and was never voted', params: idParams, response: responses({ 200: okResponse }) },
    handler: async (request) => {
      await service.deleteResolution(context, officerOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  routes.post('/api/resolutions/:id/redraft', {
    config: { permission: 'resolutions.manage', errors: ['RESOLUTION_NOT_FOUND', 'RESOLUTION_FROZEN', 'MEETING_NOT_FOUND', 'RESOLUTION_BALLOT_INVALID'] },
    schema: {
      tags,
      summary: 'Draft the title and body again from the figures as they stand now (the edits are replaced); refused once its ballot opened',
      params: idParams,
      body: schemas.redraftInput.nullable(),
      response: one,
    },
    // A POST without a body arrives as null: re-drafting needs no options.
    handler: async (request) => ({ resolution: await service.redraftResolution(context, officerOf(request), request.params.id, request.body?.meetingId) }),
  });

  routes.post('/api/resolutions/:id/ballot', {
    config: {
      permission: 'resolutions.manage',
      errors: ['RESOLUTION_NOT_FOUND', 'RESOLUTION_ON_BALLOT', 'RESOLUTION_BALLOT_INVALID', 'MEETING_NOT_FOUND', 'MEETING_STATE', 'BALLOT_NOT_FOUND', 'BALLOT_STATE'],
    },
    schema: {
      tags,
      summary:
        '付诸表决: an approval item (赞成/反对/弃权, the term’s passing rule) bound to the resolution, in a new draft ballot of a plenary sitting of its session or added to a draft ballot of one',
      params: idParams,
      body: schemas.ballotInput,
      response: one,
    },
    handler: async (request) => {
      await putToBallot(context, officerOf(request), request.params.id, request.body);
      return { resolution: await service.getResolution(context, request.params.id) };
    },
  });
}
