// Votes reach the disk without holding the event loop. SQLite's synchronous=FULL is NORMAL plus one
// sync of the write-ahead log after each commit, run on the thread that answers every phone: some
// 2 ms per batch, a sixth of the server's time while a hall reconnects and votes. The vote batch
// commits under NORMAL instead, and this syncs the same log on libuv's thread pool; a vote is
// acknowledged only once that sync, started after its commit, has returned. Same guarantee, and the
// loop goes on reading votes and handshakes meanwhile. Every other write keeps FULL.
import { closeSync, fdatasync, fstatSync, openSync, statSync } from 'node:fs';

export class WalSync {
  #fd: number | null = null;
  #inode = -1;
  /** Descriptors of a log SQLite has since replaced (a restore): kept open until close, as a sync may still use them. */
  readonly #retired: number[] = [];

  /** `databasePath` null or ':memory:': no log on disk, nothing to sync. */
  constructor(private readonly databasePath: string | null) {}

  /** Resolves once everything written to the log before the call is on the disk. */
  sync(): Promise<void> {
    if (!this.databasePath || this.databasePath === ':memory:') return Promise.resolve();
    let fd: number;
    try {
      fd = this.#descriptor();
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
  }

  /** The log's descriptor, opened anew if the file on disk is another one than before. */
  #descriptor(): number {
    const path = `${this.databasePath}-wal`;
    const inode = statSync(path).ino;
    if (this.#fd !== null && inode === this.#inode) return this.#fd;
    if (this.#fd !== null) this.#retired.push(this.#fd);
    this.#fd = openSync(path, 'r');
    this.#inode = fstatSync(this.#fd).ino;
    return this.#fd;
  }

  close(): void {
    for (const fd of [...this.#retired, ...(this.#fd === null ? [] : [this.#fd])]) closeSync(fd);
    this.#retired.length = 0;
    this.#fd = null;
  }
}
