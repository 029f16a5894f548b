// The documents API as the pages' engineer will read it: every route in /api/openapi.json, tagged,
// with a summary, its request body, its success response and its refusals.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp } from '../support/congress.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const DOCUMENT_ROUTES: [string, string, number][] = [
  ['get', '/api/meetings/{id}/documents', 200],
  ['post', '/api/meetings/{id}/documents', 201],
  ['get', '/api/documents', 200],
  ['get', '/api/documents/{id}', 200],
  ['patch', '/api/documents/{id}', 200],
  ['put', '/api/documents/{id}/draft', 200],
  ['post', '/api/documents/{id}/draft/docx', 200],
  ['get', '/api/documents/{id}/draft/preview', 200],
  ['get', '/api/documents/{id}/versions/{versionId}', 200],
  ['get', '/api/documents/{id}/versions/{versionId}/original', 200],
  ['post', '/api/documents/{id}/issue', 200],
  ['post', '/api/documents/{id}/deadline', 200],
  ['post', '/api/documents/{id}/opinions', 201],
  ['post', '/api/documents/{id}/end-collection', 200],
  ['post', '/api/documents/{id}/submissions', 200],
  ['post', '/api/documents/{id}/end-consolidation', 200],
  ['post', '/api/documents/{id}/responses', 200],
  ['post', '/api/documents/{id}/close-round', 200],
  ['post', '/api/documents/{id}/changed-anchors', 200],
  ['post', '/api/documents/{id}/new-round', 200],
  ['post', '/api/documents/{id}/ballot', 200],
  ['get', '/api/documents/{id}/opinion-counts', 200],
  ['get', '/api/documents/{id}/record', 200],
  ['get', '/api/documents/{id}/record/docx', 200],
];

describe('the documents API in the OpenAPI document', () => {
  it('lists every documents route with its tag, summary, body and success response', async () => {
    app = await createApp();
    const spec = await call(app, { method: 'GET', url: '/api/openapi.json' });
    const documented = Object.entries(spec.paths as Record<string, Record<string, any>>)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })))
      .filter((entry) => entry.operation.tags?.includes('documents'));
    expect(documented.map((entry) => [entry.method, entry.path]).sort()).toEqual(DOCUMENT_ROUTES.map(([method, path]) => [method, path]).sort());
    for (const [method, path, status] of DOCUMENT_ROUTES) {
      const operation = spec.paths[path][method];
      expect(operation.summary, `${method} ${path}`).toMatch(/\w{3}/);
      expect(operation.responses[String(status)], `${method} ${path} → ${status}`).toBeDefined();
      expect(
        Object.keys(operation.responses).filter((status) => Number(status) >= 400),
        `${method} ${path} errors`,
      ).toEqual(expect.arrayContaining(['401', '403']));
      if (['post', 'put', 'patch'].includes(method) && !path.endsWith('/docx') && path !== '/api/documents/{id}/end-collection') {
        expect(operation.requestBody, `${method} ${path} body`).toBeDefined();
      }
    }
  });
});
