// HTTP routes: personal access codes (issued, revoked, printed on the credential cards) and joining with one.
import type { FastifyInstance } from 'fastify';
import type { AttemptLimiter } from './attempt-limiter.js';
import { z } from 'zod';
import type { CoreContext } from '../context.js';
import { MEMBER_COOKIE, officerOf, setSessionCookie } from '../http/auth.js';
import { api, idParams, idSchema, okResponse, requestOrigin, responses } from '../http/routes.js';
import { issuedCode, memberRole } from '../roster/schemas.js';
import * as access from './service.js';

const termParams = z.object({ termId: idSchema });

export interface AccessRoutesOptions {
  context: CoreContext;
  /** Failed code attempts per address, shared with the socket handshake. */
  codeAttempts: AttemptLimiter;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function accessRoutes(app: FastifyInstance, { context, codeAttempts }: AccessRoutesOptions): Promise<void> {
  const routes = api(app);

  routes.post('/api/members/:id/code', {
    config: { permission: 'codes.manage', errors: ['MEMBER_NOT_FOUND'] },
    schema: { tags: ['access'], summary: 'Issue or reissue a personal access code (shown once)', params: idParams, response: responses({ 201: issuedCode }) },
    handler: async (request, reply) => reply.status(201).send(await access.issueCode(context, officerOf(request), request.params.id, requestOrigin(request))),
  });

  routes.delete('/api/members/:id/code', {
    config: { permission: 'codes.manage', errors: ['MEMBER_NOT_FOUND'] },
    schema: { tags: ['access'], summary: 'Revoke a personal access code', params: idParams, response: responses({ 200: okResponse }) },
    handler: async (request) => {
      await access.revokeCode(context, officerOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  routes.post('/api/terms/:termId/codes', {
    config: { permission: 'codes.manage', errors: ['TERM_NOT_FOUND'] },
    schema: {
      tags: ['access'],
      summary: 'Issue codes for the credential cards: to those without one, or to everyone',
      params: termParams,
      body: z
        .object({ scope: z.enum(['missing', 'all']).default('missing') })
        .strict()
        .nullable(),
      response: responses({ 201: z.object({ codes: z.array(issuedCode) }) }),
    },
    handler: async (request, reply) => {
      const actor = officerOf(request);
      // A POST without a body arrives as null: the default scope applies.
      return reply.status(201).send({ codes: await access.issueCodes(context, actor, request.params.termId, request.body?.scope ?? 'missing', requestOrigin(request)) });
    },
  });

  routes.post('/api/join', {
    config: { permission: 'public', errors: ['INVALID_CODE', 'TOO_MANY_ATTEMPTS'] },
    schema: {
      tags: ['access'],
      summary: 'A representative or attendee joins with their personal code',
      body: z.object({ code: z.string().min(1).max(64), issueToken: z.boolean().default(false) }).strict(),
      response: responses({ 200: z.object({ member: z.object({ memberId: z.string(), name: z.string(), role: memberRole }), token: z.string().optional() }), 429: z.any() }),
    },
    handler: async (request, reply) => {
      const { token, actor } = await access.startMemberSession(context, codeAttempts, request.ip, request.body.code);
      setSessionCookie(request, reply, context, MEMBER_COOKIE, token);
      return { member: { memberId: actor.memberId, name: actor.name, role: actor.role }, ...(request.body.issueToken ? { token } : {}) };
    },
  });
}
