// What a route needs to know about who is asking: the session cookies, the asker on the request,
// the permission a route declares, and the officer or member it may assume once the hook has checked.
// Finding the asker and enforcing the permission is the app-level hook in src/plugins/auth.ts.
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../access/permissions.js';
import type { AccountActor, Actor, MemberActor } from '../actors.js';
import type { Config } from '../config.js';
import { fail } from '../errors.js';

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

/** Every sign-in session token a request carries (bearer, officer cookie, representative cookie). */
export function sessionTokensOf(request: FastifyRequest): string[] {
  const [scheme, bearer] = request.headers.authorization?.split(' ', 2) ?? [];
  const tokens = [scheme === 'Bearer' ? bearer : undefined, request.cookies[OFFICER_COOKIE], request.cookies[MEMBER_COOKIE]];
  return tokens.filter((token): token is string => Boolean(token) && token!.length <= 100);
}

/** The officer asking a route whose permission only officers hold (the hook has checked which). */
export function officerOf(request: FastifyRequest): AccountActor {
  return request.actor.kind === 'account' ? request.actor : fail('FORBIDDEN');
}

/** The representative or attendee asking a route whose permission only members hold. */
export function memberOf(request: FastifyRequest): MemberActor {
  return request.actor.kind === 'member' ? request.actor : fail('FORBIDDEN');
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, context: { config: Config }, name: string, token: string): void {
  const secure = context.config.COOKIE_SECURE === 'auto' ? request.protocol === 'https' : context.config.COOKIE_SECURE === 'true';
  void reply.setCookie(name, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: context.config.SESSION_HOURS * 3600 });
}

export function clearSessionCookie(reply: FastifyReply, name: string): void {
  void reply.clearCookie(name, { path: '/' });
}
