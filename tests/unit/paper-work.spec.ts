// The paper worker collects its garbage after each paper (src/workers/paper-work.ts): the collection
// it reaches must be V8's real one, not the no-op it falls back to.
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/workers/paper-work.js';

describe('the paper worker’s collection after each paper', () => {
  it('frees what nothing holds any more', () => {
    let garbage: number[][] | null = Array.from({ length: 400 }, () => Array.from({ length: 10_000 }, (_, index) => index + 0.5));
    const held = getHeapStatistics().used_heap_size;
    expect(garbage.length).toBe(400);
    garbage = null;
    collectGarbage();
    // 400 arrays of 10,000 doubles: some 32 MB, gone at once.
    expect(held - getHeapStatistics().used_heap_size).toBeGreaterThan(20 * 1024 * 1024);
  });
});
