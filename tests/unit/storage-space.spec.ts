// The reserve's bookkeeping without a disk: a probe the test sets, a clock the test moves.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reserveBytes, StorageSpace, statfsProbe } from '../../src/storage/space.js';

const MB = 1024 * 1024;

function disk(freeMb: number, totalMb = 10_000) {
  const state = { free: freeMb * MB, reads: 0 };
  const probe = async () => {
    state.reads += 1;
    return { freeBytes: state.free, totalBytes: totalMb * MB };
  };
  return { state, probe };
}

describe('the reserve', () => {
  it('defaults to the smaller of 64 MB and a tenth of the file system, and takes the setting when given', () => {
    expect(reserveBytes({ STORAGE_RESERVE_MB: undefined }, { freeBytes: 0, totalBytes: 100_000 * MB })).toBe(64 * MB);
    expect(reserveBytes({ STORAGE_RESERVE_MB: undefined }, { freeBytes: 0, totalBytes: 20 * MB })).toBe(2 * MB);
    expect(reserveBytes({ STORAGE_RESERVE_MB: 500 }, { freeBytes: 0, totalBytes: 20 * MB })).toBe(500 * MB);
  });

  it('reads the real file system that holds the database file', async () => {
    const reading = await statfsProbe(join(tmpdir(), 'no-such-yet', '..', 'yishi.sqlite'))();
    expect(reading).not.toBeNull();
    expect(reading!.freeBytes).toBeGreaterThan(0);
    expect(reading!.totalBytes).toBeGreaterThanOrEqual(reading!.freeBytes);
  });

  it('never refuses an in-memory database, whose free space is unknown', async () => {
    const space = new StorageSpace({ STORAGE_RESERVE_MB: 64 }, statfsProbe(':memory:'));
    expect(await space.claim(10_000 * MB)).toMatchObject({ allowed: true, status: { freeBytes: null, refusing: false } });
  });

  it('counts uploads under way, so two together cannot both take the last margin', async () => {
    const { probe } = disk(70);
    const space = new StorageSpace({ STORAGE_RESERVE_MB: 64 }, probe, 0);
    expect((await space.claim(4 * MB)).allowed).toBe(true);
    expect((await space.claim(4 * MB)).allowed).toBe(false);
    space.release(4 * MB);
    expect((await space.claim(4 * MB)).allowed).toBe(true);
  });

  it('keeps a finished write counted until a fresh reading has seen it land', async () => {
    const { state, probe } = disk(70);
    let now = 0;
    const space = new StorageSpace({ STORAGE_RESERVE_MB: 64 }, probe, 1000, () => now);
    expect((await space.claim(4 * MB)).allowed).toBe(true);
    space.release(4 * MB);
    state.free -= 4 * MB;
    // Same second: the old reading, less the write just made.
    expect((await space.claim(4 * MB)).allowed).toBe(false);
    expect(state.reads).toBe(1);
    now = 1000;
    expect(await space.status()).toMatchObject({ freeBytes: 66 * MB, inFlightBytes: 0, refusing: false });
    expect(state.reads).toBe(2);
  });

  it('says it is refusing once free space is under the reserve', async () => {
    const { probe } = disk(63);
    const space = new StorageSpace({ STORAGE_RESERVE_MB: 64 }, probe, 0);
    expect(await space.status()).toMatchObject({ freeBytes: 63 * MB, reserveBytes: 64 * MB, refusing: true });
    space.release(Number.NaN);
    expect((await space.status()).inFlightBytes).toBe(0);
  });
});
