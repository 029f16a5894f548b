// The security headers a browser acts on: every page, the API and its browsable docs run scripts
// only from Yishi itself, cannot be framed, send no referrer (join links carry codes), and a hall on
// plain http://<LAN address> keeps working (no upgrade to https, no HSTS pin).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../support/web-build.js';
import { createApp, signIn } from '../support/congress.js';

/** The policy the pages had when it was written by hand, directive by directive. */
const POLICY = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'ws:', 'wss:'],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

const PAGES = ['/join', '/v/ABCD2345', '/admin', '/admin/motions', '/display/some-token', '/results/some-ballot'];

function directives(header: unknown): Record<string, string[]> {
  const parsed: Record<string, string[]> = {};
  for (const part of String(header).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed[name] = sources;
  }
  return parsed;
}

let app: FastifyInstance;
let secretary: string;
beforeAll(async () => {
  await ensureWebBuild();
  app = await createApp();
  secretary = await signIn(app);
});
afterAll(async () => {
  await app.close();
});

describe('the pages', () => {
  it.each(PAGES)('%s has the strict policy, no framing, no referrer and is never cached', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(directives(response.headers['content-security-policy'])).toEqual(POLICY);
    expect(response.headers).toMatchObject({
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
  });

  it('runs no inline or evaluated script, and loads nothing from elsewhere', async () => {
    for (const url of PAGES) {
      const policy = directives((await app.inject({ method: 'GET', url })).headers['content-security-policy']);
      // No script-src: scripts fall back to default-src, which is this origin alone.
      expect(policy['script-src']).toBeUndefined();
      expect(policy['script-src-elem']).toBeUndefined();
      expect(policy['script-src-attr']).toBeUndefined();
      expect(policy['default-src']).toEqual(["'self'"]);
      const everySource = Object.entries(policy).flatMap(([name, sources]) => (name === 'style-src' ? [] : sources));
      expect(everySource).not.toContain("'unsafe-inline'");
      expect(everySource).not.toContain("'unsafe-eval'");
      expect(everySource.filter((source) => source.startsWith('http') || source === '*' || source === 'https:')).toEqual([]);
    }
  });

  it('keeps a hall served over plain http working: no upgrade to https, no HSTS pin', async () => {
    const response = await app.inject({ method: 'GET', url: '/join' });
    expect(directives(response.headers['content-security-policy'])).not.toHaveProperty('upgrade-insecure-requests');
    expect(response.headers).not.toHaveProperty('strict-transport-security');
  });
});

describe('the API and its docs', () => {
  it.each([
    ['an answer', '/api/meetings'],
    ['an error', '/api/no-such-route'],
    ['the OpenAPI document', '/api/openapi.json'],
    ['the browsable docs', '/api/docs'],
  ])('%s carries the same policy, no framing and nosniff', async (_what, url) => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie: secretary } });
    expect(directives(response.headers['content-security-policy'])).toEqual(POLICY);
    expect(response.headers).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  });
});
