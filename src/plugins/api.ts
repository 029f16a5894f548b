// Shared pieces for routes: the zod type provider, the error envelope schema, common params.
import type { FastifyInstance } from 'fastify';
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
export const okResponse = z.object({ ok: z.literal(true) });

export function api(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Adds the standard error responses to a route's schema for the OpenAPI document. */
export function responses<T extends Record<number, z.ZodType>>(success: T) {
  return { ...success, 400: errorEnvelope, 401: errorEnvelope, 403: errorEnvelope, 404: errorEnvelope, 409: errorEnvelope };
}
