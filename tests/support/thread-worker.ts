// A pool worker that answers with the id of the thread it runs on, after `delayMs`: what tells one
// worker from the next in the pool's tests.
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';

export default async function run(task: { kind: 'thread'; delayMs?: number }): Promise<{ ok: true; value: number }> {
  if (task.delayMs) await sleep(task.delayMs);
  return { ok: true, value: threadId };
}
