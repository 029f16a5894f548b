// The heavy-work pool: one worker thread (the machine has two cores and the main thread keeps one
// for votes) that reads uploads and diffs versions. Tasks run one at a time; a few may wait, the
// rest are refused at once (HEAVY_WORK_BUSY) rather than piling up. A task past its time is stopped
// by terminating the worker (UPLOAD_TOO_SLOW); one past its memory dies alone (UPLOAD_TOO_MUCH_MEMORY).
import { Piscina } from 'piscina';
import { fail } from '../errors.js';
import type { HeavyKind, HeavyOutcome, HeavyTask, HeavyTasks } from './heavy-work.js';

export interface HeavyWorkOptions {
  /** From the moment the task reaches the worker (its time waiting in line is not counted). */
  timeoutMs: number;
  /** Tasks that may wait while one runs. */
  maxWaiting: number;
  /** The worker's V8 heap; Buffers live outside it and are bounded by the zip limits instead. */
  maxOldGenerationSizeMb: number;
  /** Tests run a worker of their own (one that never finishes) to prove the timeout. */
  filename?: string;
}

export const HEAVY_WORK_DEFAULTS: HeavyWorkOptions = { timeoutMs: 10_000, maxWaiting: 4, maxOldGenerationSizeMb: 384 };

// Under tsx (npm start, tests) this file is .ts and so is the worker; compiled, both are .js. A
// worker started from a tsx process inherits tsx through execArgv; one started elsewhere (vitest)
// is given it.
const compiled = import.meta.url.endsWith('.js');
const WORKER_FILE = new URL(compiled ? './heavy-work.js' : './heavy-work.ts', import.meta.url).href;

function workerExecArgv(filename: string): string[] {
  if (!filename.endsWith('.ts') || process.execArgv.some((argument) => argument.includes('tsx'))) return process.execArgv;
  return [...process.execArgv, '--import', 'tsx'];
}

export class HeavyWorkPool {
  readonly #pool: Piscina;
  readonly #options: HeavyWorkOptions;
  #running = false;
  readonly #waiting: (() => void)[] = [];

  constructor(options: Partial<HeavyWorkOptions> = {}, onWorkerError: (error: unknown) => void = () => {}) {
    this.#options = { ...HEAVY_WORK_DEFAULTS, ...options };
    const filename = this.#options.filename ?? WORKER_FILE;
    this.#pool = new Piscina({
      filename,
      execArgv: workerExecArgv(filename),
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 60_000,
      // Tasks are async (mammoth, yauzl): the worker's event loop must keep turning between them.
      atomics: 'disabled',
      resourceLimits: { maxOldGenerationSizeMb: this.#options.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    // A worker can die outside any task, e.g. stopped at its memory limit just after its task was
    // refused (UPLOAD_TOO_MUCH_MEMORY): Piscina reports that on the pool and starts a new worker.
    // Unheard, that report would be an uncaught exception and take the whole server down.
    this.#pool.on('error', onWorkerError);
  }

  /** Tasks running or waiting now (the benchmark and tests read it). */
  get load(): number {
    return (this.#running ? 1 : 0) + this.#waiting.length;
  }

  /** `timeoutMs` overrides the pool's for a task known to be long (a PDF of a 10,000-name list). */
  async run<K extends HeavyKind>(task: { kind: K } & HeavyTasks[K]['input'], limits: { timeoutMs?: number } = {}): Promise<HeavyTasks[K]['output']> {
    await this.#turn();
    try {
      const outcome = await this.#runNow(task as HeavyTask, limits.timeoutMs ?? this.#options.timeoutMs);
      if (!outcome.ok) fail(outcome.code, outcome.details);
      return outcome.value as HeavyTasks[K]['output'];
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running = false;
    }
  }

  async close(): Promise<void> {
    await this.#pool.destroy();
  }

  #turn(): Promise<void> {
    if (!this.#running) {
      this.#running = true;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.#options.maxWaiting) fail('HEAVY_WORK_BUSY', { waiting: this.#waiting.length });
    // The one finishing hands its turn over directly, so #running stays true.
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async #runNow(task: HeavyTask, timeoutMs: number): Promise<HeavyOutcome> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      return (await this.#pool.run(task, { signal: abort.signal })) as HeavyOutcome;
    } catch (error) {
      if (abort.signal.aborted) fail('UPLOAD_TOO_SLOW', { timeoutMs });
      if ((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') fail('UPLOAD_TOO_MUCH_MEMORY', { maxHeapMb: this.#options.maxOldGenerationSizeMb });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
