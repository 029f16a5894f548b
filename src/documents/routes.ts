// HTTP routes: documents (二上二下), their versions, their moves through the state table, the vote
// and the consultation record. Also wires the ballot watcher that sets outcomes.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ErrorCode, fail } from '../errors.js';
import { contentDisposition } from '../http/content-disposition.js';
import { AttachmentStore } from '../motions/attachments.js';
import { docxResponse, sendPaper } from '../papers/paper-file.js';
import { api, idParams, idSchema, responses } from '../http/routes.js';
import { askerOf } from './access.js';
import { checkDocx, cleanDocxName, DOCX_MEDIA_TYPE } from './docx.js';
import type { DocumentMove } from './effects.js';
import { opinionCounts } from './live.js';
import { actionBodies, type ActionName, documentDetail, documentInput, documentListQuery, documentPatch, documentSummary, draftInput, recordResponse, versionDetail } from './schemas.js';
import * as service from './service.js';
import { authorizeMove } from './moves.js';
import { presentVersion } from './views.js';
import { putToVote, watchBallots } from './voting.js';
import type { DocumentDeps } from './deps.js';

const detailResponse = z.object({ document: documentDetail });
const versionParams = z.object({ id: idSchema, versionId: idSchema });
const countsResponse = z.object({
  counts: z
    .object({
      documentId: z.string(),
      roundId: z.string(),
      roundNumber: z.number(),
      total: z.number(),
      byDelegation: z.array(z.object({ delegationId: z.string(), name: z.string(), opinions: z.number() })),
    })
    .nullable(),
});

/** Each move has its route; the path says what the button says. */
/** Besides DOCUMENT_NOT_FOUND and DOCUMENT_STATE, which every move can answer. */
const moves: readonly { path: string; action: Exclude<ActionName, 'putToVote'>; summary: string; status?: 201; bodyOptional?: boolean; errors?: readonly ErrorCode[] }[] = [
  {
    path: 'issue',
    action: 'issue',
    summary: 'Issue the draft down to every delegation with a deadline (一下/二下): the version is fixed from now on, carrying the diff and adoption report',
    errors: ['DOCUMENT_NO_DRAFT', 'DOCUMENT_DEADLINE_INVALID', 'DOCUMENT_ANCHOR_UNKNOWN'],
  },
  { path: 'deadline', action: 'extendDeadline', summary: 'Move the deadline for opinions while collecting', errors: ['DOCUMENT_DEADLINE_INVALID'] },
  {
    path: 'opinions',
    action: 'submitOpinion',
    summary: 'A representative or attendee of the term gives an opinion on one block of the issued version',
    errors: ['DOCUMENT_DEADLINE_PASSED', 'DOCUMENT_ANCHOR_UNKNOWN', 'DOCUMENT_NO_DELEGATION', 'QUOTA_EXCEEDED'],
    status: 201,
  },
  { path: 'end-collection', action: 'endCollection', summary: 'End collection: delegations now consolidate', bodyOptional: true },
  {
    path: 'submissions',
    action: 'consolidate',
    summary:
      'A delegation leader sends up the delegation’s consolidated opinions (一上/二上), merging, editing or dropping originals; the secretary may for a delegation (代为汇总). Sending again replaces it',
    errors: ['DOCUMENT_SUBMISSION_INVALID', 'DOCUMENT_NO_DELEGATION', 'DOCUMENT_ANCHOR_UNKNOWN', 'DELEGATION_NOT_FOUND', 'QUOTA_EXCEEDED'],
  },
  {
    path: 'end-consolidation',
    action: 'endConsolidation',
    summary: 'End consolidation: every delegation with opinions must have sent them up; drafters now answer',
    errors: ['DOCUMENT_SUBMISSIONS_MISSING'],
    bodyOptional: true,
  },
  {
    path: 'responses',
    action: 'respond',
    summary: 'The drafters answer a consolidated opinion: adopted, partly adopted or not adopted, with a reason; may name the blocks of the next version it changes',
    errors: ['DOCUMENT_OPINION_NOT_FOUND', 'DOCUMENT_ANCHOR_UNKNOWN', 'DOCUMENT_NOTE_REQUIRED'],
  },
  {
    path: 'close-round',
    action: 'closeRound',
    summary: 'Close the round; refused while any consolidated opinion is unanswered. After the last round the document awaits the vote',
    errors: ['DOCUMENT_UNANSWERED'],
    bodyOptional: true,
  },
  {
    path: 'changed-anchors',
    action: 'linkChanges',
    summary: 'Between rounds, link a response of the round just closed to the blocks of the revision that answer it',
    errors: ['DOCUMENT_OPINION_NOT_FOUND', 'DOCUMENT_ANCHOR_UNKNOWN'],
  },
  { path: 'new-round', action: 'startRound', summary: 'A rejected document goes back for revision and one more round, with a reason', errors: ['DOCUMENT_NOTE_REQUIRED'] },
];

