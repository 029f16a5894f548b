// HTTP routes: what is stored, by whom (officers only).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { api, responses } from '../http/routes.js';
import { storageHealth, usageReport } from './service.js';

/** Free space against the reserve and scrubs owed; the figures past pendingScrubs are for officers only. */
export const storageHealthSchema = z
  .object({
    refusingWrites: z.boolean(),
    pendingScrubs: z.number(),
    freeBytes: z.number().nullable().optional().describe('null: unknown (an in-memory database)'),
    reserveBytes: z.number().optional(),
    inFlightBytes: z.number().optional(),
    pendingScrubBallots: z.array(z.object({ ballotId: z.string(), title: z.string().nullable() })).optional(),
  })
  .meta({ id: 'StorageHealth' });

const memberUsage = z.object({
  memberId: z.string(),
  name: z.string(),
  delegationId: z.string().nullable(),
  delegationName: z.string().nullable(),
  drafts: z.number(),
  motions: z.number(),
  motionBytes: z.number().describe('Motion text and its history'),
  attachments: z.number(),
  attachmentBytes: z.number(),
  opinions: z.number(),
  opinionBytes: z.number(),
  bytes: z.number(),
});

const groupUsage = z.object({
  kind: z.enum(['delegation', 'department']),
  id: z.string().nullable(),
  name: z.string().nullable(),
  members: z.number().optional(),
  versions: z.number().optional(),
  files: z.number().optional(),
  bytes: z.number(),
});

export const usageResponse = z.object({
  limits: z.object({ memberDrafts: z.number(), memberBytes: z.number(), groupBytes: z.number(), totalBytes: z.number() }).describe('0: no limit'),
  totals: z.object({ bytes: z.number(), drafts: z.number(), motions: z.number(), attachments: z.number(), attachmentBytes: z.number(), opinions: z.number(), documentFiles: z.number() }),
  members: z.array(memberUsage),
  groups: z.array(groupUsage),
  space: storageHealthSchema,
});

export interface StorageRoutesOptions {
  context: Pick<AppContext, 'db' | 'config' | 'storage'>;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function storageRoutes(app: FastifyInstance, { context }: StorageRoutesOptions): Promise<void> {
  const routes = api(app);

  routes.get('/api/storage/usage', {
    config: { permission: 'storage.usage' },
    schema: { tags: ['storage'], summary: 'Who stores how much (figures, not content), biggest first, with quotas, free space and the reserve', response: responses({ 200: usageResponse }) },
    handler: async (request) => ({ ...(await usageReport(context)), space: await storageHealth(context, request.actor) }),
  });
}
