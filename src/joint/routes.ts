// HTTP routes: a joint meeting's roll, a term's joint decisions, and the plenary's confirmation ballot.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ballotView } from '../ballots/api-schemas.js';
import { api, idParams, idSchema, responses } from '../http/routes.js';
import { officerOf } from '../http/auth.js';
import { afterSessionCreated } from '../sessions/service.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

export interface JointRoutesOptions {
  context: service.JointDeps;
}

const termParams = z.object({ termId: idSchema });

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function jointRoutes(app: FastifyInstance, { context }: JointRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['joint meetings'];
  const unwatch = service.watchJointBallots(context);
  // Decisions awaiting confirmation go on a new session's agenda by themselves.
  const unhook = afterSessionCreated(service.placePendingDecisions);
  app.addHook('onClose', async () => {
    unwatch();
    unhook();
  });

  routes.get('/api/meetings/:id/roll', {
    config: { permission: 'meetings.list', errors: ['MEETING_NOT_FOUND', 'NOT_A_JOINT_MEETING'] },
    schema: {
      tags,
      summary: 'A joint meeting’s roll (联席会议成员): its electorate, with its own quorum and decision rule',
      params: idParams,
      response: responses({ 200: z.object({ roll: schemas.rollView.extend({ delegationLeaderIds: z.array(z.string()).describe('Quick pick: the term’s delegation leaders') }) }) }),
    },
    handler: async (request) => ({ roll: await service.getRoll(context, request.params.id) }),
  });

  routes.put('/api/meetings/:id/roll', {
    config: { permission: 'meeting.manage', errors: ['MEETING_NOT_FOUND', 'NOT_A_JOINT_MEETING', 'MEETING_STATE', 'JOINT_ROLL_INVALID', 'JOINT_ROLL_LOCKED'] },
    schema: {
      tags,
      summary: 'Replace a joint meeting’s roll (draft or in session, never while one of its ballots is open): representatives of its term, each with the capacity they sit in',
      params: idParams,
      body: schemas.rollInput,
      response: responses({ 200: z.object({ roll: schemas.rollView.extend({ delegationLeaderIds: z.array(z.string()) }) }) }),
    },
    handler: async (request) => ({ roll: await service.setRoll(context, officerOf(request), request.params.id, request.body) }),
  });

  routes.get('/api/terms/:termId/joint-decisions', {
    config: { permission: 'meetings.list', errors: ['TERM_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'The term’s joint meeting decisions: 待大会确认 (pending), 已确认 (confirmed) or 未确认 (not_confirmed)',
      params: termParams,
      response: responses({
        200: z.object({
          decisions: z.array(schemas.jointDecisionView),
          confirmationItem: z
            .object({ agendaItemId: z.string(), sessionId: z.string(), sessionNumber: z.number(), ballotId: z.string().nullable() })
            .nullable()
            .describe('The 确认联席会议决定 item on the next plenary session’s agenda, if there is one'),
        }),
      }),
    },
    handler: async (request) => service.listDecisions(context, request.params.termId),
  });

  routes.post('/api/agenda-items/:id/confirmation-ballot', {
    config: { permission: 'ballot.manage', errors: ['AGENDA_ITEM_NOT_FOUND', 'MEETING_NOT_FOUND', 'MEETING_STATE', 'JOINT_CONFIRMATION_INVALID', 'JOINT_NOTHING_TO_CONFIRM'] },
    schema: {
      tags,
      summary: '生成确认表决: a draft ballot in a plenary sitting, one item per joint decision awaiting confirmation',
      params: idParams,
      body: schemas.confirmationBallotInput,
      response: responses({ 201: z.object({ ballot: ballotView }) }),
    },
    handler: async (request, reply) => reply.status(201).send({ ballot: await service.createConfirmationBallot(context, officerOf(request), request.params.id, request.body.meetingId) }),
  });
}
