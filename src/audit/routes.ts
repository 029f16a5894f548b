// HTTP routes: the audit log (secretary and scrutineer) and the health check.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { api, idSchema, responses } from '../http/routes.js';
import { storageHealthSchema } from '../storage/routes.js';
import { storageHealth } from '../storage/service.js';
import { readAuditLog } from './service.js';
import { verifyAuditLog } from './verify.js';

const entry = z
  .object({ id: z.number(), at: z.string(), actor: z.string(), action: z.string(), meetingId: z.string().nullable(), ballotId: z.string().nullable(), detail: z.record(z.string(), z.unknown()) })
  .meta({ id: 'AuditEntry' });

export interface AuditRoutesOptions {
  context: Pick<AppContext, 'db' | 'storage' | 'votes'>;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function auditRoutes(app: FastifyInstance, { context }: AuditRoutesOptions): Promise<void> {
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

  routes.get('/api/audit/verify', {
    config: { permission: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: "Verifies the audit log's hash chain and every counted ballot's count hash (计票校验码) against the stored count",
      response: responses({
        200: z
          .object({
            ok: z.boolean(),
            rows: z.number().int().describe('Audit rows walked'),
            firstBrokenId: z.number().int().optional().describe('The first row found edited, moved or following a deletion'),
            ballotId: z.string().optional().describe('A counted ballot whose stored result or ballot box differs from its seal'),
            reason: z.string().optional(),
          })
          .meta({ id: 'AuditVerification' }),
      }),
    },
    handler: async () => verifyAuditLog(context),
  });

  routes.get('/api/health', {
    config: { permission: 'public' },
    schema: {
      tags: ['health'],
      summary:
        'Liveness, vote batching figures and storage: whether writes are held back for the reserve and scrubs owed; officers also get free space, the reserve and the ballots awaiting their scrub',
      response: {
        200: z.object({
          status: z.literal('ok'),
          voteBatches: z.object({ batches: z.number(), votes: z.number(), largest: z.number(), sizes: z.record(z.string(), z.number()) }),
          storage: storageHealthSchema,
        }),
      },
    },
    handler: async (request) => ({ status: 'ok' as const, voteBatches: context.votes.statistics, storage: await storageHealth(context, request.actor) }),
  });
}
