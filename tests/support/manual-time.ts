// A clock and its timers that move only when the test says so: deadline tests state the time
// they mean instead of sleeping and polling, and hold on a machine however slow or busy.
import type { CancelTimer, Timers } from '../../src/timers.js';

interface Pending {
  at: number;
  order: number;
  callback: () => void;
}

export interface ManualTime {
  clock: () => Date;
  timers: Timers;
  /** Timers armed and not yet run or cancelled. */
  readonly armed: number;
  /** Moves the clock forward, running each timer that falls due on the way, in order. */
  advance(milliseconds: number): void;
}

export function manualTime(start = Date.now()): ManualTime {
  let now = start;
  let order = 0;
  const pending = new Set<Pending>();
  return {
    clock: () => new Date(now),
    timers: {
      set(callback, delayMs): CancelTimer {
        const timer = { at: now + Math.max(0, delayMs), order: order++, callback };
        pending.add(timer);
        return () => pending.delete(timer);
      },
    },
    get armed() {
      return pending.size;
    },
    advance(milliseconds) {
      const until = now + milliseconds;
      for (;;) {
        const next = [...pending].filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at || a.order - b.order)[0];
        if (!next) break;
        pending.delete(next);
        now = next.at;
        next.callback();
      }
      now = until;
    },
  };
}

/** Resolves when the app announces the ballot closed (subscribe before moving the clock). */
export function whenClosed(app: { yishi: { events: { subscribe(listener: (event: { type: string; ballotId?: string }) => void): () => void } } }, ballotId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = app.yishi.events.subscribe((event) => {
      if (event.type === 'ballot.closed' && event.ballotId === ballotId) {
        stop();
        resolve();
      }
    });
  });
}
