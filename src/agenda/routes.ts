// HTTP routes: a session's agenda (议程), its adoption and amendment, and a sitting's current item.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CoreContext } from '../context.js';
import { officerOf } from '../http/auth.js';
import { api, idParams, okResponse, responses } from '../http/routes.js';
import * as meetingSchemas from '../meetings/schemas.js';
import { adoptAgenda } from './adoption.js';
import { setCurrentItem } from './current-item.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

export interface AgendaRoutesOptions {
  context: CoreContext;
}

const amendmentErrors = ['AGENDA_ADOPTED', 'AGENDA_AMENDMENT_INVALID', 'BALLOT_NOT_FOUND'] as const;

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function agendaRoutes(app: FastifyInstance, { context }: AgendaRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['agenda'];
  const params = schemas.sessionParams;

  routes.get('/api/sessions/:sessionId/agenda', {
    config: { permission: 'agenda.read', errors: ['SESSION_NOT_FOUND'] },
    schema: { tags, summary: 'A session’s agenda (议程) in order, and whether (and by which ballot) it was adopted', params, response: responses({ 200: z.object({ agenda: schemas.agenda }) }) },
    handler: async (request) => ({ agenda: await service.readAgenda(context, request.actor, request.params.sessionId) }),
  });

  routes.post('/api/sessions/:sessionId/agenda', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'AGENDA_LINK_INVALID', ...amendmentErrors] },
    schema: {
      tags,
      summary: 'Add an item at the end (after adoption: only with amendmentBallotId, a passed vote to amend)',
      params,
      body: schemas.agendaItemCreate,
      response: responses({ 201: z.object({ item: schemas.agendaItem }) }),
    },
    handler: async (request, reply) => reply.status(201).send({ item: await service.createAgendaItem(context, officerOf(request), request.params.sessionId, request.body) }),
  });

  routes.put('/api/sessions/:sessionId/agenda/order', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'AGENDA_ORDER_INVALID', ...amendmentErrors] },
    schema: { tags, summary: 'Reorder the agenda: every item id, in the new order', params, body: schemas.agendaOrder, response: responses({ 200: z.object({ agenda: schemas.agenda }) }) },
    handler: async (request) => ({
      agenda: await service.reorderAgenda(context, officerOf(request), request.params.sessionId, request.body.itemIds, request.body.amendmentBallotId),
    }),
  });

  routes.post('/api/sessions/:sessionId/agenda/adopt', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'BALLOT_NOT_FOUND', 'AGENDA_ADOPTED', 'AGENDA_ADOPTION_BALLOT_INVALID'] },
    schema: {
      tags,
      summary: '通过议程: record the preparatory meeting’s passed ballot (a manual show of hands will do) as adopting the agenda',
      params,
      body: schemas.agendaAdoption,
      response: responses({ 200: z.object({ agenda: schemas.agenda }) }),
    },
    handler: async (request) => {
      await adoptAgenda(context, officerOf(request), request.params.sessionId, request.body.ballotId, request.body.itemId);
      return { agenda: await service.readAgenda(context, request.actor, request.params.sessionId) };
    },
  });

  routes.get('/api/agenda-items/:id', {
    config: { permission: 'agenda.read', errors: ['AGENDA_ITEM_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'One item with its whole material (a motions work report is written from the tracker as read)',
      params: idParams,
      response: responses({ 200: z.object({ item: schemas.agendaItem }) }),
    },
    handler: async (request) => ({ item: await service.readAgendaItem(context, request.actor, request.params.id) }),
  });

  routes.patch('/api/agenda-items/:id', {
    config: { permission: 'meeting.manage', errors: ['AGENDA_ITEM_NOT_FOUND', 'AGENDA_LINK_INVALID', ...amendmentErrors] },
    schema: {
      tags,
      summary: 'Edit an item (after adoption: only with amendmentBallotId)',
      params: idParams,
      body: schemas.agendaItemPatch,
      response: responses({ 200: z.object({ item: schemas.agendaItem }) }),
    },
    handler: async (request) => ({ item: await service.updateAgendaItem(context, officerOf(request), request.params.id, request.body) }),
  });

  routes.delete('/api/agenda-items/:id', {
    config: { permission: 'meeting.manage', errors: ['AGENDA_ITEM_NOT_FOUND', ...amendmentErrors] },
    schema: { tags, summary: 'Remove an item (after adoption: only with ?amendmentBallotId=)', params: idParams, querystring: schemas.amendmentQuery, response: responses({ 200: okResponse }) },
    handler: async (request) => {
      await service.deleteAgendaItem(context, officerOf(request), request.params.id, request.query.amendmentBallotId);
      return { ok: true as const };
    },
  });

  routes.put('/api/meetings/:id/current-item', {
    config: { permission: 'agenda.current-item', errors: ['MEETING_NOT_FOUND', 'MEETING_STATE', 'AGENDA_ITEM_NOT_FOUND', 'AGENDA_ITEM_ELSEWHERE'] },
    schema: {
      tags,
      summary: '设为当前议程: the item this sitting is on now (null: none), by the secretary or the sitting’s presiding chair; every screen follows',
      params: idParams,
      body: schemas.currentItemInput,
      response: responses({ 200: z.object({ meeting: meetingSchemas.meeting }) }),
    },
    handler: async (request) => ({ meeting: await setCurrentItem(context, request.actor, request.params.id, request.body.itemId) }),
  });
}
