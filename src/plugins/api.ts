// Shared pieces for routes: the zod type provider, the error envelope schema, common params.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../roster/schemas.js';

export const errorEnvelope = z.object({
  code: z.string(),
  message: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
  details: z.unknown().optional(),
});

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

/** Adds the standard error responses to a route's schema for the OpenAPI document. */
export function responses<T extends Record<number, z.ZodType>>(success: T) {
  return { ...success, 400: errorEnvelope, 401: errorEnvelope, 403: errorEnvelope, 404: errorEnvelope, 409: errorEnvelope };
}
