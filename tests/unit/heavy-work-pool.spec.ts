// The worker pool's release(): a long job that needs another pool's worker (the session archive) lets
// this pool's idle worker go first, and never a worker with work in hand.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { HeavyWorkPool, PAPER_WORK_DEFAULTS } from '../../src/workers/pool.js';
import { productionNodeOptions } from '../support/server-process.js';

interface ThreadTasks {
  thread: { input: { delayMs?: number }; output: number };
}
const THREAD_WORKER = new URL('../support/thread-worker.ts', import.meta.url).href;

const pools: HeavyWorkPool<ThreadTasks>[] = [];
function pool(): HeavyWorkPool<ThreadTasks> {
  const made = new HeavyWorkPool<ThreadTasks>({ filename: THREAD_WORKER, timeoutMs: 60_000 });
  pools.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((made) => made.close()));
});

describe('releasing the pool’s worker', () => {
  it('ends an idle worker: the next task runs on a new one', async () => {
    const work = pool();
    const first = await work.run({ kind: 'thread' });
    expect(await work.run({ kind: 'thread' })).toBe(first);
    work.release();
    const next = await work.run({ kind: 'thread' });
    expect(next).not.toBe(first);
    expect(await work.run({ kind: 'thread' })).toBe(next);
  });

  it('leaves a worker with a task running or waiting, which finish on it', async () => {
    const work = pool();
    const first = await work.run({ kind: 'thread' });
    const running = work.run({ kind: 'thread', delayMs: 200 });
    const waiting = work.run({ kind: 'thread' });
    work.release();
    expect(await running).toBe(first);
    expect(await waiting).toBe(first);
    expect(await work.run({ kind: 'thread' })).toBe(first);
  });
});

describe('a pool with too many tasks waiting', () => {
  it('refuses the next with its own busy code: an upload’s for uploads, a paper’s for papers', async () => {
    const papers = new HeavyWorkPool<ThreadTasks>({ filename: THREAD_WORKER, timeoutMs: 60_000, maxWaiting: 1 }, () => {}, PAPER_WORK_DEFAULTS);
    pools.push(papers);
    const running = papers.run({ kind: 'thread', delayMs: 200 });
    const waiting = papers.run({ kind: 'thread' });
    await expect(papers.run({ kind: 'thread' })).rejects.toMatchObject({ code: 'PAPER_WORK_BUSY' });
    await Promise.all([running, waiting]);
  });
});

describe('a pool in a process started with Node options', () => {
  const script = fileURLToPath(new URL('../support/pool-under-v8-option.ts', import.meta.url));
  // A V8 option (node --max-old-space-size=… is a usual production flag), and the options npm start runs with.
  it.each([[['--max-old-space-size=512']], [productionNodeOptions()]])('starts its worker (node %s)', (options) => {
    const output = execFileSync(process.execPath, [...options, '--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(output.trim().split('\n').at(-1)!)).toEqual({ threadId: expect.any(Number) });
  });
});
