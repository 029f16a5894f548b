// The scrub owed after a secret ballot closes. The close itself rewrote the ballot's rows in key order
// (in its transaction); what is left is the WAL, which still holds the page images each vote batch
// wrote. Emptying it runs after the close commits and again at start-up while it is pending, so
// neither a crash nor a failed checkpoint leaves vote traces for good. Its cost is the WAL's size,
// which wal_autocheckpoint bounds, never the database's.
import type { AppContext } from '../context.js';
import { hasPendingScrub } from './repository.js';
import { walScrub } from './vote-repository.js';

/** A checkpoint cannot truncate inside another request's open transaction: wait for the connection to be idle. */
async function whenConnectionIdle(context: Pick<AppContext, 'sqlite'>): Promise<void> {
  while (context.sqlite.inTransaction) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Pays every pending scrub at once. A failure is logged and the scrub stays
 * pending for the next close or start; it never undoes or hides the close itself.
 */
export async function scrubPendingBallots(context: Pick<AppContext, 'db' | 'sqlite' | 'logger'>): Promise<boolean> {
  if (!(await hasPendingScrub(context.db))) return true;
  await whenConnectionIdle(context);
  try {
    walScrub.run(context.sqlite);
    return true;
  } catch (error) {
    context.logger.error({ err: error }, 'scrub after close failed; it stays pending and is retried at the next close and at start');
    return false;
  }
}
