// Finds who is asking (officer cookie, representative cookie, bearer token or display token),
// refuses cross-site state changes that ride a cookie, and enforces each route's declared permission.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { memberForToken } from '../access/service.js';
import { accountForToken } from '../accounts/service.js';
import { authorize } from '../access/permissions.js';
import { ANONYMOUS, type Actor } from '../actors.js';
import type { AppContext } from '../context.js';
import { fail } from '../errors.js';
import { isCrossSite, MEMBER_COOKIE, OFFICER_COOKIE } from '../http/auth.js';
import { meetingForDisplayToken } from '../meetings/service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A state change must come from our own origin. */
function assertSameOrigin(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  // request.host is the Host header, or X-Forwarded-Host when TRUST_PROXY says the proxy is ours.
  if (isCrossSite(request.headers, request.host)) fail('CSRF_REJECTED');
}

export async function actorForToken(context: AppContext, token: string): Promise<Actor> {
  return (await accountForToken(context, token)) ?? (await memberForToken(context, token)) ?? ANONYMOUS;
}

export async function actorForDisplayToken(context: AppContext, token: string): Promise<Actor> {
  const meeting = await meetingForDisplayToken(context, token);
  return meeting ? { kind: 'display', meetingId: meeting.id } : ANONYMOUS;
}

async function resolveActor(context: AppContext, request: FastifyRequest): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const [scheme, token] = authorization.split(' ', 2);
    if (scheme === 'Bearer' && token) return actorForToken(context, token);
    if (scheme === 'Display' && token) return actorForDisplayToken(context, token);
    return ANONYMOUS;
  }
  const officer = request.cookies[OFFICER_COOKIE];
  if (officer) {
    const account = await accountForToken(context, officer);
    if (account) return account;
  }
  const member = request.cookies[MEMBER_COOKIE];
  if (member) return (await memberForToken(context, member)) ?? ANONYMOUS;
  return ANONYMOUS;
}

export function registerAuth(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest<Actor>('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    assertSameOrigin(request);
    request.actor = request.url.startsWith('/api/') ? await resolveActor(context, request) : ANONYMOUS;
  });
  // After the body is validated (a malformed request is still a 400 for everyone), before the handler.
  app.addHook('preHandler', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (permission) authorize(request.actor, permission);
  });
}
