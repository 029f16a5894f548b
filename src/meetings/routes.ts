// HTTP routes: meetings, their state, the display token, live snapshot and check-in (签到).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MEMBER_ROLES } from '../actors.js';
import { ATTENDANCE_STATUSES } from './workflow.js';
import { liveAgenda } from '../agenda/schemas.js';
import { ballotView } from '../ballots/api-schemas.js';
import { listBallotsFor } from '../ballots/service.js';
import { fail } from '../errors.js';
import { api, idParams, idSchema, requestOrigin, responses } from '../http/routes.js';
import { memberOf, officerOf } from '../http/auth.js';
import { meetingSnapshot, type SnapshotDeps } from './live.js';
import * as schemas from './schemas.js';
import type { MeetingDeps } from './service.js';
import * as service from './service.js';

/** Everything a screen needs at once (src/meetings/live.ts): the same as the socket's meeting:snapshot. */
const snapshot = z.object({
  meeting: schemas.meeting.nullable(),
  attendance: schemas.attendanceCounts.nullable(),
  ballots: z.array(ballotView),
  agenda: liveAgenda.nullable().describe('The session’s agenda (titles; GET /api/agenda-items/:id gives an item’s material); meeting.currentAgendaItemId is the item now'),
  you: z
    .object({
      memberId: z.string(),
      name: z.string(),
      role: z.enum(MEMBER_ROLES),
      delegationName: z.string().nullable(),
      attendance: z.enum([...ATTENDANCE_STATUSES, 'not_checked_in']),
      voted: z.array(z.string()).describe('Ballots this representative has voted in (never how)'),
      paper: z.array(z.string()).describe('Open ballots this representative holds a paper ballot for (纸电同步): they vote on paper, not on the phone'),
    })
    .nullable(),
  serverTime: z.string(),
});

/** The meetings service's needs, and a snapshot's (the meeting's ballots and what memory keeps). */
export type MeetingRoutesDeps = MeetingDeps & SnapshotDeps;

