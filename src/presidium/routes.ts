// HTTP routes: a session's presidium (主席团), a sitting's presiding chair (执行主席), a ballot's tellers.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CoreContext } from '../context.js';
import { officerOf } from '../http/auth.js';
import { api, idParams, responses } from '../http/routes.js';
import { meeting } from '../meetings/schemas.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

export interface PresidiumRoutesOptions {
  context: CoreContext;
}

const presidiumResponse = z.object({ presidium: schemas.presidium });
const tellersResponse = z.object({ tellers: z.array(schemas.teller) });

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function presidiumRoutes(app: FastifyInstance, { context }: PresidiumRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['presidium'];

  routes.get('/api/sessions/:sessionId/presidium', {
    config: { permission: 'meetings.list', errors: ['SESSION_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'The session’s presidium (主席团): its members, whether and by which ballot it was elected, and its composition checked against the term’s rules',
      params: schemas.sessionParams,
      response: responses({ 200: presidiumResponse }),
    },
    handler: async (request) => ({ presidium: await service.readPresidium(context, request.params.sessionId) }),
  });

  routes.put('/api/sessions/:sessionId/presidium', {
    config: { permission: 'meeting.manage', errors: ['SESSION_NOT_FOUND', 'PRESIDIUM_ELECTED', 'PRESIDIUM_MEMBER_INVALID'] },
    schema: {
      tags,
      summary: 'Propose the presidium list (representatives of the term, in order), before it is elected',
      params: schemas.sessionParams,
      body: schemas.presidiumInput,
      response: responses({ 200: presidiumResponse }),
    },
    handler: async (request) => ({ presidium: await service.proposePresidium(context, officerOf(request), request.params.sessionId, request.body) }),
  });

  routes.post('/api/sessions/:sessionId/presidium/elect', {
    config: {
      permission: 'meeting.manage',
      errors: [
        'SESSION_NOT_FOUND',
        'BALLOT_NOT_FOUND',
        'PRESIDIUM_ELECTED',
        'PRESIDIUM_BALLOT_INVALID',
        'PRESIDIUM_BALLOT_NOT_SETTLED',
        'PRESIDIUM_NOT_ADOPTED',
        'PRESIDIUM_LIST_EMPTY',
        'PRESIDIUM_MEMBER_INVALID',
      ],
    },
    schema: {
      tags,
      summary:
        'Record the presidium’s election by a settled ballot of the preparatory meeting: an election item’s elected members (candidate ids = member ids) become the list, or an approval item that passed adopts the proposed list. The list is then fixed.',
      params: schemas.sessionParams,
      body: schemas.electInput,
      response: responses({ 200: presidiumResponse }),
    },
    handler: async (request) => ({ presidium: await service.electPresidium(context, officerOf(request), request.params.sessionId, request.body) }),
  });

  routes.put('/api/meetings/:id/presiding-chair', {
    config: { permission: 'meeting.manage', errors: ['MEETING_NOT_FOUND', 'MEETING_STATE', 'MEMBER_NOT_FOUND', 'PRESIDIUM_NOT_ELECTED', 'PRESIDING_CHAIR_INVALID'] },
    schema: {
      tags,
      summary: 'Set (or clear) the sitting’s presiding chair (执行主席): for a plenary or extraordinary sitting a member of the session’s elected presidium',
      params: idParams,
      body: schemas.presidingChairInput,
      response: responses({ 200: z.object({ meeting }) }),
    },
    handler: async (request) => ({ meeting: await service.setPresidingChair(context, officerOf(request), request.params.id, request.body.memberId) }),
  });

  routes.get('/api/ballots/:id/tellers', {
    config: { permission: 'meetings.list', errors: ['BALLOT_NOT_FOUND'] },
    schema: { tags, summary: 'The ballot’s tellers (总监票人, 监票人, 计票人)', params: idParams, response: responses({ 200: tellersResponse }) },
    handler: async (request) => ({ tellers: await service.listTellers(context, request.params.id) }),
  });

  routes.put('/api/ballots/:id/tellers', {
    config: { permission: 'ballot.manage', errors: ['BALLOT_NOT_FOUND', 'BALLOT_STATE', 'TELLERS_INVALID', 'TELLER_IS_CANDIDATE', 'PRESIDIUM_BALLOT_NOT_SETTLED'] },
    schema: {
      tags,
      summary: 'Name the ballot’s tellers (or record that a settled election ballot elected them), while the ballot is a draft; a teller is never a candidate on it',
      params: idParams,
      body: schemas.tellersInput,
      response: responses({ 200: tellersResponse }),
    },
    handler: async (request) => ({ tellers: await service.setTellers(context, officerOf(request), request.params.id, request.body) }),
  });
}
