// Serves the built pages (web/dist): the voter page, the secretary console, the projector view and
// the public result notice. Everything comes from Yishi itself: the hall may have no internet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.js';
import { WEB_DIST } from '../web-build.js';

const pages: Record<string, string> = {
  '/join': 'voter.html',
  '/v/:code': 'voter.html',
  '/admin': 'admin.html',
  '/admin/*': 'admin.html',
  '/display/:token': 'display.html',
  '/results/:ballotId': 'results.html',
  '/public/sessions/:sessionId': 'notice.html',
};

export async function registerWeb(app: FastifyInstance): Promise<void> {
  const built = existsSync(join(WEB_DIST, 'voter.html'));
  if (built) {
    await app.register(fastifyStatic, { root: join(WEB_DIST, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d' });
  }
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/join'));
  for (const [path, file] of Object.entries(pages)) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) => {
      if (!built) return reply.status(503).send(errorBody('WEB_NOT_BUILT'));
      // The security headers come from plugins/security-headers.ts; a page is never cached, so a
      // new build is picked up at once and a join link's page is not kept on a shared phone.
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').sendFile(file, WEB_DIST, { cacheControl: false });
    });
  }
}
