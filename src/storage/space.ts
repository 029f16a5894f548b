// Free space on the file system that holds the database, and the reserve kept on it for votes and
// the scrub a secret ballot owes after it closes: below the reserve, other writes are refused
// (guard.ts), so no member can fill the disk and make Yishi skip a scrub.
import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config.js';

/** What the file system says: bytes free to us and its size, or null when there is no file (:memory:). */
export interface SpaceReading {
  freeBytes: number;
  totalBytes: number;
}

export type SpaceProbe = () => Promise<SpaceReading | null>;

const MB = 1024 * 1024;
/** Cap on the default reserve: votes and a scrub proportional to one ballot fit many times over. */
const DEFAULT_RESERVE_CAP = 64 * MB;

/** Reads the database's file system with statfs (bavail: what an unprivileged writer may use); null for `:memory:`. */
export function statfsProbe(databasePath: string): SpaceProbe {
  if (databasePath === ':memory:') return async () => null;
  const directory = dirname(resolve(databasePath));
  return () =>
    statfs(directory).then(
      (stats) => ({ freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize }),
      () => null,
    );
}

/** The reserve in bytes: STORAGE_RESERVE_MB, or the smaller of 64 MB and a tenth of the file system. */
export function reserveBytes(config: Pick<Config, 'STORAGE_RESERVE_MB'>, reading: SpaceReading | null): number {
  if (config.STORAGE_RESERVE_MB !== undefined) return Math.round(config.STORAGE_RESERVE_MB * MB);
  if (!reading) return DEFAULT_RESERVE_CAP;
  return Math.min(DEFAULT_RESERVE_CAP, Math.floor(reading.totalBytes / 10));
}

export interface SpaceStatus {
  /** null: unknown (an in-memory database), never refused. */
  freeBytes: number | null;
  reserveBytes: number;
  /** Bytes promised to uploads still being received. */
  inFlightBytes: number;
  /** Whether writes other than votes and the scrub are being refused now. */
  refusing: boolean;
}

/**
 * The reserve's bookkeeping. Free space is read at most once a second (`readingTtlMs`; a statfs per
 * write would be a system call each) and lowered by what uploads under way announced
 * (Content-Length), so two uploads arriving together cannot both take the last margin. A finished
 * write stays counted until a fresh reading has seen it land.
 */
export class StorageSpace {
  #inFlight = 0;
  #settling = 0;
  #reading: { at: number; value: Promise<SpaceReading | null> } | null = null;

  constructor(
    private readonly config: Pick<Config, 'STORAGE_RESERVE_MB'>,
    private readonly probe: SpaceProbe,
    private readonly readingTtlMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  #read(): Promise<SpaceReading | null> {
    if (!this.#reading || this.now() - this.#reading.at >= this.readingTtlMs) {
      this.#settling = 0;
      this.#reading = { at: this.now(), value: this.probe().catch(() => null) };
    }
    return this.#reading.value;
  }

  async status(): Promise<SpaceStatus> {
    const reading = await this.#read();
    const reserve = reserveBytes(this.config, reading);
    const pending = this.#inFlight + this.#settling;
    const refusing = reading !== null && reading.freeBytes - pending < reserve;
    return { freeBytes: reading?.freeBytes ?? null, reserveBytes: reserve, inFlightBytes: pending, refusing };
  }

  /**
   * Whether a write of `incomingBytes` may go ahead above the reserve; if so it is counted as under
   * way until `release` is called with the same figure.
   */
  async claim(incomingBytes: number): Promise<{ allowed: boolean; status: SpaceStatus }> {
    const status = await this.status();
    const allowed = status.freeBytes === null || status.freeBytes - status.inFlightBytes - incomingBytes >= status.reserveBytes;
    if (allowed) this.#inFlight += incomingBytes;
    return { allowed, status };
  }

  release(incomingBytes: number): void {
    // A request refused before its claim (a malformed URL answered by the router) has nothing to give back.
    if (!(incomingBytes > 0)) return;
    this.#inFlight = Math.max(0, this.#inFlight - incomingBytes);
    this.#settling += incomingBytes;
  }
}
