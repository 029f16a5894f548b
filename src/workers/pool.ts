// The heavy-work pool: one worker thread (the machine has two cores and the main thread keeps one
// for votes) that reads uploads and diffs versions. Tasks run one at a time; a few may wait, the
// rest are refused at once (HEAVY_WORK_BUSY; PAPER_WORK_BUSY for papers) rather than piling up. A task past its time is stopped
// by terminating the worker (UPLOAD_TOO_SLOW); one past its memory dies alone (UPLOAD_TOO_MUCH_MEMORY).
// The official papers (PDF and .docx) have a pool of their own (PAPER_WORK_DEFAULTS): its worker keeps a
// 26 MB font and takes seconds over a 10,000-name list, which would otherwise hold up every upload behind it.
import { Piscina } from 'piscina';
import { type ErrorCode, fail } from '../errors.js';
import type { HeavyTasks } from './heavy-work.js';
import type { HeavyOutcome, TaskTable } from './outcome.js';

export interface HeavyWorkOptions {
  /** From the moment the task reaches the worker (its time waiting in line is not counted). */
  timeoutMs: number;
  /** Tasks that may wait while one runs. */
  maxWaiting: number;
  /** The worker's V8 heap; Buffers live outside it and are bounded by the zip limits instead. */
  maxOldGenerationSizeMb: number;
  /** The worker's young generation: V8 fills it before collecting, so it is resident memory at each task's peak. */
  maxYoungGenerationSizeMb: number;
  /** An idle worker exits after this long, and with it whatever it keeps (the PDF fonts). */
  idleTimeoutMs: number;
  /** The refusals a task gets when too many wait, past its time or past its memory: an upload's, or a paper's. */
  busy: ErrorCode;
  tooSlow: ErrorCode;
  tooMuchMemory: ErrorCode;
  /** Tests run a worker of their own (one that never finishes) to prove the timeout. */
  filename?: string;
}

// Under tsx (npm start, tests) this file is .ts and so is the worker; compiled, both are .js. A
// worker started from a tsx process inherits tsx through execArgv; one started elsewhere (vitest)
// is given it.
const compiled = import.meta.url.endsWith('.js');
const workerFile = (name: string): string => new URL(compiled ? `./${name}.js` : `./${name}.ts`, import.meta.url).href;

export const HEAVY_WORK_DEFAULTS: HeavyWorkOptions = {
  timeoutMs: 10_000,
  maxWaiting: 4,
  maxOldGenerationSizeMb: 384,
  maxYoungGenerationSizeMb: 32,
  idleTimeoutMs: 60_000,
  busy: 'HEAVY_WORK_BUSY',
  tooSlow: 'UPLOAD_TOO_SLOW',
  tooMuchMemory: 'UPLOAD_TOO_MUCH_MEMORY',
  filename: workerFile('heavy-work'),
};

/**
 * The paper worker (src/workers/paper-work.ts, which loads pdfkit and docx and no upload reader). A 10,000-name
 * attendance list takes 3–5 s (it was 15–25 s while fontkit shaped every word), several times that on
 * a loaded machine: 120 s. A 4 MB young generation instead of 32 keeps a 450-page list's peak low (it is collected
 * more often, at ~5% of the time; 4 MB instead of 8 took 6 MB off the archive's peak for ~2% of the time); the old generation holds the font's parsed tables and one page's
 * layout at a time. Idle for 30 s, the worker exits and frees the font.
 */
export const PAPER_WORK_DEFAULTS: HeavyWorkOptions = {
  timeoutMs: 120_000,
  maxWaiting: 4,
  maxOldGenerationSizeMb: 128,
  maxYoungGenerationSizeMb: 4,
  idleTimeoutMs: 30_000,
  busy: 'PAPER_WORK_BUSY',
  tooSlow: 'PAPER_TOO_SLOW',
  tooMuchMemory: 'PAPER_TOO_MUCH_MEMORY',
  filename: workerFile('paper-work'),
};

