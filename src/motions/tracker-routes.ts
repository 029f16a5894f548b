// HTTP routes around motions: a meeting's motion settings, the dashboard and
// the exports (提案汇编, 提案落实情况报告).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext, CoreContext } from '../context.js';
import { assertCanFollow, getMeeting } from '../meetings/service.js';
import { api, idParams, responses } from '../http/routes.js';
import { officerOf } from '../http/auth.js';
import { dashboard, dashboardQuery, exportQuery, motionSettings, motionSettingsInput } from './schemas.js';
import { readSettings, saveSettings } from './settings.js';
import { dashboardFor, type ExportFile, exportRegister, exportReport } from './tracker.js';

const fileResponse = responses({ 200: z.any().describe('CSV (UTF-8 with BOM), XLSX, or .docx in the official layout (GB/T 9704-2012)') });

export interface TrackerRoutesOptions {
  context: CoreContext & Pick<AppContext, 'paperWork'>;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function trackerRoutes(app: FastifyInstance, { context }: TrackerRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['motions'];

  routes.get('/api/meetings/:id/motion-settings', {
    config: { permission: 'meeting.follow', errors: ['MEETING_NOT_FOUND'] },
    schema: { tags, summary: 'The collection window and motion rules of a meeting', params: idParams, response: responses({ 200: z.object({ settings: motionSettings }) }) },
    handler: async (request) => {
      assertCanFollow(request.actor, await getMeeting(context, request.params.id));
      return { settings: await readSettings(context, request.params.id) };
    },
  });

  routes.put('/api/meetings/:id/motion-settings', {
    config: { permission: 'motion-settings.manage', errors: ['MEETING_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'Set the collection window and motion rules (secretary)',
      params: idParams,
      body: motionSettingsInput,
      response: responses({ 200: z.object({ settings: motionSettings }) }),
    },
    handler: async (request) => ({ settings: await saveSettings(context, officerOf(request), request.params.id, request.body) }),
  });

  routes.get('/api/motions/dashboard', {
    config: { permission: 'motions.track', errors: ['MEETING_NOT_FOUND'] },
    schema: { tags, summary: 'The tracker: counts, rates, overdue and due-soon motions (secretary, committee)', querystring: dashboardQuery, response: responses({ 200: z.object({ dashboard }) }) },
    handler: async (request) => ({ dashboard: await dashboardFor(context, request.actor, request.query) }),
  });

  const send = (file: ExportFile, reply: { header: (name: string, value: string) => unknown; send: (body: Buffer) => unknown }) => {
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', file.contentDisposition);
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(file.body);
  };

  routes.get('/api/motions/register', {
    config: { permission: 'motions.track', errors: ['MEETING_NOT_FOUND', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: { tags, summary: 'The motion register (提案汇编) as CSV, XLSX or .docx', querystring: exportQuery, response: fileResponse },
    handler: async (request, reply) => send(await exportRegister(context, request.actor, request.query), reply),
  });

  routes.get('/api/motions/report', {
    config: { permission: 'motions.track', errors: ['MEETING_NOT_FOUND', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: { tags, summary: 'The implementation report (提案落实情况报告) as CSV, XLSX or .docx; its figures are the dashboard’s', querystring: exportQuery, response: fileResponse },
    handler: async (request, reply) => send(await exportReport(context, request.actor, request.query), reply),
  });
}
