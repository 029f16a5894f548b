// HTTP routes: terms, delegations, the roster and its import. Access codes and joining are src/access/routes.ts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail } from '../errors.js';
import { api, errorEnvelope, idParams, idSchema, okResponse, responses } from '../http/routes.js';
import { officerOf } from '../http/auth.js';
import { detectFormat } from './import.js';
import * as schemas from './schemas.js';
import type { RosterDeps } from './service.js';
import { RULE_SOURCES, termRulesPatch, termRulesSchema } from './term-rules.js';
import * as service from './service.js';

const termParams = z.object({ termId: idSchema });

export interface RosterRoutesOptions {
  context: RosterDeps;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function rosterRoutes(app: FastifyInstance, { context }: RosterRoutesOptions): Promise<void> {
  const routes = api(app);
  const tags = ['roster'];

  routes.get('/api/terms', {
    config: { permission: 'roster.read' },
    schema: { tags, summary: 'Congress terms (届)', response: responses({ 200: z.object({ terms: z.array(schemas.term) }) }) },
    handler: async (_request) => {
      return { terms: await service.listTerms(context) };
    },
  });

  routes.post('/api/terms', {
    config: { permission: 'roster.manage', errors: ['TERM_EXISTS'] },
    schema: { tags, summary: 'Create a term', body: schemas.termInput, response: responses({ 201: z.object({ term: schemas.term }) }) },
    handler: async (request, reply) => reply.status(201).send({ term: await service.createTerm(context, officerOf(request), request.body) }),
  });

  routes.get('/api/terms/:termId/rules', {
    config: { permission: 'roster.read', errors: ['TERM_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'The term’s rules (quorum, composition, presidium, joint meetings), every default filled in, with where each default comes from',
      params: termParams,
      response: responses({ 200: z.object({ rules: termRulesSchema, sources: z.record(z.string(), z.object({ zh: z.string(), source: z.string() })) }) }),
    },
    handler: async (request) => ({ rules: await service.getTermRules(context, request.params.termId), sources: RULE_SOURCES }),
  });

  routes.patch('/api/terms/:termId/rules', {
    config: { permission: 'roster.manage', errors: ['TERM_NOT_FOUND'] },
    schema: {
      tags,
      summary: 'Change the term’s rules: each part named replaces its stored value',
      params: termParams,
      body: termRulesPatch,
      response: responses({ 200: z.object({ rules: termRulesSchema }) }),
    },
    handler: async (request) => ({ rules: await service.updateTermRules(context, officerOf(request), request.params.termId, request.body) }),
  });

  routes.get('/api/terms/:termId/delegations', {
    config: { permission: 'roster.read', errors: ['TERM_NOT_FOUND'] },
    schema: { tags, summary: 'Delegations (代表团/组) of a term', params: termParams, response: responses({ 200: z.object({ delegations: z.array(schemas.delegation) }) }) },
    handler: async (request) => {
      return { delegations: await service.listDelegations(context, request.params.termId) };
    },
  });

  routes.post('/api/terms/:termId/delegations', {
    config: { permission: 'roster.manage', errors: ['TERM_NOT_FOUND', 'DELEGATION_EXISTS', 'ROSTER_LOCKED'] },
    schema: { tags, summary: 'Create a delegation', params: termParams, body: schemas.delegationInput, response: responses({ 201: z.object({ delegation: schemas.delegation }) }) },
    handler: async (request, reply) => {
      const actor = officerOf(request);
      return reply.status(201).send({ delegation: await service.createDelegation(context, actor, request.params.termId, request.body) });
    },
  });

  routes.patch('/api/delegations/:id', {
    config: { permission: 'roster.manage', errors: ['DELEGATION_NOT_FOUND', 'DELEGATION_EXISTS', 'LEADER_NOT_IN_DELEGATION'] },
    schema: { tags, summary: 'Rename a delegation or set its leader', params: idParams, body: schemas.delegationPatch, response: responses({ 200: z.object({ delegation: schemas.delegation }) }) },
    handler: async (request) => ({ delegation: await service.updateDelegation(context, officerOf(request), request.params.id, request.body) }),
  });

  routes.delete('/api/delegations/:id', {
    config: { permission: 'roster.manage', errors: ['DELEGATION_NOT_FOUND', 'DELEGATION_NOT_EMPTY', 'ROSTER_LOCKED'] },
    schema: { tags, summary: 'Delete an empty delegation', params: idParams, response: responses({ 200: okResponse }) },
    handler: async (request) => {
      await service.deleteDelegation(context, officerOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  routes.get('/api/terms/:termId/members', {
    config: { permission: 'roster.read', errors: ['TERM_NOT_FOUND'] },
    schema: { tags, summary: 'The roster of a term', params: termParams, response: responses({ 200: z.object({ members: z.array(schemas.member) }) }) },
    handler: async (request) => {
      return { members: await service.listMembers(context, request.params.termId) };
    },
  });

  routes.post('/api/terms/:termId/members', {
    config: { permission: 'roster.manage', errors: ['TERM_NOT_FOUND', 'DELEGATION_NOT_FOUND', 'STAFF_NUMBER_TAKEN', 'ROSTER_LOCKED'] },
    schema: { tags, summary: 'Add a representative or attendee', params: termParams, body: schemas.memberInput, response: responses({ 201: z.object({ member: schemas.member }) }) },
    handler: async (request, reply) => {
      const actor = officerOf(request);
      return reply.status(201).send({ member: await service.addMember(context, actor, request.params.termId, request.body) });
    },
  });

  routes.patch('/api/members/:id', {
    config: { permission: 'roster.manage', errors: ['MEMBER_NOT_FOUND', 'DELEGATION_NOT_FOUND', 'STAFF_NUMBER_TAKEN', 'ROSTER_LOCKED'] },
    schema: { tags, summary: 'Edit a roster entry', params: idParams, body: schemas.memberPatch, response: responses({ 200: z.object({ member: schemas.member }) }) },
    handler: async (request) => ({ member: await service.updateMember(context, officerOf(request), request.params.id, request.body) }),
  });

  routes.delete('/api/members/:id', {
    config: { permission: 'roster.manage', errors: ['MEMBER_NOT_FOUND', 'ROSTER_LOCKED'] },
    schema: { tags, summary: 'Remove a roster entry', params: idParams, response: responses({ 200: okResponse }) },
    handler: async (request) => {
      await service.removeMember(context, officerOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  routes.post('/api/terms/:termId/members/import', {
    config: {
      permission: 'roster.manage',
      errors: [
        'TERM_NOT_FOUND',
        'ROSTER_IMPORT_FAILED',
        'ROSTER_LOCKED',
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
      summary: 'Import a roster from CSV or XLSX (multipart field "file"); all or nothing',
      params: termParams,
      response: responses({ 200: z.object({ imported: z.number() }), 413: errorEnvelope, 422: errorEnvelope, 503: errorEnvelope }),
    },
    handler: async (request) => {
      const actor = officerOf(request);
      if (!request.isMultipart()) fail('UNSUPPORTED_MEDIA_TYPE');
      // The term and its lock are checked before a byte of the file is read.
      await service.checkRosterImportable(context, request.params.termId);
      const file = await request.file();
      if (!file) fail('VALIDATION_FAILED', { reason: 'a file field is required' });
      const buffer = await file.toBuffer();
      const format = detectFormat(file.filename, file.mimetype, buffer);
      if (!format) fail('ROSTER_IMPORT_FAILED', { problems: [{ line: 1, field: 'file', code: 'BAD_FILE', zh: '请上传 CSV 或 XLSX 文件', en: 'Upload a CSV or XLSX file' }] });
      return service.importRoster(context, actor, request.params.termId, buffer, format);
    },
  });
}
