// Shared pieces for every domain's routes: the zod type provider, the error envelope schema, common params.
// The http layer sits under the domains: it imports none of them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Every error answer; each operation in the OpenAPI document narrows `code` to the codes it can give. */
export const errorEnvelope = z
  .object({
    code: z.string().describe('Stable error code from the table in src/errors.ts'),
    message: z.string().describe('Chinese and English together'),
    messageZh: z.string(),
    messageEn: z.string(),
    details: z.unknown().optional().describe('What failed, for some codes (the invalid fields, the item of a ballot paper)'),
  })
  .meta({ id: 'ErrorEnvelope', example: { code: 'ALREADY_VOTED', message: '您已经投过票了 / You have already voted', messageZh: '您已经投过票了', messageEn: 'You have already voted' } });

/** Every id in a path or a body: what our ids are made of, and no longer than any we hand out. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const idParams = z.object({ id: idSchema });

/** Text a person must give (trimmed, not empty), a note they may give, and a moment with its offset. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalNote = z.string().trim().max(2000).optional();
export const isoTime = z.iso.datetime({ offset: true });
export const okResponse = z.object({ ok: z.literal(true) });

/**
 * Where the asker reached us (protocol and host, port included): the base of the links we hand out
 * when PUBLIC_URL is not set. Fastify reads X-Forwarded-Proto/-Host only when TRUST_PROXY is on.
 */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function api(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/**
 * Adds the error envelope to a route's schema for the common error statuses (how they are sent). The
 * OpenAPI document lists each route's real error statuses and codes instead, from src/plugins/openapi.ts.
 */
export function responses<T extends Record<number, z.ZodType>>(success: T) {
  return { ...success, 400: errorEnvelope, 401: errorEnvelope, 403: errorEnvelope, 404: errorEnvelope, 409: errorEnvelope };
}
