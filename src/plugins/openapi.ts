// The OpenAPI document (GET /api/openapi.json) and its browsable docs. Shapes come from the routes'
// zod schemas; who may call a route (`security`) and every error code it can answer with are
// derived here, in one place, from the route's declared permission, its schema and its own list of
// domain errors (`config.errors`), so no route writes either by hand.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { type Permission, PERMISSIONS, type Rule } from '../access/permissions.js';
import { type ErrorCode, errorBody, statusOf } from '../errors.js';
import { isEssentialWrite } from '../storage/guard.js';
import { MEMBER_COOKIE, OFFICER_COOKIE } from '../http/auth.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The domain errors the route's service can answer with; the generic ones are added centrally. */
    errors?: readonly ErrorCode[];
  }
}

export const SECURITY_SCHEMES = {
  officerCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: OFFICER_COOKIE,
    description:
      'An officer’s session (secretary, scrutineer, handler, committee), set by POST /api/auth/login. A state change sent from another site’s page (Origin or Sec-Fetch-Site says so) is refused with CSRF_REJECTED.',
  },
  memberCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: MEMBER_COOKIE,
    description: 'A representative’s or attendee’s session, set by POST /api/join with their personal code.',
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A session token as `Authorization: Bearer <token>`, for clients that keep no cookies: POST /api/join with `issueToken: true` returns a member’s in its body; an officer’s is the value of the yishi_officer cookie POST /api/auth/login sets. POST /api/auth/logout with the header ends it. A request with an Authorization header is judged by it alone, never by its cookies.',
  },
  displayToken: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'A meeting’s projector (大屏) as `Authorization: Display <token>`, the token from POST /api/meetings/{id}/display-token. It may only follow that meeting.',
  },
} as const;

type SchemeName = keyof typeof SECURITY_SCHEMES;

/** Which ways of signing in can carry a permission: an operation's `security`, from the one table. */
export function securityOf(permission: Permission): Partial<Record<SchemeName, string[]>>[] {
  const rule: Rule = PERMISSIONS[permission];
  if (rule.everyone) return [];
  const schemes: SchemeName[] = [];
  if (rule.accounts?.length) schemes.push('officerCookie');
  if (rule.members?.length) schemes.push('memberCookie');
  if (rule.accounts?.length || rule.members?.length) schemes.push('bearer');
  if (rule.display) schemes.push('displayToken');
  return schemes.map((scheme) => ({ [scheme]: [] }));
}

function describePermission(permission: Permission): string {
  const rule: Rule = PERMISSIONS[permission];
  if (rule.everyone) return `Permission \`${permission}\`: anyone, signed in or not.`;
  const who = [...(rule.accounts ?? []), ...(rule.members ?? []), ...(rule.display ? ['the meeting’s display'] : [])];
  return `Permission \`${permission}\`: ${who.join(', ')}.`;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface DocumentOptions {
  /** Whether the per-address rate limit is on (RATE_LIMIT_PER_MINUTE > 0): every route may answer 429. */
  rateLimited: boolean;
}

/** Every error code a route can answer with: the generic ones its shape implies, then its own. */
export function errorCodesOf(route: Pick<RouteOptions, 'method' | 'url' | 'schema' | 'config'>, options: DocumentOptions): ErrorCode[] {
  const method = String(route.method).toUpperCase();
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const permission = route.config?.permission;
  const codes: ErrorCode[] = [];
  // A write that loses a race with another on a unique key (src/db/constraints.ts).
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) codes.push('CSRF_REJECTED', 'CONCURRENT_CHANGE');
  const rule: Rule | undefined = permission ? PERMISSIONS[permission] : undefined;
  if (rule && !rule.everyone) {
    codes.push('UNAUTHENTICATED', 'FORBIDDEN');
    if (rule.memberRefusal) codes.push(rule.memberRefusal);
  }
  if (schema.params || schema.querystring || schema.body || schema.headers) codes.push('VALIDATION_FAILED');
  if (BODY_METHODS.has(method)) codes.push('BAD_JSON', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE');
  if (!isEssentialWrite(method, route.url)) codes.push('STORAGE_RESERVED');
  if (options.rateLimited) codes.push('RATE_LIMITED');
  codes.push(...(route.config?.errors ?? []), 'INTERNAL');
  return [...new Set(codes)];
}

/** The error responses of a route, one per status, each listing the codes it can carry. */
function errorResponses(codes: readonly ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);
  const responses: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: list.map((code) => `\`${code}\`: ${errorBody(code).messageEn}`).join('; '),
      content: {
        'application/json': {
          schema: {
            allOf: [{ $ref: '#/components/schemas/ErrorEnvelope' }, { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: list } } }],
          },
        },
      },
    };
  }
  return responses;
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };

/** fastify-type-provider-zod's transform, then security and error answers from the route itself. */
export function documentTransform(options: DocumentOptions) {
  return (input: TransformInput) => {
    const { schema, url } = jsonSchemaTransform(input);
    const route = input.route;
    if (!schema || (schema as { hide?: boolean }).hide) return { schema, url };
    const permission = route.config?.permission;
    const success = Object.fromEntries(Object.entries((schema as { response?: Record<string, unknown> }).response ?? {}).filter(([status]) => Number(status) < 400));
    return {
      url,
      schema: {
        ...schema,
        ...(permission ? { security: securityOf(permission), 'x-permission': permission } : {}),
        description: [(schema as { description?: string }).description, permission ? describePermission(permission) : undefined].filter(Boolean).join('\n\n'),
        response: { ...success, ...errorResponses(errorCodesOf(route, options)) },
      },
    };
  };
}

export async function registerOpenApi(app: FastifyInstance, options: DocumentOptions): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Yishi 议事 API',
        description:
          'Meetings, rosters, check-in, secret ballots, motions and documents for staff representative congresses. ' +
          'Every error is one envelope `{ code, message, messageZh, messageEn, details? }`; each operation lists the codes it can answer with, by status.',
        version: '0.1.0',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: documentTransform(options),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
