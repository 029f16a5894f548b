// HTTP routes: motions (提案), their moves through the state table, and their attachments.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ErrorCode, fail } from '../errors.js';
import { api, idParams, idSchema, responses } from '../http/routes.js';
import { addAttachment, AttachmentStore, checkMayAttach, readAttachment, removeAttachment } from './attachment-service.js';
import { actionBodies, type ActionName, type MotionAction, motionDetail, motionInput, motionListQuery, motionPatch, motionSummary } from './schemas.js';
import type { MotionDeps } from './deps.js';
import * as service from './service.js';
import { trackerRoutes } from './tracker-routes.js';

const detailResponse = z.object({ motion: motionDetail });
const attachmentParams = z.object({ id: idSchema, attachmentId: idSchema });

/** Each move has its route; the path says what the button says. */
/** Besides MOTION_NOT_FOUND and MOTION_STATE, which every move can answer. */
const moves: readonly { path: string; action: ActionName; summary: string; bodyOptional?: boolean; errors?: readonly ErrorCode[] }[] = [
  { path: 'submit', action: 'submit', summary: 'Submit (提交) within the collection window; numbered now', errors: ['MOTION_COLLECTION_CLOSED', 'MOTION_NOT_REPRESENTATIVE'], bodyOptional: true },
  { path: 'resubmit', action: 'resubmit', summary: 'Resubmit after revision (退回修改后重新提交)', errors: ['MOTION_COLLECTION_CLOSED'], bodyOptional: true },
  { path: 'withdraw', action: 'withdraw', summary: 'Withdraw (撤回) before review', bodyOptional: true },
  {
    path: 'seconders',
    action: 'second',
    summary: 'Second (附议); the secretary names the seconder of a paper motion',
    errors: ['MOTION_NOT_REPRESENTATIVE', 'CANNOT_SECOND_OWN', 'ALREADY_SECONDED', 'MEMBER_NOT_FOUND'],
    bodyOptional: true,
  },
  { path: 'accept', action: 'accept', summary: 'Accept (立案)', bodyOptional: true },
  { path: 'reject', action: 'reject', summary: 'Not accept (不予立案), with a reason; optionally converted to a suggestion', errors: ['MOTION_NOTE_REQUIRED'] },
  { path: 'merge', action: 'merge', summary: 'Merge into another motion (合并立案)', errors: ['MOTION_MERGE_TARGET'] },
  { path: 'return', action: 'return', summary: 'Return for revision (退回修改), with a reason', errors: ['MOTION_NOTE_REQUIRED'] },
  { path: 'escalate', action: 'escalate', summary: 'Make it a resolution motion (议案) carried by a ballot', errors: ['BALLOT_NOT_FOUND', 'MEETING_STATE'], bodyOptional: true },
  {
    path: 'assign',
    action: 'assign',
    summary: 'Assign (交办) to a lead department and co-handlers, with a deadline',
    errors: ['DEPARTMENT_NOT_FOUND', 'DEPARTMENT_DISABLED', 'MOTION_DEADLINE_INVALID'],
  },
  { path: 'decline', action: 'decline', summary: 'A department declines as not responsible, within the set days', errors: ['MOTION_DECLINE_WINDOW_PASSED', 'MOTION_NOTE_REQUIRED'] },
  { path: 'extend', action: 'extend', summary: 'Grant the one extension (延期), with a reason', errors: ['MOTION_ALREADY_EXTENDED', 'MOTION_EXTENSION_TOO_LONG', 'MOTION_NOTE_REQUIRED'] },
  { path: 'reply', action: 'reply', summary: 'The lead department’s reply (答复), graded A/B/C/D', errors: ['QUOTA_EXCEEDED'] },
  { path: 'rating', action: 'rate', summary: 'The proposer rates the reply (满意/基本满意/不满意)' },
  { path: 'resolve', action: 'resolve', summary: 'Resolve (办结): after a satisfied rating, or with a reason', errors: ['MOTION_NOTE_REQUIRED'], bodyOptional: true },
];

