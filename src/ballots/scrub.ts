// The file scrub owed after a secret ballot closes: it runs after the close commits, and again at
// start-up while it is pending, so neither a crash nor a failed VACUUM leaves vote traces for good.
import type { AppContext } from '../context.js';
import { hasPendingScrub } from './repository.js';
import { VoteRepository } from './vote-repository.js';

/** VACUUM cannot run inside another request's open transaction: wait for the connection to be idle. */
async function whenConnectionIdle(context: AppContext): Promise<void> {
  while (context.sqlite.inTransaction) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Pays every pending scrub at once. A failure (a full disk, say) is logged and the scrub stays
 * pending for the next close or start; it never undoes or hides the close itself.
 */
export async function scrubPendingBallots(context: AppContext): Promise<boolean> {
  if (!(await hasPendingScrub(context.db))) return true;
  await whenConnectionIdle(context);
  try {
    new VoteRepository(context.sqlite).scrubAfterClose();
    return true;
  } catch (error) {
    context.logger.error({ err: error }, 'scrub after close failed; it stays pending and is retried at the next close and at start');
    return false;
  }
}
