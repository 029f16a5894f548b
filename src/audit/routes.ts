// HTTP routes: the audit log (secretary and scrutineer) and the health check.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { api, responses } from '../plugins/api.js';
import { idSchema } from '../roster/schemas.js';
import { readAuditLog } from './service.js';

const entry = z.object({ id: z.number(), at: z.string(), actor: z.string(), action: z.string(), meetingId: z.string().nullable(), ballotId: z.string().nullable(), detail: z.record(z.string(), z.unknown()) });

export function auditRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = api(app);

  routes.get('/api/audit', {
    config: { permission: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: 'Audit log of officer actions, newest first',
      querystring: z.object({ meetingId: idSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().min(1).optional() }),
      response: responses({ 200: z.object({ entries: z.array(entry) }) }),
    },
    handler: async (request) => {
      return { entries: await readAuditLog(context, request.query) };
    },
  });

  routes.get('/api/health', {
    config: { permission: 'public' },
    schema: { tags: ['health'], summary: 'Liveness and vote batching figures', response: { 200: z.object({ status: z.literal('ok'), voteBatches: z.object({ batches: z.number(), votes: z.number(), largest: z.number(), sizes: z.record(z.string(), z.number()) }) }) } },
    handler: async () => ({ status: 'ok' as const, voteBatches: context.votes.statistics }),
  });
}
