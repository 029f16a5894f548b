// What a worker task sends back: its value, or its refusal as a value (an error code and its details),
// since an AppError does not survive the trip between threads. Shared by the heavy-work and PDF workers.
import { AppError, type ErrorCode } from '../errors.js';

export type HeavyOutcome<T = unknown> = { ok: true; value: T } | { ok: false; code: ErrorCode; details?: unknown };

/** A worker's tasks by kind: what each takes and what it gives back. */
export type TaskTable<Tasks> = { [K in keyof Tasks]: { input: object; output: unknown } };

export async function settle(work: () => unknown): Promise<HeavyOutcome> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, ...(error.details === undefined ? {} : { details: error.details }) };
    throw error;
  }
}
