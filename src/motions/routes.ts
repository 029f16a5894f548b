// HTTP routes: motions (提案), their moves through the state table, and their attachments.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { fail } from '../errors.js';
import { api, idParams, responses } from '../plugins/api.js';
import { idSchema } from '../roster/schemas.js';
import { addAttachment, AttachmentStore, checkMayAttach, readAttachment, removeAttachment } from './attachment-service.js';
import { actionBodies, type ActionName, type MotionAction, motionDetail, motionInput, motionListQuery, motionPatch, motionSummary } from './schemas.js';
import * as service from './service.js';
import { trackerRoutes } from './tracker-routes.js';

const detailResponse = z.object({ motion: motionDetail });
const attachmentParams = z.object({ id: idSchema, attachmentId: idSchema });

/** Each move has its route; the path says what the button says. */
const moves: readonly { path: string; action: ActionName; summary: string; bodyOptional?: boolean }[] = [
  { path: 'submit', action: 'submit', summary: 'Submit (提交) within the collection window; numbered now', bodyOptional: true },
  { path: 'resubmit', action: 'resubmit', summary: 'Resubmit after revision (退回修改后重新提交)', bodyOptional: true },
  { path: 'withdraw', action: 'withdraw', summary: 'Withdraw (撤回) before review', bodyOptional: true },
  { path: 'seconders', action: 'second', summary: 'Second (附议); the secretary names the seconder of a paper motion', bodyOptional: true },
  { path: 'accept', action: 'accept', summary: 'Accept (立案)', bodyOptional: true },
  { path: 'reject', action: 'reject', summary: 'Not accept (不予立案), with a reason; optionally converted to a suggestion' },
  { path: 'merge', action: 'merge', summary: 'Merge into another motion (合并立案)' },
  { path: 'return', action: 'return', summary: 'Return for revision (退回修改), with a reason' },
  { path: 'escalate', action: 'escalate', summary: 'Make it a resolution motion (议案) carried by a ballot', bodyOptional: true },
  { path: 'assign', action: 'assign', summary: 'Assign (交办) to a lead department and co-handlers, with a deadline' },
  { path: 'decline', action: 'decline', summary: 'A department declines as not responsible, within the set days' },
  { path: 'extend', action: 'extend', summary: 'Grant the one extension (延期), with a reason' },
  { path: 'reply', action: 'reply', summary: 'The lead department’s reply (答复), graded A/B/C/D' },
  { path: 'rating', action: 'rate', summary: 'The proposer rates the reply (满意/基本满意/不满意)' },
  { path: 'resolve', action: 'resolve', summary: 'Resolve (办结): after a satisfied rating, or with a reason', bodyOptional: true },
];

export function motionRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = api(app);
  const tags = ['motions'];
  const store = new AttachmentStore(context.config.DATABASE_PATH, context.random);
  app.addHook('onClose', async () => store.dispose());
  trackerRoutes(app, context);

  routes.get('/api/motions', {
    schema: {
      tags,
      summary: 'Motions the asker may see, filtered; q searches subject and content',
      querystring: motionListQuery,
      response: responses({ 200: z.object({ motions: z.array(motionSummary) }) }),
    },
    handler: async (request) => ({ motions: await service.listMotionsFor(context, request.actor, request.query) }),
  });

  routes.post('/api/meetings/:id/motions', {
    schema: { tags, summary: 'Draft a motion (a representative), or enter a paper motion (the secretary, 代录)', params: idParams, body: motionInput, response: responses({ 201: detailResponse }) },
    handler: async (request, reply) => reply.status(201).send({ motion: await service.createMotion(context, request.actor, request.params.id, request.body) }),
  });

  routes.get('/api/motions/:id', {
    schema: { tags, summary: 'A motion with its seconders, handling and history', params: idParams, response: responses({ 200: detailResponse }) },
    handler: async (request) => ({ motion: await service.getMotionFor(context, request.actor, request.params.id) }),
  });

  routes.patch('/api/motions/:id', {
    schema: { tags, summary: 'Edit a draft or a returned motion', params: idParams, body: motionPatch, response: responses({ 200: detailResponse }) },
    handler: async (request) => ({ motion: await service.moveMotion(context, request.actor, request.params.id, { action: 'edit', patch: request.body }) }),
  });

  for (const move of moves) {
    const body = move.bodyOptional ? actionBodies[move.action].nullable() : actionBodies[move.action];
    routes.post(`/api/motions/:id/${move.path}`, {
      schema: { tags, summary: move.summary, params: idParams, body, response: responses({ 200: detailResponse }) },
      handler: async (request) => {
        // The body was parsed by this move's own schema; TypeScript cannot follow that through the loop.
        const input = { action: move.action, ...(request.body ?? {}) } as MotionAction;
        return { motion: await service.moveMotion(context, request.actor, request.params.id, input) };
      },
    });
  }

  routes.post('/api/motions/:id/attachments', {
    schema: {
      tags,
      summary: 'Attach a PDF, PNG or JPEG (multipart field "file", ≤ 5 MB) to a draft or returned motion',
      params: idParams,
      response: responses({ 201: detailResponse, 413: z.any(), 415: z.any() }),
    },
    handler: async (request, reply) => {
      if (!request.isMultipart()) fail('UNSUPPORTED_MEDIA_TYPE');
      // Who may attach to this motion, now, is settled before the file is read and written to disk.
      await checkMayAttach(context, request.actor, request.params.id);
      const file = (await request.file()) ?? fail('VALIDATION_FAILED', { reason: 'a file field is required' });
      const content = await file.toBuffer();
      return reply.status(201).send({ motion: await addAttachment(context, store, request.actor, request.params.id, file.filename, content) });
    },
  });

  routes.get('/api/motions/:id/attachments/:attachmentId', {
    schema: { tags, summary: 'Download an attachment (always as a download, never shown inline)', params: attachmentParams, response: responses({ 200: z.any().describe('The file') }) },
    handler: async (request, reply) => {
      const file = await readAttachment(context, store, request.actor, request.params.id, request.params.attachmentId);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', file.contentDisposition)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  });

  routes.delete('/api/motions/:id/attachments/:attachmentId', {
    schema: { tags, summary: 'Remove an attachment from a draft or returned motion', params: attachmentParams, response: responses({ 200: detailResponse }) },
    handler: async (request) => ({ motion: await removeAttachment(context, store, request.actor, request.params.id, request.params.attachmentId) }),
  });
}
