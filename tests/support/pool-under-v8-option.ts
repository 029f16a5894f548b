// Run as `node <options> --import tsx tests/support/pool-under-v8-option.ts` (a V8 option such as
// --max-old-space-size=512, or what `npm start` runs with): a worker pool in a process started with
// Node options, as a production server is. Prints the worker's thread id, or the error that kept it
// from starting.
import { HeavyWorkPool } from '../../src/workers/pool.js';

const pool = new HeavyWorkPool<{ thread: { input: { delayMs?: number }; output: number } }>({ filename: new URL('./thread-worker.ts', import.meta.url).href });
try {
  console.log(JSON.stringify({ threadId: await pool.run({ kind: 'thread' }) }));
} catch (error) {
  console.log(JSON.stringify({ error: (error as { code?: string }).code ?? String(error) }));
} finally {
  await pool.close();
}
