// Counts failed code attempts per address in a sliding window; past the limit, every attempt is refused.
export class AttemptLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  #recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.#failures.get(address) ?? []).filter((at) => at > since);
    if (recent.length) this.#failures.set(address, recent);
    else this.#failures.delete(address);
    return recent;
  }

  isBlocked(address: string): boolean {
    return this.#recent(address).length >= this.limit;
  }

  /** Takes back one counted failure: the attempt it was counted for turned out right. */
  forgive(address: string): void {
    const recent = this.#recent(address);
    recent.pop();
    if (recent.length) this.#failures.set(address, recent);
    else this.#failures.delete(address);
  }

  recordFailure(address: string): void {
    const recent = this.#recent(address);
    recent.push(this.now());
    this.#failures.set(address, recent);
    if (this.#failures.size > 100_000) this.#failures.delete(this.#failures.keys().next().value!);
  }
}