export interface MotionRoutesOptions {
  context: MotionDeps;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function motionRoutes(app: FastifyInstance, { context }: MotionRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['motions'];
  const store = new AttachmentStore(context.config.DATABASE_PATH, context.random);
  app.addHook('onClose', async () => store.dispose());
  await app.register(trackerRoutes, { context });

  routes.get('/api/motions', {
    config: { permission: 'motions.take-part', errors: [] },
    schema: {
      tags,
      summary: 'Motions the asker may see, filtered; q searches subject and content',
      querystring: motionListQuery,
      response: responses({ 200: z.object({ motions: z.array(motionSummary) }) }),
    },
    handler: async (request) => ({ motions: await service.listMotionsFor(context, request.actor, request.query) }),
  });

  routes.post('/api/meetings/:id/motions', {
    config: { permission: 'motions.take-part', errors: ['MEETING_NOT_FOUND', 'MEETING_STATE', 'MOTION_COLLECTION_CLOSED', 'MOTION_NOT_REPRESENTATIVE', 'MEMBER_NOT_FOUND', 'QUOTA_EXCEEDED'] },
    schema: { tags, summary: 'Draft a motion (a representative), or enter a paper motion (the secretary, 代录)', params: idParams, body: motionInput, response: responses({ 201: detailResponse }) },
    handler: async (request, reply) => reply.status(201).send({ motion: await service.createMotion(context, request.actor, request.params.id, request.body) }),
  });

  routes.get('/api/motions/:id', {
    config: { permission: 'motions.take-part', errors: ['MOTION_NOT_FOUND'] },
    schema: { tags, summary: 'A motion with its seconders, handling and history', params: idParams, response: responses({ 200: detailResponse }) },
    handler: async (request) => ({ motion: await service.getMotionFor(context, request.actor, request.params.id) }),
  });

  routes.patch('/api/motions/:id', {
    config: { permission: 'motions.take-part', errors: ['MOTION_NOT_FOUND', 'MOTION_STATE', 'QUOTA_EXCEEDED'] },
    schema: { tags, summary: 'Edit a draft or a returned motion', params: idParams, body: motionPatch, response: responses({ 200: detailResponse }) },
    handler: async (request) => ({ motion: await service.moveMotion(context, request.actor, request.params.id, { action: 'edit', patch: request.body }) }),
  });

  for (const move of moves) {
    const body = move.bodyOptional ? actionBodies[move.action].nullable() : actionBodies[move.action];
    routes.post(`/api/motions/:id/${move.path}`, {
      config: { permission: 'motions.take-part', errors: ['MOTION_NOT_FOUND', 'MOTION_STATE', ...(move.errors ?? [])] },
      schema: { tags, summary: move.summary, params: idParams, body, response: responses({ 200: detailResponse }) },
      handler: async (request) => {
        // The body was parsed by this move's own schema; TypeScript cannot follow that through the loop.
        const input = { action: move.action, ...(request.body ?? {}) } as MotionAction;
        return { motion: await service.moveMotion(context, request.actor, request.params.id, input) };
      },
    });
  }

  routes.post('/api/motions/:id/attachments', {
    config: { permission: 'motions.take-part', errors: ['MOTION_NOT_FOUND', 'MOTION_STATE', 'ATTACHMENT_TYPE', 'ATTACHMENT_LIMIT', 'QUOTA_EXCEEDED'] },
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
    config: { permission: 'motions.take-part', errors: ['MOTION_NOT_FOUND', 'ATTACHMENT_NOT_FOUND'] },
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
    config: { permission: 'motions.take-part', errors: ['MOTION_NOT_FOUND', 'MOTION_STATE', 'ATTACHMENT_NOT_FOUND'] },
    schema: { tags, summary: 'Remove an attachment from a draft or returned motion', params: attachmentParams, response: responses({ 200: detailResponse }) },
    handler: async (request) => ({ motion: await removeAttachment(context, store, request.actor, request.params.id, request.params.attachmentId) }),
  });
}
