// Timers the services arm (a ballot's deadline, its retry), behind one small interface so that
// tests move time by hand instead of sleeping. In production they are Node's own, unref'ed so
// that a far deadline never keeps the process alive.

/** Cancels the timer it came from; calling it after the timer ran does nothing. */
export type CancelTimer = () => void;

export interface Timers {
  set(callback: () => void, delayMs: number): CancelTimer;
}

export const systemTimers: Timers = {
  set(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
