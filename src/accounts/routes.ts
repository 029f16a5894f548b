// HTTP routes: officer sign-in, sessions and account management.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ACCOUNT_ROLES, MEMBER_ROLES } from '../actors.js';
import { api, idParams, idSchema, okResponse, responses } from '../http/routes.js';
import { clearSessionCookie, MEMBER_COOKIE, OFFICER_COOKIE, officerOf, sessionTokensOf, setSessionCookie } from '../http/auth.js';
import type { AccountDeps } from './service.js';
import * as service from './service.js';

const accountRole = z.enum(ACCOUNT_ROLES);
const account = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: accountRole,
    disabled: z.boolean().optional(),
    createdAt: z.string().optional(),
    departmentId: z.string().nullable().optional(),
  })
  .meta({ id: 'Account' });

/** Whoever the request carries: an officer, a representative or attendee, a projector, or nobody. */
const signedInActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anonymous') }),
  z.object({ kind: z.literal('account'), id: z.string(), username: z.string(), displayName: z.string(), role: accountRole }),
  z.object({ kind: z.literal('member'), memberId: z.string(), termId: z.string(), name: z.string(), role: z.enum(MEMBER_ROLES), delegationId: z.string().nullable() }),
  z.object({ kind: z.literal('display'), meetingId: z.string() }),
]);

export interface AccountRoutesOptions {
  context: AccountDeps;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function accountRoutes(app: FastifyInstance, { context }: AccountRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['accounts'];

  routes.post('/api/auth/login', {
    config: { permission: 'public', errors: ['BAD_CREDENTIALS', 'TOO_MANY_ATTEMPTS'] },
    schema: {
      tags,
      summary: 'Officer sign-in',
      body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }).strict(),
      response: responses({ 200: z.object({ account }) }),
    },
    handler: async (request, reply) => {
      const { token, account: signedIn } = await service.signIn(context, request.ip, request.body.username, request.body.password);
      setSessionCookie(request, reply, context, OFFICER_COOKIE, token);
      const { kind: _kind, ...rest } = signedIn;
      return { account: rest };
    },
  });

  routes.post('/api/auth/logout', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Sign out', response: responses({ 200: okResponse }) },
    handler: async (request, reply) => {
      // Whichever sessions the request carries end: an officer's, a representative's cookie, or a bearer token.
      for (const token of sessionTokensOf(request)) await service.signOut(context, token);
      clearSessionCookie(reply, OFFICER_COOKIE);
      clearSessionCookie(reply, MEMBER_COOKIE);
      return { ok: true as const };
    },
  });

  routes.get('/api/auth/me', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Who am I', response: responses({ 200: z.object({ actor: signedInActor }) }) },
    handler: async (request) => ({ actor: { ...request.actor } }),
  });

  routes.get('/api/accounts', {
    config: { permission: 'accounts.manage' },
    schema: { tags, summary: 'List officer accounts', response: responses({ 200: z.object({ accounts: z.array(account) }) }) },
    handler: async (_request) => {
      return { accounts: await service.listAccounts(context) };
    },
  });

  routes.post('/api/accounts', {
    config: { permission: 'accounts.manage', errors: ['USERNAME_TAKEN', 'DEPARTMENT_REQUIRED', 'DEPARTMENT_NOT_FOUND', 'DEPARTMENT_DISABLED'] },
    schema: {
      tags,
      summary: 'Create an officer account (secretary, scrutineer 监票人, …)',
      body: z
        .object({
          username: z
            .string()
            .trim()
            .min(1)
            .max(64)
            .regex(/^[\p{L}\p{N}_.@-]+$/u),
          displayName: z.string().trim().min(1).max(60).optional(),
          password: z.string().min(12).max(200),
          role: accountRole,
          departmentId: idSchema.nullable().optional().describe('Handlers (承办人) only: their department'),
        })
        .strict(),
      response: responses({ 201: z.object({ account }) }),
    },
    handler: async (request, reply) => {
      const actor = officerOf(request);
      const { kind: _kind, ...created } = await service.createAccount(context, actor, request.body);
      return reply.status(201).send({ account: { ...created, departmentId: request.body.departmentId ?? null } });
    },
  });

  routes.patch('/api/accounts/:id', {
    config: { permission: 'accounts.manage', errors: ['NOT_FOUND'] },
    schema: { tags, summary: 'Disable or enable an account', params: idParams, body: z.object({ disabled: z.boolean() }).strict(), response: responses({ 200: okResponse }) },
    handler: async (request) => {
      const actor = officerOf(request);
      await service.setAccountDisabled(context, actor, request.params.id, request.body.disabled);
      return { ok: true as const };
    },
  });
}
