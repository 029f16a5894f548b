// Admission lets connections in a few per turn and tells a crowd (a hall's Wi-Fi coming back) from
// a few phones reconnecting: only a crowd spaces out broadcasts and vote commits.
import { describe, expect, it } from 'vitest';
import { Admission } from '../../src/plugins/admission.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

async function admitAll(admission: Admission, count: number): Promise<void> {
  let started = 0;
  for (let index = 0; index < count; index++) admission.admit(() => started++);
  while (started < count) await turn();
}

describe('admission', () => {
  it('admits connections in order, 16 per turn of the event loop', async () => {
    const admission = new Admission(() => 0);
    const order: number[] = [];
    for (let index = 0; index < 40; index++) admission.admit(() => order.push(index));
    expect(order).toEqual([]);
    await turn();
    expect(order).toHaveLength(16);
    await turn();
    await turn();
    expect(order).toEqual(Array.from({ length: 40 }, (_, index) => index));
  });

  it('calls a burst of a few hundred a crowd, a few phones not, and forgets the crowd a second after', async () => {
    let now = 0;
    const admission = new Admission(() => now);
    await admitAll(admission, 10);
    expect(admission.crowded()).toBe(false);

    await admitAll(admission, 300);
    expect(admission.crowded()).toBe(true);
    while (admission.crowded() && now < 10_000) {
      await turn();
      now += 100;
    }
    // Counted in half-second windows: the crowd is forgotten once one to two windows have passed with no one.
    expect(now).toBeGreaterThanOrEqual(500);
    expect(now).toBeLessThanOrEqual(1_500);
  });
});
