// How the server stops, by close-with-grace: on SIGTERM or SIGINT (and an uncaught error) it stops
// accepting, finishes the votes in flight, checkpoints the database and exits; a second signal, or a
// close that outlasts the timeout, exits at once. Every acknowledged vote is already committed, so a
// forced exit loses none: it only skips the checkpoint, which the next start does.
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';

/** Longer than the 3 s the server gives requests in flight (plugins/realtime.ts) plus the checkpoint. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

export function closeOnSignals(app: Pick<FastifyInstance, 'close' | 'log'>, timeoutMs = SHUTDOWN_TIMEOUT_MS): void {
  closeWithGrace(
    {
      delay: timeoutMs,
      logger: { error: (message: unknown) => app.log.error({ err: message }, 'shutdown failed') },
      onSecondSignal: (signal) => app.log.warn({ signal }, 'second signal: exiting without finishing'),
      onSecondError: (error) => app.log.fatal({ err: error }, 'second error while shutting down: exiting'),
      onTimeout: (delay) => app.log.error({ timeoutMs: delay }, 'shutdown timed out: exiting without finishing'),
    },
    async ({ signal, err }) => {
      if (err) app.log.fatal({ err }, 'uncaught error: shutting down');
      else app.log.info({ signal }, 'shutting down');
      await app.close();
    },
  );
}