/**
 * The worker's Node options: inherited (undefined) whenever it needs nothing more, since Node then
 * passes the process's own on, V8 options included. Given explicitly, a V8 option such as
 * `node --max-old-space-size=4096 dist/main.js` (a usual production flag) is refused
 * (ERR_WORKER_INVALID_EXEC_ARGV) and no upload or PDF could be made.
 */
function workerExecArgv(filename: string): string[] | undefined {
  if (!filename.endsWith('.ts') || process.execArgv.some((argument) => argument.includes('tsx'))) return undefined;
  return [...process.execArgv, '--import', 'tsx'];
}

/** A pool of one worker whose tasks are `Tasks` (the heavy-work worker's by default, PaperTasks for the paper pool). */
export class HeavyWorkPool<Tasks extends TaskTable<Tasks> = HeavyTasks> {
  #pool: Piscina;
  readonly #makePool: () => Piscina;
  readonly #options: HeavyWorkOptions;
  #running = false;
  readonly #waiting: (() => void)[] = [];

  constructor(options: Partial<HeavyWorkOptions> = {}, onWorkerError: (error: unknown) => void = () => {}, defaults: HeavyWorkOptions = HEAVY_WORK_DEFAULTS) {
    this.#options = { ...defaults, ...options };
    const filename = this.#options.filename ?? workerFile('heavy-work');
    this.#makePool = () => {
      const pool = new Piscina({
        filename,
        execArgv: workerExecArgv(filename),
        minThreads: 0,
        maxThreads: 1,
        idleTimeout: this.#options.idleTimeoutMs,
        // Tasks are async (mammoth, yauzl): the worker's event loop must keep turning between them.
        atomics: 'disabled',
        resourceLimits: { maxOldGenerationSizeMb: this.#options.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: this.#options.maxYoungGenerationSizeMb, stackSizeMb: 4 },
      });
      // A worker can die outside any task, e.g. stopped at its memory limit just after its task was
      // refused (UPLOAD_TOO_MUCH_MEMORY): Piscina reports that on the pool and starts a new worker.
      // Unheard, that report would be an uncaught exception and take the whole server down.
      pool.on('error', onWorkerError);
      return pool;
    };
    this.#pool = this.#makePool();
  }

  /**
   * Ends the worker now, with what it holds, if no task is running or waiting; the next task starts a
   * new one. For a long job that needs another pool's worker (the session archive: the paper worker),
   * so an idle worker of this one does not stay in memory beside it.
   */
  release(): void {
    if (this.#running || this.#waiting.length > 0) return;
    const idle = this.#pool;
    this.#pool = this.#makePool();
    void idle.destroy();
  }

  /** Tasks running or waiting now (the benchmark and tests read it). */
  get load(): number {
    return (this.#running ? 1 : 0) + this.#waiting.length;
  }

  /** `timeoutMs` overrides the pool's for one task. */
  async run<K extends keyof Tasks & string>(task: { kind: K } & Tasks[K]['input'], limits: { timeoutMs?: number } = {}): Promise<Tasks[K]['output']> {
    await this.#turn();
    try {
      const outcome = await this.#runNow(task, limits.timeoutMs ?? this.#options.timeoutMs);
      if (!outcome.ok) fail(outcome.code, outcome.details);
      return outcome.value as Tasks[K]['output'];
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
    if (this.#waiting.length >= this.#options.maxWaiting) fail(this.#options.busy, { waiting: this.#waiting.length });
    // The one finishing hands its turn over directly, so #running stays true.
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async #runNow(task: { kind: string }, timeoutMs: number): Promise<HeavyOutcome> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      return (await this.#pool.run(task, { signal: abort.signal })) as HeavyOutcome;
    } catch (error) {
      if (abort.signal.aborted) fail(this.#options.tooSlow, { timeoutMs });
      if ((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') fail(this.#options.tooMuchMemory, { maxHeapMb: this.#options.maxOldGenerationSizeMb });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
