// Extraordinary sessions live: a representative's signature reaches another phone of the term and the
// secretariat's console at once, as the count against the threshold (never the signer's name).
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress } from '../support/congress.js';
import { bearer } from '../support/requests.js';
import { nextEvent, within } from '../support/sockets.js';

let app: FastifyInstance | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await app?.close();
  app = undefined;
});

async function connect(url: string, who: { cookie?: string; token?: string }): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: who.token ? { token: who.token } : {},
    ...(who.cookie ? { extraHeaders: { cookie: who.cookie } } : {}),
  });
  sockets.push(socket);
  await within(
    new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(undefined));
      socket.once('connect_error', reject);
    }),
    5_000,
    'connect',
  );
  return socket;
}

describe('signatures live', () => {
  it('reach another representative’s phone and the secretary’s console as the count against the threshold', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    const url = `http://127.0.0.1:${address.port}`;
    const [otherPhone, secretariat] = await Promise.all([connect(url, { token: congress.representatives[1]!.token }), connect(url, { cookie: congress.secretary })]);

    const opened = nextEvent(otherPhone, 'extraordinary:updated');
    const { proposal } = await call(
      app,
      {
        method: 'POST',
        url: `/api/terms/${congress.termId}/extraordinary-proposals`,
        headers: { cookie: congress.secretary },
        payload: { proposer: 'representatives', subject: '审议企业改制方案', reasons: '改制涉及职工切身利益' },
      },
      201,
    );
    expect(await opened).toMatchObject({ proposalId: proposal.id, state: 'collecting', signatures: 0, threshold: 2 });

    const onPhone = nextEvent(otherPhone, 'extraordinary:updated', (payload) => payload.signatures === 1);
    const onConsole = nextEvent(secretariat, 'extraordinary:updated', (payload) => payload.signatures === 1);
    await call(app, { method: 'POST', url: `/api/extraordinary-proposals/${proposal.id}/signatures`, headers: bearer(congress.representatives[0]!.token) });
    const [phoneSaw, consoleSaw] = await Promise.all([onPhone, onConsole]);
    expect(phoneSaw).toEqual({ proposalId: proposal.id, termId: congress.termId, proposer: 'representatives', state: 'collecting', signatures: 1, threshold: 2, representatives: 6, reached: false });
    expect(consoleSaw).toEqual(phoneSaw);
    expect(JSON.stringify(phoneSaw)).not.toContain(congress.representatives[0]!.name);
  });
});