export interface DocumentRoutesOptions {
  context: DocumentDeps;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function documentRoutes(app: FastifyInstance, { context }: DocumentRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['documents'];
  const store = new AttachmentStore(context.config.DATABASE_PATH, context.random);
  const unwatch = await watchBallots(context);
  app.addHook('onClose', async () => {
    unwatch();
    store.dispose();
  });
  const detail = async (actor: Parameters<typeof service.getDocumentFor>[1], documentId: string) => ({ document: await service.getDocumentFor(context, actor, documentId) });

  routes.get('/api/meetings/:id/documents', {
    config: { permission: 'documents.take-part', errors: ['MEETING_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'Documents for a session: all for officers, the drafting department’s for its handlers, issued ones for the term’s members',
      params: idParams,
      querystring: documentListQuery,
      response: responses({ 200: z.object({ documents: z.array(documentSummary) }) }),
    },
    handler: async (request) => ({ documents: await service.listDocumentsFor(context, request.actor, request.params.id, request.query.state) }),
  });

  routes.get('/api/documents', {
    config: { permission: 'documents.take-part', errors: [] },
    schema: {
      tags,
      summary: 'Documents of every session the asker may see: what a drafting department’s handler works on, wherever it is consulted',
      querystring: documentListQuery,
      response: responses({ 200: z.object({ documents: z.array(documentSummary) }) }),
    },
    handler: async (request) => ({ documents: await service.listDocumentsFor(context, request.actor, null, request.query.state) }),
  });

  routes.post('/api/meetings/:id/documents', {
    config: { permission: 'documents.take-part', errors: ['MEETING_NOT_FOUND', 'MEETING_STATE', 'DEPARTMENT_NOT_FOUND', 'DEPARTMENT_DISABLED', 'QUOTA_EXCEEDED'] },
    schema: {
      tags,
      summary: 'The secretary registers a document for the session (title, kind, drafting department, rounds), optionally with its first draft',
      params: idParams,
      body: documentInput,
      response: responses({ 201: detailResponse }),
    },
    handler: async (request, reply) => reply.status(201).send({ document: await service.createDocument(context, request.actor, request.params.id, request.body) }),
  });

  routes.get('/api/documents/:id', {
    config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'A document’s whole history: versions, rounds, opinions, submissions, responses, adoption counts, the ballot and its result',
      params: idParams,
      response: responses({ 200: detailResponse }),
    },
    handler: async (request) => detail(request.actor, request.params.id),
  });

  routes.patch('/api/documents/:id', {
    config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND', 'DOCUMENT_STATE', 'DOCUMENT_ROUNDS_INVALID', 'DEPARTMENT_NOT_FOUND', 'DEPARTMENT_DISABLED'] },
    schema: { tags, summary: 'Edit title, kind, drafting department or number of rounds (between rounds)', params: idParams, body: documentPatch, response: responses({ 200: detailResponse }) },
    handler: async (request) => {
      await service.applyMove(context, request.actor, request.params.id, { action: 'edit', patch: request.body });
      return detail(request.actor, request.params.id);
    },
  });

  routes.put('/api/documents/:id/draft', {
    config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND', 'DOCUMENT_STATE', 'QUOTA_EXCEEDED'] },
    schema: {
      tags,
      summary: 'Write the next version’s text (Markdown) while drafting or revising; replaces the unissued draft',
      params: idParams,
      body: draftInput,
      response: responses({ 200: detailResponse }),
    },
    handler: async (request) => {
      const { orphanedFile } = await service.applyMove(context, request.actor, request.params.id, { action: 'saveDraft', text: request.body.text, source: 'markdown' });
      if (orphanedFile) await store.remove(orphanedFile);
      return detail(request.actor, request.params.id);
    },
  });

  routes.post('/api/documents/:id/draft/docx', {
    config: {
      permission: 'documents.take-part',
      errors: [
        'DOCUMENT_NOT_FOUND',
        'DOCUMENT_STATE',
        'DOCUMENT_FILE_TYPE',
        'DOCUMENT_FILE_UNREADABLE',
        'QUOTA_EXCEEDED',
        'UPLOAD_TOO_MANY_ENTRIES',
        'UPLOAD_UNZIPPED_TOO_LARGE',
        'UPLOAD_ZIP_BOMB',
        'UPLOAD_ZIP_INVALID',
        'UPLOAD_TOO_SLOW',
        'UPLOAD_TOO_MUCH_MEMORY',
        'HEAVY_WORK_BUSY',
      ],
    },
    schema: {
      tags,
      summary: 'Upload a Word file (multipart field "file", .docx, ≤ 5 MB) as the draft: its text becomes the version, the file is kept',
      params: idParams,
      response: responses({ 200: detailResponse, 413: z.any(), 415: z.any(), 422: z.any(), 503: z.any() }),
    },
    handler: async (request) => {
      if (!request.isMultipart()) fail('UNSUPPORTED_MEDIA_TYPE');
      // Who may draft this document, now, is settled before a byte of the file is read.
      await authorizeMove(context, request.actor, request.params.id, 'saveDraft');
      const file = (await request.file()) ?? fail('VALIDATION_FAILED', { reason: 'a file field is required' });
      const content = await file.toBuffer();
      checkDocx(content);
      const text = await context.heavyWork.run({ kind: 'docx', file: content });
      const storedName = await store.write(content);
      const move: DocumentMove = { action: 'saveDraft', text, source: 'docx', original: { storedName, filename: cleanDocxName(file.filename), size: content.length } };
      try {
        const { orphanedFile } = await service.applyMove(context, request.actor, request.params.id, move);
        if (orphanedFile) await store.remove(orphanedFile);
      } catch (error) {
        await store.remove(storedName);
        throw error;
      }
      return detail(request.actor, request.params.id);
    },
  });

  routes.get('/api/documents/:id/draft/preview', {
    config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND', 'DOCUMENT_STATE', 'DOCUMENT_NO_DRAFT'] },
    schema: {
      tags,
      summary: 'The draft as it would go down now: blocks, diff against the last issued version (linked to opinions) and the adoption report',
      params: idParams,
      response: responses({ 200: z.object({ version: versionDetail }) }),
    },
    handler: async (request) => ({ version: await service.previewDraft(context, request.actor, request.params.id) }),
  });

  routes.get('/api/documents/:id/versions/:versionId', {
    config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND', 'NOT_FOUND'] },
    schema: {
      tags,
      summary: 'One version: its text, blocks with anchors, the diff and adoption report it carried',
      params: versionParams,
      response: responses({ 200: z.object({ version: versionDetail }) }),
    },
    handler: async (request) => ({ version: presentVersion(await service.getVersionFor(context, request.actor, request.params.id, request.params.versionId)) }),
  });

  routes.get('/api/documents/:id/versions/:versionId/original', {
    config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND', 'NOT_FOUND'] },
    schema: { tags, summary: 'Download the uploaded Word file a version was made from', params: versionParams, response: responses({ 200: z.any().describe('The .docx file') }) },
    handler: async (request, reply) => {
      const version = await service.getVersionFor(context, request.actor, request.params.id, request.params.versionId);
      if (!version.original_stored_name || !version.original_filename) fail('NOT_FOUND');
      return reply
        .header('content-type', DOCX_MEDIA_TYPE)
        .header('content-disposition', contentDisposition(version.original_filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(await store.read(version.original_stored_name));
    },
  });

  for (const move of moves) {
    const body = move.bodyOptional ? actionBodies[move.action].nullable() : actionBodies[move.action];
    routes.post(`/api/documents/:id/${move.path}`, {
      config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND', 'DOCUMENT_STATE', ...(move.errors ?? [])] },
      schema: { tags, summary: move.summary, params: idParams, body, response: responses({ [move.status ?? 200]: detailResponse }) },
      handler: async (request, reply) => {
        // The body was parsed by this move's own schema; TypeScript cannot follow that through the loop.
        const input = { action: move.action, ...(request.body ?? {}) } as DocumentMove;
        await service.applyMove(context, request.actor, request.params.id, input);
        return reply.status(move.status ?? 200).send(await detail(request.actor, request.params.id));
      },
    });
  }

  routes.post('/api/documents/:id/ballot', {
    config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND', 'DOCUMENT_STATE', 'DOCUMENT_BALLOT_INVALID', 'BALLOT_NOT_FOUND', 'BALLOT_STATE'] },
    schema: {
      tags,
      summary: 'After the last round, put the final text on a secret ballot as an approval item: a new ballot, or a draft one shared with other documents (分项表决)',
      params: idParams,
      body: actionBodies.putToVote,
      response: responses({ 200: detailResponse }),
    },
    handler: async (request) => {
      await putToVote(context, request.actor, request.params.id, { action: 'putToVote', ...request.body });
      return detail(request.actor, request.params.id);
    },
  });

  routes.get('/api/documents/:id/opinion-counts', {
    config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND'] },
    schema: { tags, summary: 'Opinions per delegation in the current round (what document:opinions pushes live)', params: idParams, response: responses({ 200: countsResponse }) },
    handler: async (request) => {
      const asker = await askerOf(context.db, request.actor);
      if (asker.kind === 'member') fail('FORBIDDEN');
      await service.getDocumentFor(context, request.actor, request.params.id);
      return { counts: await opinionCounts(context, request.params.id) };
    },
  });

  routes.get('/api/documents/:id/record', {
    config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'The printable consultation record (征求意见记录): versions, each round’s opinions and responses, adoption figures and the vote',
      params: idParams,
      response: responses({ 200: z.object({ record: recordResponse }) }),
    },
    handler: async (request) => ({ record: await service.consultationRecord(context, request.actor, request.params.id) }),
  });

  routes.get('/api/documents/:id/record/docx', {
    config: { permission: 'documents.take-part', errors: ['DOCUMENT_NOT_FOUND', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: {
      tags,
      summary: 'The consultation record (征求意见记录) as a .docx in the official layout (GB/T 9704-2012)',
      params: idParams,
      response: docxResponse,
    },
    handler: async (request, reply) => sendPaper(reply, await service.consultationRecordDocx(context, request.actor, request.params.id)),
  });
}
