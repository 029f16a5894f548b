// HTTP routes: a session's credentials report (代表资格审查报告) and its adoption.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext, CoreContext } from '../context.js';
import { officerOf } from '../http/auth.js';
import { api, responses } from '../http/routes.js';
import { docxResponse, sendPaper } from '../papers/paper-file.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

export interface CredentialsRoutesOptions {
  context: CoreContext & Pick<AppContext, 'paperWork'>;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function credentialsRoutes(app: FastifyInstance, { context }: CredentialsRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['credentials'];

  routes.get('/api/sessions/:sessionId/credentials', {
    config: { permission: 'roster.read', errors: ['SESSION_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'The session’s credentials report (代表资格审查报告): the roster counted by delegation and category, each composition rule checked, its paragraphs, and the adopted report if any',
      params: schemas.sessionParams,
      response: responses({ 200: z.object({ report: schemas.credentialsReport }) }),
    },
    handler: async (request) => ({ report: await service.getCredentialsReport(context, request.params.sessionId) }),
  });

  routes.get('/api/sessions/:sessionId/credentials/docx', {
    config: { permission: 'roster.read', errors: ['SESSION_NOT_FOUND', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: {
      tags,
      summary: 'The credentials report as a .docx in the official layout (GB/T 9704-2012): the adopted figures once adopted, else the roster now',
      params: schemas.sessionParams,
      response: docxResponse,
    },
    handler: async (request, reply) => sendPaper(reply, await service.credentialsDocx(context, request.params.sessionId)),
  });

  routes.post('/api/sessions/:sessionId/credentials/adopt', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'BALLOT_NOT_FOUND', 'CREDENTIALS_BALLOT_INVALID', 'CREDENTIALS_NOT_ADOPTED'] },
    schema: {
      tags,
      summary: 'Record that the preparatory meeting adopted the credentials report, by a settled ballot whose approval passed (a show of hands is enough); keeps the figures as they stand now',
      params: schemas.sessionParams,
      body: schemas.adoptInput,
      response: responses({ 200: z.object({ report: schemas.credentialsReport }) }),
    },
    handler: async (request) => ({ report: await service.adoptCredentialsReport(context, officerOf(request), request.params.sessionId, request.body.ballotId, request.body.itemId) }),
  });
}
