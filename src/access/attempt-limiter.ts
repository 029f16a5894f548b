// Counts attempts at a secret (an access code, a password) per key in a sliding window; past the limit,
// every attempt is refused. An attempt is counted the moment it starts, before the slow check (a
// password hash, a database lookup), and taken back only once it proves right: a burst of guesses
// arriving together cannot all pass the limit while the first of them are still being checked.
import { fail } from '../errors.js';

export class AttemptLimiter {
  readonly #attempts = new Map<string, number[]>();
  #sweptAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    /** Keys (addresses, usernames) held at once: bounds the memory a flood of made-up ones can take. */
    private readonly capacity = 100_000,
  ) {}

  /**
   * The key's attempts still in the window, or undefined (the key then dropped). Pruned in place:
   * every handshake of a reconnecting hall asks, and a filtered copy per call was garbage.
   */
  #recent(key: string, now: number): number[] | undefined {
    const attempts = this.#attempts.get(key);
    if (!attempts) return undefined;
    const since = now - this.windowMs;
    let kept = 0;
    for (const at of attempts) if (at > since) attempts[kept++] = at;
    attempts.length = kept;
    if (kept > 0) return attempts;
    this.#attempts.delete(key);
    return undefined;
  }

  /**
   * Counts one attempt against every key (the address, the account…), or refuses it with
   * TOO_MANY_ATTEMPTS when any of them has used up its window. Synchronous on purpose: call it before
   * the first await of the check it guards.
   */
  reserve(keys: readonly string[]): void {
    const now = this.now();
    let added = 0;
    for (const key of keys) {
      const recent = this.#recent(key, now);
      if (!recent) added++;
      else if (recent.length >= this.limit) fail('TOO_MANY_ATTEMPTS');
    }
    if (this.#attempts.size + added > this.capacity) this.#makeRoom(added, now);
    for (const key of keys) {
      const recent = this.#attempts.get(key);
      if (recent) recent.push(now);
      else this.#attempts.set(key, [now]);
    }
  }

  /**
   * Drops keys whose attempts have all left the window (at most once a second: it reads them all), then
   * the oldest keys with a single attempt, then the oldest. A flood of made-up usernames, one guess
   * each, so makes room among its own keys, not by wiping the count of an account under attack.
   */
  #makeRoom(needed: number, now: number): void {
    if (now - this.#sweptAt >= 1_000) {
      this.#sweptAt = now;
      for (const key of [...this.#attempts.keys()]) this.#recent(key, now);
    }
    const excess = () => this.#attempts.size + needed - this.capacity;
    for (const [key, attempts] of this.#attempts) {
      if (excess() <= 0) return;
      if (attempts.length <= 1) this.#attempts.delete(key);
    }
    for (const key of this.#attempts.keys()) {
      if (excess() <= 0) return;
      this.#attempts.delete(key);
    }
  }

  /** The attempt reserved against these keys was right: it no longer counts. */
  forgive(keys: readonly string[]): void {
    const now = this.now();
    for (const key of keys) {
      const recent = this.#recent(key, now);
      recent?.pop();
      if (recent?.length === 0) this.#attempts.delete(key);
    }
  }
}
