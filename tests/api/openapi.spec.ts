// The OpenAPI document and the browsable docs.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../support/congress.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const MAIN_ROUTES: [string, string][] = [
  ['post', '/api/auth/login'],
  ['post', '/api/accounts'],
  ['post', '/api/terms'],
  ['post', '/api/terms/{termId}/delegations'],
  ['post', '/api/terms/{termId}/members'],
  ['post', '/api/terms/{termId}/members/import'],
  ['post', '/api/terms/{termId}/codes'],
  ['delete', '/api/members/{id}/code'],
  ['post', '/api/join'],
  ['post', '/api/meetings'],
  ['post', '/api/meetings/{id}/open'],
  ['post', '/api/meetings/{id}/check-in'],
  ['put', '/api/meetings/{id}/attendance/{memberId}'],
  ['get', '/api/meetings/{id}/live'],
  ['post', '/api/meetings/{id}/ballots'],
  ['post', '/api/ballots/{id}/open'],
  ['post', '/api/ballots/{id}/votes'],
  ['post', '/api/ballots/{id}/close'],
  ['put', '/api/ballots/{id}/manual-result'],
  ['post', '/api/ballots/{id}/publish'],
  ['post', '/api/ballots/{id}/revote'],
  ['get', '/api/ballots/{id}/receipts'],
  ['post', '/api/ballots/{id}/receipts/check'],
  ['get', '/api/public/ballots/{id}'],
  ['get', '/api/audit'],
];

describe('the OpenAPI document', () => {
  it('lists the main routes, to anyone', async () => {
    app = await createApp();
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toContain('Yishi');
    for (const [method, path] of MAIN_ROUTES) expect(document.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
  });

  it('describes request bodies and error answers from the same schemas the server checks', async () => {
    app = await createApp();
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const resolve = (schema: { $ref?: string }) => (schema.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema);
    const castVote = document.paths['/api/ballots/{id}/votes'].post;
    const body = resolve(castVote.requestBody.content['application/json'].schema);
    expect(body.required).toContain('answers');
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['answers', 'receipt']));
    const [envelope] = castVote.responses['409'].content['application/json'].schema.allOf;
    expect(resolve(envelope).required).toEqual(expect.arrayContaining(['code', 'messageZh', 'messageEn']));
  });

  it('is served as browsable HTML docs', async () => {
    app = await createApp();
    let response = await app.inject({ method: 'GET', url: '/api/docs' });
    if (response.statusCode >= 300 && response.statusCode < 400) response = await app.inject({ method: 'GET', url: String(response.headers.location) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toMatch(/<html/i);
  });
});
