// Counts attempts at a secret (an access code, a password) per key in a sliding window; past the limit,
// every attempt is refused. An attempt is counted the moment it starts, before the slow check (a
// password hash, a database lookup), and taken back only once it proves right: a burst of guesses
// arriving together cannot all pass the limit while the first of them are still being checked.
import { fail } from '../errors.js';

export class AttemptLimiter {
  readonly #attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  #recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.#attempts.get(key) ?? []).filter((at) => at > since);
    if (recent.length) this.#attempts.set(key, recent);
    else this.#attempts.delete(key);
    return recent;
  }

  /**
   * Counts one attempt against every key (the address, the account…), or refuses it with
   * TOO_MANY_ATTEMPTS when any of them has used up its window. Synchronous on purpose: call it before
   * the first await of the check it guards.
   */
  reserve(keys: readonly string[]): void {
    if (keys.some((key) => this.#recent(key).length >= this.limit)) fail('TOO_MANY_ATTEMPTS');
    const at = this.now();
    for (const key of keys) {
      const recent = this.#recent(key);
      recent.push(at);
      this.#attempts.set(key, recent);
    }
    // A flood of made-up keys (usernames, addresses) must not grow the map without bound.
    while (this.#attempts.size > 100_000) this.#attempts.delete(this.#attempts.keys().next().value!);
  }

  /** The attempt reserved against these keys was right: it no longer counts. */
  forgive(keys: readonly string[]): void {
    for (const key of keys) {
      const recent = this.#recent(key);
      recent.pop();
      if (recent.length) this.#attempts.set(key, recent);
      else this.#attempts.delete(key);
    }
  }
}
