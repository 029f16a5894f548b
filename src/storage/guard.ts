// The one place writes meet the free-space reserve: every state-changing HTTP request not listed
// below is refused with STORAGE_RESERVED once free space (less what uploads under way announced,
// less this request's own size) would fall under the reserve. Socket commands (casting, checking a
// receipt, check-in, sync) are all on the vote's side of the line and never reach this check.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../errors.js';
import type { StorageSpace } from './space.js';

/**
 * What may still write below the reserve: the vote and the close with its scrub, and what a
 * representative needs to reach the vote (signing in, joining with a code, check-in and the
 * secretary's attendance marks, opening the meeting and a prepared ballot, publishing the result).
 * Each adds a few rows; none carries text or files a member chooses the size of.
 */
export const ESSENTIAL_WRITES: ReadonlySet<string> = new Set([
  'POST /api/ballots/:id/votes',
  'POST /api/ballots/:id/receipts/check',
  'POST /api/ballots/:id/open',
  'POST /api/ballots/:id/close',
  'POST /api/ballots/:id/publish',
  'POST /api/join',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/meetings/:id/check-in',
  'PUT /api/meetings/:id/attendance/:memberId',
  'POST /api/meetings/:id/open',
  'POST /api/meetings/:id/close',
]);

/** Methods that only read; DELETE frees space (an attachment, a code) and is never held back either. */
const UNGUARDED_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/** A request's growth beyond its body: its history and audit rows, WAL frames, index pages. */
const WRITE_OVERHEAD_BYTES = 64 * 1024;
/** A body with no Content-Length (chunked) is assumed as large as an upload may be. */
const UNKNOWN_BODY_BYTES = 5 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    storageClaim: number;
  }
}

function incomingBytes(request: FastifyRequest): number {
  const declared = Number(request.headers['content-length']);
  return (Number.isFinite(declared) && declared >= 0 ? declared : UNKNOWN_BODY_BYTES) + WRITE_OVERHEAD_BYTES;
}

export function isEssentialWrite(method: string, routeUrl: string | undefined): boolean {
  return UNGUARDED_METHODS.has(method) || routeUrl === undefined || ESSENTIAL_WRITES.has(`${method} ${routeUrl}`);
}

/** Registers the check before any body is read, so an upload below the reserve is never received. */
export function registerStorageGuard(app: FastifyInstance, space: StorageSpace): void {
  app.decorateRequest('storageClaim', 0);
  app.addHook('onRequest', async (request) => {
    if (isEssentialWrite(request.method, request.routeOptions.url)) return;
    const claim = incomingBytes(request);
    const { allowed, status } = await space.claim(claim);
    if (!allowed) fail('STORAGE_RESERVED', { freeBytes: status.freeBytes, reserveBytes: status.reserveBytes, requestBytes: claim });
    request.storageClaim = claim;
  });
  const release = async (request: FastifyRequest) => {
    const claim = request.storageClaim;
    request.storageClaim = 0;
    space.release(claim);
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
