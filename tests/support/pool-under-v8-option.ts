// Run as `node --max-old-space-size=512 --import tsx tests/support/pool-under-v8-option.ts`: a
// worker pool in a process started with a V8 option, as a production server may be. Prints the
// worker's thread id, or the error that kept it from starting.
import { HeavyWorkPool } from '../../src/workers/pool.js';

const pool = new HeavyWorkPool<{ thread: { input: { delayMs?: number }; output: number } }>({ filename: new URL('./thread-worker.ts', import.meta.url).href });
try {
  console.log(JSON.stringify({ threadId: await pool.run({ kind: 'thread' }) }));
} catch (error) {
  console.log(JSON.stringify({ error: (error as { code?: string }).code ?? String(error) }));
} finally {
  await pool.close();
}
