// HTTP routes: what follows a session's close (issue 13) — its status against the deadlines, the
// public notice (公告/公示) published, taken down and read without signing in, and the report to the
// higher-level union (职代会召开情况报告) generated and recorded as sent.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { publicBallotWithResolutions, publicResolution, resolutionView } from '../resolutions/schemas.js';
import type { AppContext } from '../context.js';
import { officerOf } from '../http/auth.js';
import { api, idSchema, responses } from '../http/routes.js';
import * as sessionSchemas from '../sessions/schemas.js';
import { getSession, presentSession } from '../sessions/service.js';
import { docxResponse, sendPaper } from '../papers/paper-file.js';
import { noticeDocx, publicNotice } from './public.js';
import { reportDocx, sessionReport } from './report.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

export interface AftermathRoutesOptions {
  context: AppContext;
}

const params = sessionSchemas.sessionParams;
const aftermathResponse = z.object({ aftermath: schemas.aftermathStatus });

const publicNoticeView = z
  .object({
    sessionId: z.string(),
    title: z.string(),
    sittings: z.array(z.object({ id: z.string(), title: z.string(), openedAt: z.string().nullable(), closedAt: z.string().nullable() })),
    closedOn: z.string().nullable(),
    publishedOn: z.string(),
    postedUntil: z.string(),
    takenDownOn: z.string().nullable().describe('Taken down: the notice says so and lists nothing'),
    ballots: z.array(publicBallotWithResolutions).describe('Each published ballot exactly as GET /api/public/ballots/:id shows it'),
    resolutions: z.array(publicResolution),
    motions: z.array(schemas.sittingMotion),
  })
  .meta({ id: 'PublicSessionNotice' });

const sessionReportView = z
  .object({
    sessionId: z.string(),
    termId: z.string(),
    title: z.string(),
    closedOn: z.string().nullable(),
    report: schemas.aftermathStatus.shape.report,
    sittings: z.array(
      z.object({
        meetingId: z.string(),
        title: z.string(),
        sitting: z.string(),
        heldOn: z.string().nullable(),
        eligible: z.number(),
        onLeave: z.number(),
        present: z.number(),
        quorumReached: z.boolean(),
      }),
    ),
    credentials: z.object({ representatives: z.number(), attendees: z.number(), adopted: z.boolean(), allMet: z.boolean() }),
    agenda: z.array(z.object({ id: z.string(), title: z.string() })),
    ballots: z.array(z.object({ ballotId: z.string(), meetingId: z.string(), title: z.string(), published: z.boolean(), lines: z.array(z.string()) })),
    resolutions: z.array(resolutionView),
    motions: z.object({ total: z.number(), byState: z.array(z.object({ state: z.string(), stateName: z.string(), count: z.number() })) }),
    document: schemas.officialDocument,
  })
  .meta({ id: 'SessionReport' });

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function aftermathRoutes(app: FastifyInstance, { context }: AftermathRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['sessions'];

  routes.get('/api/terms/:termId/aftermath', {
    config: { permission: 'meetings.list', errors: ['TERM_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'Each session of a term against what must follow its close: notice published, posted until, report due and sent, warnings',
      params: z.object({ termId: idSchema }),
      response: responses({ 200: z.object({ sessions: z.array(schemas.aftermathStatus) }) }),
    },
    handler: async (request) => ({ sessions: await service.listTermAftermath(context, request.params.termId) }),
  });

  routes.get('/api/sessions/:sessionId/aftermath', {
    config: { permission: 'meetings.list', errors: ['SESSION_NOT_FOUND'] },
    schema: { tags, summary: 'A session against what must follow its close (deadlines and warnings)', params, response: responses({ 200: aftermathResponse }) },
    handler: async (request) => ({ aftermath: await service.getAftermath(context, request.params.sessionId) }),
  });

  routes.post('/api/sessions/:sessionId/reopen', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'SESSION_NOT_CLOSED', 'SESSION_NOTICE_PUBLISHED'] },
    schema: { tags, summary: 'Undo a close entered by mistake, while no notice is published and no report sent', params, response: responses({ 200: z.object({ session: sessionSchemas.session }) }) },
    handler: async (request) => {
      await service.reopenClosedSession(context, officerOf(request), request.params.sessionId);
      return { session: await presentSession(context, await getSession(context, request.params.sessionId)) };
    },
  });

  routes.post('/api/sessions/:sessionId/notice/publish', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'SESSION_NOT_CLOSED', 'NOTICE_STATE', 'NOTICE_POSTED_DAYS_TOO_FEW', 'NOTICE_DATE_INVALID'] },
    schema: {
      tags,
      summary: 'Publish the session’s public notice (公告/公示) for at least the term’s posted days',
      params,
      body: schemas.noticePublishInput.nullable(),
      response: responses({ 200: aftermathResponse }),
    },
    handler: async (request) => ({ aftermath: await service.publishNotice(context, officerOf(request), request.params.sessionId, request.body ?? {}) }),
  });

  routes.post('/api/sessions/:sessionId/notice/withdraw', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'NOTICE_STATE'] },
    schema: { tags, summary: 'Take the public notice down, with a reason (audited)', params, body: schemas.noticeWithdrawInput, response: responses({ 200: aftermathResponse }) },
    handler: async (request) => ({ aftermath: await service.withdrawNotice(context, officerOf(request), request.params.sessionId, request.body) }),
  });

  routes.get('/api/public/sessions/:sessionId', {
    config: { permission: 'public', errors: ['NOTICE_NOT_FOUND', 'SESSION_NOT_FOUND'] },
    schema: {
      tags: ['public'],
      summary: 'A session’s published public notice (公告/公示): its published results, resolutions and motions',
      params,
      response: responses({ 200: z.object({ notice: publicNoticeView }) }),
    },
    handler: async (request) => ({ notice: await publicNotice(context, request.params.sessionId) }),
  });

  routes.get('/api/sessions/:sessionId/notice/docx', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'NOTICE_NOT_PUBLISHED', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: {
      tags,
      summary: 'The published public notice as a .docx in the official layout (GB/T 9704-2012): exactly what GET /api/public/sessions/:sessionId shows; NOTICE_NOT_PUBLISHED before it is published',
      params,
      response: docxResponse,
    },
    handler: async (request, reply) => sendPaper(reply, await noticeDocx(context, request.params.sessionId)),
  });

  routes.get('/api/sessions/:sessionId/report', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'The report to the higher-level union (职代会召开情况报告), written from the session’s figures',
      params,
      response: responses({ 200: z.object({ report: sessionReportView }) }),
    },
    handler: async (request) => ({ report: await sessionReport(context, request.params.sessionId) }),
  });

  routes.get('/api/sessions/:sessionId/report/docx', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: {
      tags,
      summary: 'The report to the higher-level union as a .docx in the official layout (GB/T 9704-2012): its `document`, with the figures as they are now',
      params,
      response: docxResponse,
    },
    handler: async (request, reply) => sendPaper(reply, await reportDocx(context, request.params.sessionId)),
  });

  routes.post('/api/sessions/:sessionId/report/sent', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'SESSION_NOT_CLOSED', 'REPORT_DATE_INVALID'] },
    schema: { tags, summary: 'Record the day the report was sent and to whom (audited)', params, body: schemas.reportSentInput, response: responses({ 200: aftermathResponse }) },
    handler: async (request) => ({ aftermath: await service.recordReportSent(context, officerOf(request), request.params.sessionId, request.body) }),
  });
}
