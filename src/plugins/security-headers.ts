// Security headers on every response, by @fastify/helmet: the pages' strict policy (scripts and
// everything else only from Yishi itself, no framing, no referrer) also covers the API and /api/docs.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy, directive by directive. No 'unsafe-inline' or 'unsafe-eval' for
 * scripts (they fall back to default-src); inline styles only, which the pages' libraries set.
 * `ws:`/`wss:` for Socket.IO, `data:` images for the QR codes on the credential cards.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'ws:', 'wss:'],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    // Helmet's default directives would add upgrade-insecure-requests, which breaks a hall served
    // over plain http://<LAN address>: the policy is exactly ours.
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HTTPS is the reverse proxy's business (TLS ends there); a year-long pin sent from here could
    // lock a hall's host name out of plain http on the LAN.
    strictTransportSecurity: false,
  });
}
