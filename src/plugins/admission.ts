// New connections are admitted a few per turn of the event loop. A whole hall reconnecting at once
// brings hundreds of handshakes in one turn; run together, they held every vote of the phones still
// connected behind all of them. Between two slices the loop reads those votes and commits them.

/** Handshakes worked on per turn: a vote waits behind 16 of them, not behind a wave of 500. */
const PER_TURN = 16;
/** A crowd: more connections than this within the last one to two windows (a few phones coming back are not one). */
const CROWD_SIZE = 64;
const WINDOW_MS = 500;

export class Admission {
  readonly #waiting: (() => void)[] = [];
  #scheduled = false;
  /** Connections admitted in the current window and in the one before it. */
  #current = 0;
  #previous = 0;
  #windowStart = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `start` in a later turn, after the connections that came before it. */
  admit(start: () => void): void {
    this.#waiting.push(start);
    this.#schedule();
  }

  /**
   * Whether a crowd is connecting (a hall's Wi-Fi came back). While it is, broadcasts to everyone
   * are spaced out: each costs a write per connected phone, and the newcomers' snapshots carry
   * the same figures anyway.
   */
  crowded(): boolean {
    this.#roll();
    return this.#waiting.length > CROWD_SIZE || this.#current + this.#previous > CROWD_SIZE;
  }

  #roll(): void {
    const elapsed = this.now() - this.#windowStart;
    if (elapsed < WINDOW_MS) return;
    this.#previous = elapsed < 2 * WINDOW_MS ? this.#current : 0;
    this.#current = 0;
    this.#windowStart = this.now();
  }

  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      const slice = this.#waiting.splice(0, PER_TURN);
      this.#roll();
      this.#current += slice.length;
      for (const start of slice) start();
      this.#schedule();
    });
  }
}