export interface MeetingRoutesOptions {
  context: MeetingRoutesDeps;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function meetingRoutes(app: FastifyInstance, { context }: MeetingRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['meetings'];

  routes.get('/api/meetings', {
    config: { permission: 'meetings.list' },
    schema: { tags, summary: 'Meetings, newest first', querystring: z.object({ termId: idSchema.optional() }), response: responses({ 200: z.object({ meetings: z.array(schemas.meeting) }) }) },
    handler: async (request) => {
      return { meetings: await service.listMeetings(context, request.query.termId) };
    },
  });

  routes.post('/api/meetings', {
    config: { permission: 'meeting.manage', errors: ['TERM_NOT_FOUND'] },
    schema: { tags, summary: 'Create a meeting (draft)', body: schemas.meetingInput, response: responses({ 201: z.object({ meeting: schemas.meeting }) }) },
    handler: async (request, reply) => reply.status(201).send({ meeting: await service.createMeeting(context, officerOf(request), request.body) }),
  });

  routes.get('/api/meetings/:id', {
    config: { permission: 'meeting.follow', errors: ['MEETING_NOT_FOUND'] },
    schema: { tags, summary: 'A meeting', params: idParams, response: responses({ 200: z.object({ meeting: schemas.meeting, attendance: schemas.attendanceCounts }) }) },
    handler: async (request) => {
      const meeting = await service.getMeeting(context, request.params.id);
      service.assertCanFollow(request.actor, meeting);
      return { meeting: service.presentMeeting(meeting), attendance: await service.attendanceCounts(context, meeting) };
    },
  });

  routes.patch('/api/meetings/:id', {
    config: { permission: 'meeting.manage', errors: ['MEETING_NOT_FOUND', 'MEETING_STATE', 'TWO_PERSON_CONTROL_LOCKED'] },
    schema: {
      tags,
      summary: 'Change a meeting’s settings (two-person control not while a ballot is open)',
      params: idParams,
      body: schemas.meetingPatch,
      response: responses({ 200: z.object({ meeting: schemas.meeting }) }),
    },
    handler: async (request) => ({ meeting: await service.updateMeeting(context, officerOf(request), request.params.id, request.body) }),
  });

  routes.post('/api/meetings/:id/open', {
    config: { permission: 'meeting.manage', errors: ['MEETING_NOT_FOUND', 'MEETING_STATE'] },
    schema: { tags, summary: 'Open the session (draft → in_session)', params: idParams, response: responses({ 200: z.object({ meeting: schemas.meeting }) }) },
    handler: async (request) => ({ meeting: await service.changeMeetingState(context, officerOf(request), request.params.id, 'open') }),
  });

  routes.post('/api/meetings/:id/close', {
    config: { permission: 'meeting.manage', errors: ['MEETING_NOT_FOUND', 'MEETING_STATE'] },
    schema: { tags, summary: 'Close the session (in_session → closed); no ballot may be open', params: idParams, response: responses({ 200: z.object({ meeting: schemas.meeting }) }) },
    handler: async (request) => {
      const actor = officerOf(request);
      const meeting = await service.getMeeting(context, request.params.id);
      const beforeClose = async (inside: MeetingRoutesDeps) => {
        const ballots = await listBallotsFor(inside, actor, meeting);
        if (ballots.some((ballot) => ballot.state === 'open')) fail('MEETING_STATE', { state: meeting.state, reason: 'a ballot is still open' });
      };
      return { meeting: await service.changeMeetingState(context, actor, request.params.id, 'close', beforeClose) };
    },
  });

  routes.post('/api/meetings/:id/display-token', {
    config: { permission: 'meeting.display-token', errors: ['MEETING_NOT_FOUND'] },
    schema: { tags, summary: 'Issue the projector (大屏) token; replaces the previous one', params: idParams, response: responses({ 201: z.object({ token: z.string(), displayUrl: z.string() }) }) },
    handler: async (request, reply) => reply.status(201).send(await service.issueDisplayToken(context, officerOf(request), request.params.id, requestOrigin(request))),
  });

  routes.post('/api/meetings/:id/display/page', {
    config: { permission: 'meeting.display-page', errors: ['MEETING_NOT_FOUND', 'BALLOT_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'Step the projector (大屏) through a result’s pages (前一页 / 后一页), or let it page by itself again',
      params: idParams,
      body: schemas.displayPage,
      response: responses({ 200: z.object({ ballotId: z.string(), step: schemas.displayPage.shape.step }) }),
    },
    handler: async (request) => {
      await service.pageDisplay(context, request.params.id, request.body.ballotId, request.body.step);
      return request.body;
    },
  });

  routes.get('/api/meetings/:id/live', {
    config: { permission: 'meeting.follow', errors: ['MEETING_NOT_FOUND'] },
    schema: { tags, summary: 'Everything a screen needs, for the asker (officer, representative or display)', params: idParams, response: responses({ 200: snapshot }) },
    handler: async (request) => meetingSnapshot(context, request.actor, request.params.id),
  });

  routes.get('/api/me', {
    config: { permission: 'member.own-page' },
    schema: { tags: ['access'], summary: 'A representative’s own page: their current meeting', response: responses({ 200: snapshot }) },
    handler: async (request) => meetingSnapshot(context, memberOf(request), undefined),
  });

  routes.get('/api/meetings/:id/attendance', {
    config: { permission: 'attendance.read', errors: ['MEETING_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'Who is present, absent or on leave',
      params: idParams,
      response: responses({ 200: z.object({ attendance: z.array(schemas.attendanceEntry), counts: schemas.attendanceCounts }) }),
    },
    handler: async (request) => {
      const meeting = await service.getMeeting(context, request.params.id);
      return { attendance: await service.listAttendance(context, meeting.id), counts: await service.attendanceCounts(context, meeting) };
    },
  });

  routes.put('/api/meetings/:id/attendance/:memberId', {
    config: { permission: 'attendance.mark', errors: ['MEETING_NOT_FOUND', 'MEETING_STATE', 'MEMBER_NOT_FOUND', 'JOINT_NOT_ON_ROLL'] },
    schema: {
      tags,
      summary: 'Mark a member present, absent or on leave (请假)',
      params: z.object({ id: idSchema, memberId: idSchema }),
      body: schemas.attendanceMark,
      response: responses({ 200: z.object({ counts: schemas.attendanceCounts }) }),
    },
    handler: async (request) => ({
      counts: await service.markAttendance(context, officerOf(request), request.params.id, request.params.memberId, request.body.status),
    }),
  });

  routes.post('/api/meetings/:id/check-in', {
    config: { permission: 'attendance.check-in', errors: ['MEETING_NOT_FOUND', 'MEETING_STATE', 'MEETING_NOT_IN_SESSION', 'JOINT_NOT_ON_ROLL'] },
    schema: { tags, summary: 'A representative checks in (签到)', params: idParams, response: responses({ 200: z.object({ status: z.literal('present') }) }) },
    handler: async (request) => service.checkIn(context, memberOf(request), request.params.id),
  });
}
