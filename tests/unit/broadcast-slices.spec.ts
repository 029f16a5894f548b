// A hall's update goes out a slice per turn of the event loop, smaller slices while a reconnecting
// hall's handshakes wait for their turn: a vote then waits behind one small slice and one batch of
// handshakes, not behind a slice of 256 phones as well.
import { describe, expect, it } from 'vitest';
import { emitInSlices, RECIPIENTS_PER_CROWDED_TURN, RECIPIENTS_PER_TURN } from '../../src/plugins/broadcaster.js';
import { Admission } from '../../src/plugins/admission.js';

/** A stand-in for Socket.IO's `io.to(ids).emit`: records each slice with the turn it was sent in. */
function recordingServer() {
  let turn = 0;
  let ticking = setImmediate(function tick() {
    turn += 1;
    ticking = setImmediate(tick);
  });
  const slices: { ids: string[]; turn: number; event: string }[] = [];
  const io = { to: (ids: string | string[]) => ({ emit: (event: string) => slices.push({ ids: [ids].flat(), turn, event }) }) };
  return { io: io as never, slices, stop: () => clearImmediate(ticking) };
}

const phones = (count: number) => Array.from({ length: count }, (_, index) => `socket-${index}`);

describe('a broadcast in slices', () => {
  it('sends every recipient once, in order, one slice per turn', async () => {
    const { io, slices, stop } = recordingServer();
    try {
      const ids = phones(2 * RECIPIENTS_PER_TURN + 7);
      await emitInSlices(io, ids, 'ballot:turnout', {}, () => false);
      expect(slices.map((slice) => slice.ids.length)).toEqual([RECIPIENTS_PER_TURN, RECIPIENTS_PER_TURN, 7]);
      expect(slices.flatMap((slice) => slice.ids)).toEqual(ids);
      expect(new Set(slices.map((slice) => slice.turn)).size).toBe(slices.length);
    } finally {
      stop();
    }
  });

  it('sends smaller slices while handshakes wait to be admitted, and full ones again after', async () => {
    const { io, slices, stop } = recordingServer();
    const admission = new Admission();
    try {
      const ids = phones(3 * RECIPIENTS_PER_TURN);
      // A hall reconnecting: handshakes queued for the first few turns, more than are admitted at once.
      for (let index = 0; index < 20; index++) admission.admit(() => {});
      const sent = emitInSlices(io, ids, 'ballot:turnout', {}, () => admission.busy);
      expect(admission.busy).toBe(true);
      await sent;
      expect(admission.busy).toBe(false);
      const sizes = slices.map((slice) => slice.ids.length);
      expect(sizes[0]).toBe(RECIPIENTS_PER_CROWDED_TURN);
      expect(sizes.at(-2)).toBe(RECIPIENTS_PER_TURN);
      expect(sizes.filter((size) => size === RECIPIENTS_PER_CROWDED_TURN).length).toBeGreaterThanOrEqual(2);
      expect(slices.flatMap((slice) => slice.ids)).toEqual(ids);
    } finally {
      stop();
    }
  });
});
