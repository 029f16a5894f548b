// HTTP route: the session archive (归档) as one zip, streamed as it is made.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { officerOf } from '../http/auth.js';
import { contentDisposition } from '../http/content-disposition.js';
import { api, errorEnvelope, idSchema, responses } from '../http/routes.js';
import { assertPdfFonts } from '../papers/render.js';
import { getSession } from '../sessions/service.js';
import { type ArchiveDeps, writeSessionArchive } from './service.js';
import { ArchiveWriter } from './writer.js';

export interface ArchiveRoutesOptions {
  context: ArchiveDeps;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function archiveRoutes(app: FastifyInstance, { context }: ArchiveRoutesOptions): Promise<void> {
  const routes = api(app);

  routes.get('/api/sessions/:sessionId/archive', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'PDF_FONT_MISSING', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: {
      tags: ['sessions'],
      summary:
        'The session archive (归档): one zip, streamed, of the agenda, each sitting’s attendance list (PDF + CSV, status only), the credentials report, the published resolutions, the public notice and the report to the higher union (each .docx and PDF), the result notices of published ballots, the consultation records, the motion registers (XLSX) and the audit log (CSV), with manifest.json last (each file’s size, SHA-256 and figures)',
      params: z.object({ sessionId: idSchema }),
      response: { ...responses({ 200: z.any().describe('application/zip') }), 503: errorEnvelope },
    },
    handler: async (request, reply) => {
      const actor = officerOf(request);
      // Everything that can be refused is refused before the first byte; later failures cut the zip short.
      const session = await getSession(context, request.params.sessionId);
      assertPdfFonts(context.config);
      const writer = new ArchiveWriter(context.clock());
      // A download abandoned half way stops the making of the rest (it would wait on a reader forever).
      reply.raw.on('close', () => {
        if (!writer.ended) writer.abort(new Error('the download was abandoned'));
      });
      writeSessionArchive(context, actor, session.id, writer).catch((error: unknown) => {
        if (!reply.raw.destroyed) request.log.error({ err: error }, 'session archive failed part way');
        writer.abort(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .type('application/zip')
        .header('content-disposition', contentDisposition(`归档-${session.title}.zip`))
        .send(writer.output);
    },
  });
}
