// Documents live: while a round collects, opinion counts per delegation reach the secretariat and the
// drafting department, coalesced; other departments and representatives never get them; an issued
// document's changes reach the meeting's room.
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { act, createDocument, type DocumentHall, documentHall, inDays, opinion } from '../support/documents.js';
import { nextEvent, within } from '../support/sockets.js';

/** src/documents/live.ts: opinion counts go out at most once per this many ms (the test's own figure, so it checks it). */
const COALESCE_OPINIONS_MS = 200;

let hall: DocumentHall | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hall?.app.close();
  hall = undefined;
});

interface Listener {
  socket: Socket;
  counts: any[];
  updates: any[];
}

async function follow(url: string, who: Record<string, string>): Promise<Listener> {
  const token = who.authorization?.replace('Bearer ', '');
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: token ? { token } : {}, ...(who.cookie ? { extraHeaders: { cookie: who.cookie } } : {}) });
  sockets.push(socket);
  const listener: Listener = { socket, counts: [], updates: [] };
  socket.on('document:opinions', (payload) => listener.counts.push(payload));
  socket.on('document:updated', (payload) => listener.updates.push(payload));
  await within(
    new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(undefined));
      socket.once('connect_error', reject);
    }),
    5_000,
    'connect',
  );
  return listener;
}

describe('live document updates', () => {
  it('push opinion counts per delegation to the secretariat and the drafters as opinions arrive, coalesced', async () => {
    hall = await documentHall(6);
    const h = hall;
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    const url = `http://127.0.0.1:${address.port}`;
    const document = await createDocument(h);
    const [secretary, drafter, otherHandler, representative] = await Promise.all([follow(url, h.secretary), follow(url, h.drafter), follow(url, h.otherHandler), follow(url, h.representative(5))]);

    const issued = nextEvent(representative.socket, 'document:updated', (payload: any) => payload.event === 'issue');
    await act(h, h.secretary, document.id, 'issue', { deadline: inDays(h, 7) });
    expect((await issued).document).toMatchObject({ id: document.id, state: 'collecting', currentRound: 1 });

    const allFive = (listener: Listener) => nextEvent(listener.socket, 'document:opinions', (payload: any) => payload.total === 5);
    const [atSecretary, atDrafter] = [allFive(secretary), allFive(drafter)];
    const started = performance.now();
    await Promise.all([
      opinion(h, h.representative(0), document.id, 'b2', '一'),
      opinion(h, h.representative(3), document.id, 'b3', '二'),
      opinion(h, h.attendee, document.id, 'b3', '三'),
      opinion(h, h.representative(1), document.id, 'b4', '四'),
      opinion(h, h.representative(2), document.id, 'b5', '五'),
    ]);
    const counts = await atSecretary;
    expect(counts).toMatchObject({ documentId: document.id, roundNumber: 1, total: 5 });
    expect(counts.byDelegation.map((entry: any) => [entry.name, entry.opinions])).toEqual([
      ['第1代表团', 3],
      ['第2代表团', 1],
      ['第3代表团', 1],
    ]);
    expect((await atDrafter).total).toBe(5);
    // Coalesced: updates at least COALESCE_OPINIONS_MS apart, so however long the five took to
    // arrive on this machine, no more than one per COALESCE_OPINIONS_MS of it.
    expect(secretary.counts.length).toBeLessThanOrEqual(Math.ceil((performance.now() - started) / COALESCE_OPINIONS_MS) + 1);
    expect(otherHandler.counts).toEqual([]);
    expect(representative.counts).toEqual([]);
  });
});
