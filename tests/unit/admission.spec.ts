// Admission lets connections in a few per turn, in order, so votes are read between the slices.
import { describe, expect, it } from 'vitest';
import { Admission } from '../../src/plugins/admission.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('admission', () => {
  it('admits connections in order, 16 per turn of the event loop', async () => {
    const admission = new Admission();
    const order: number[] = [];
    for (let index = 0; index < 40; index++) admission.admit(() => order.push(index));
    expect(order).toEqual([]);
    await turn();
    expect(order).toHaveLength(16);
    await turn();
    await turn();
    expect(order).toEqual(Array.from({ length: 40 }, (_, index) => index));
  });
});
