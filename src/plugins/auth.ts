// Finds who is asking (officer cookie, representative cookie, bearer token or display token) and
// refuses cross-site state changes that ride a cookie.
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { memberForToken } from '../access/service.js';
import { accountForToken } from '../accounts/service.js';
import { authorize, type Permission } from '../access/permissions.js';
import { type AccountActor, ANONYMOUS, type Actor, type MemberActor } from '../actors.js';
import type { AppContext } from '../context.js';
import { fail } from '../errors.js';
import { meetingForDisplayToken } from '../meetings/service.js';

export const OFFICER_COOKIE = 'yishi_officer';
export const MEMBER_COOKIE = 'yishi_member';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** Who may use the route, from the one table in src/access/permissions.ts; checked by registerAuth's hook. */
    permission?: Permission;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request was made by another site's page: browsers send Origin or Sec-Fetch-Site on every
 * cross-site POST and every WebSocket handshake. `host` is the host the hall reaches us by.
 */
export function isCrossSite(headers: IncomingHttpHeaders, host: string | undefined): boolean {
  if (headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

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

/** Every sign-in session token a request carries (bearer, officer cookie, representative cookie). */
export function sessionTokensOf(request: FastifyRequest): string[] {
  const [scheme, bearer] = request.headers.authorization?.split(' ', 2) ?? [];
  const tokens = [scheme === 'Bearer' ? bearer : undefined, request.cookies[OFFICER_COOKIE], request.cookies[MEMBER_COOKIE]];
  return tokens.filter((token): token is string => Boolean(token) && token!.length <= 100);
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

/** The officer asking a route whose permission only officers hold (the hook has checked which). */
export function officerOf(request: FastifyRequest): AccountActor {
  return request.actor.kind === 'account' ? request.actor : fail('FORBIDDEN');
}

/** The representative or attendee asking a route whose permission only members hold. */
export function memberOf(request: FastifyRequest): MemberActor {
  return request.actor.kind === 'member' ? request.actor : fail('FORBIDDEN');
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, context: AppContext, name: string, token: string): void {
  const secure = context.config.COOKIE_SECURE === 'auto' ? request.protocol === 'https' : context.config.COOKIE_SECURE === 'true';
  void reply.setCookie(name, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: context.config.SESSION_HOURS * 3600 });
}

export function clearSessionCookie(reply: FastifyReply, name: string): void {
  void reply.clearCookie(name, { path: '/' });
}
