// HTTP routes: a term's sessions (第N次会议).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CoreContext } from '../context.js';
import { api, idSchema, responses } from '../http/routes.js';
import { officerOf } from '../http/auth.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

export interface SessionRoutesOptions {
  context: CoreContext;
}

const termParams = z.object({ termId: idSchema });

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function sessionRoutes(app: FastifyInstance, { context }: SessionRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['sessions'];

  routes.get('/api/terms/:termId/sessions', {
    config: { permission: 'meetings.list', errors: ['TERM_NOT_FOUND'] },
    schema: { tags, summary: 'A term’s sessions (第N次会议), by number, each with its sittings', params: termParams, response: responses({ 200: z.object({ sessions: z.array(schemas.session) }) }) },
    handler: async (request) => ({ sessions: await service.listSessions(context, request.params.termId) }),
  });

  routes.post('/api/terms/:termId/sessions', {
    config: { permission: 'meeting.manage', errors: ['TERM_NOT_FOUND', 'SESSION_EXISTS'] },
    schema: {
      tags,
      summary: 'Create a session (regular or extraordinary); its sittings are meetings created with its sessionId',
      params: termParams,
      body: schemas.sessionInput,
      response: responses({ 201: z.object({ session: schemas.session }) }),
    },
    handler: async (request, reply) => reply.status(201).send({ session: await service.createSession(context, officerOf(request), request.params.termId, request.body) }),
  });

  routes.get('/api/sessions/:sessionId', {
    config: { permission: 'meetings.list', errors: ['SESSION_NOT_FOUND'] },
    schema: { tags, summary: 'A session and its sittings', params: schemas.sessionParams, response: responses({ 200: z.object({ session: schemas.session }) }) },
    handler: async (request) => ({ session: await service.presentSession(context, await service.getSession(context, request.params.sessionId)) }),
  });

  routes.patch('/api/sessions/:sessionId', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND'] },
    schema: { tags, summary: 'Rename a session', params: schemas.sessionParams, body: schemas.sessionPatch, response: responses({ 200: z.object({ session: schemas.session }) }) },
    handler: async (request) => ({ session: await service.updateSession(context, officerOf(request), request.params.sessionId, request.body) }),
  });

  routes.post('/api/sessions/:sessionId/close', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'SESSION_CLOSED', 'SESSION_SITTINGS_OPEN', 'SESSION_CLOSE_DATE_INVALID'] },
    schema: {
      tags,
      summary: 'Close the session (闭幕) once all its sittings have closed; the notice and report deadlines run from this date',
      params: schemas.sessionParams,
      body: schemas.sessionCloseInput.nullable(),
      response: responses({ 200: z.object({ session: schemas.session }) }),
    },
    handler: async (request) => ({ session: await service.closeSession(context, officerOf(request), request.params.sessionId, request.body ?? {}) }),
  });
}
