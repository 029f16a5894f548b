// Admission lets connections in a few per turn, in order, so votes are read between the slices.
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ADMITTED_PER_TURN, Admission } from '../../src/plugins/admission.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('admission', () => {
  it('admits connections in order, a few per turn of the event loop', async () => {
    const admission = new Admission();
    const order: number[] = [];
    const waiting = 5 * ADMITTED_PER_TURN - 3;
    for (let index = 0; index < waiting; index++) admission.admit(() => order.push(index));
    expect(order).toEqual([]);
    for (let turns = 1; turns <= 5; turns++) {
      await turn();
      expect(order).toHaveLength(Math.min(waiting, turns * ADMITTED_PER_TURN));
    }
    expect(order).toEqual(Array.from({ length: waiting }, (_, index) => index));
  });
});

describe('new connections of a server', () => {
  it('are read only once admitted, and then answered as usual', async () => {
    const admitted = new Set<Socket>();
    const admission = new Admission();
    const server = createServer((request, response) => {
      // The request was parsed from the socket's bytes: the socket must have been admitted first.
      response.end(admitted.has(request.socket) ? 'admitted' : 'read before admission');
    });
    admission.pauseNewConnections(server);
    // Marks each socket as its turn comes, just before the admission resumes it (listeners run in order).
    server.on('connection', (socket: Socket) => admission.admit(() => admitted.add(socket)));
    const unread: boolean[] = [];
    server.on('connection', (socket: Socket) => unread.push(socket.readableFlowing === false));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } }).then((response) => response.text())));
      expect(answers).toEqual(Array.from({ length: 40 }, () => 'admitted'));
      expect(unread.length).toBeGreaterThanOrEqual(40);
      expect(unread.every(Boolean)).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
