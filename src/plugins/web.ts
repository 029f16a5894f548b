// Serves the built pages (web/dist): the voter page, the secretary console, the projector view and
// the public result notice. Everything comes from Yishi itself: the hall may have no internet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from '../errors.js';
import { WEB_DIST } from '../web-build.js';

const pages: Record<string, string> = {
  '/join': 'voter.html',
  '/v/:code': 'voter.html',
  '/admin': 'admin.html',
  '/admin/*': 'admin.html',
  '/display/:token': 'display.html',
  '/results/:ballotId': 'results.html',
};

/** No framing, no referrer (join links carry codes), scripts only from here. */
function securePage(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store');
}

export async function registerWeb(app: FastifyInstance): Promise<void> {
  const built = existsSync(join(WEB_DIST, 'voter.html'));
  if (built) {
    await app.register(fastifyStatic, { root: join(WEB_DIST, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d' });
  }
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/join'));
  for (const [path, file] of Object.entries(pages)) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) => {
      if (!built) return reply.status(503).send(errorBody('WEB_NOT_BUILT'));
      return securePage(reply).type('text/html; charset=utf-8').sendFile(file, WEB_DIST, { cacheControl: false });
    });
  }
}
