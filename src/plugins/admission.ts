// New connections are admitted a few per turn of the event loop. A whole hall reconnecting at once
// brings hundreds of handshakes in one turn; run together, they held every vote of the phones still
// connected behind all of them. Between two slices the loop reads those votes and commits them.
import type { Server, Socket } from 'node:net';

/**
 * Handshakes worked on per turn: a vote waits behind 4 of them, not behind a wave of 500. During a
 * 1,000-phone reconnect the connected phones' p99 was 21–51 ms with 16 (median of eight runs 32),
 * 18–38 with 8 (six runs, median 27), 14–30 with 4 (eight runs, median 20), the hall back as soon
 * within the noise (README, Benchmark (c)).
 */
export const ADMITTED_PER_TURN = 4;

export class Admission {
  readonly #waiting: (() => void)[] = [];
  #scheduled = false;

  /** Whether connections are waiting to be admitted: a hall is (re)connecting. */
  get busy(): boolean {
    return this.#waiting.length > 0;
  }

  /** Runs `start` in a later turn, after the connections that came before it. */
  admit(start: () => void): void {
    this.#waiting.push(start);
    this.#schedule();
  }

  /**
   * The server's new connections are accepted but not read until admitted (net.Server's
   * pauseOnConnect, here on the server http made): read at once, a reconnecting hall's upgrade
   * requests were all parsed and handled in the turn their bytes arrived (measured during a 1,000-phone
   * reconnect: the connected phones' p99 went from 2.6–3.0× their quiet p99 to 1.0–1.85×).
   */
  pauseNewConnections(server: Server): void {
    (server as Server & { pauseOnConnect: boolean }).pauseOnConnect = true;
    server.on('connection', (socket: Socket) => this.admit(() => socket.resume()));
  }

  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      for (const start of this.#waiting.splice(0, ADMITTED_PER_TURN)) start();
      this.#schedule();
    });
  }
}
