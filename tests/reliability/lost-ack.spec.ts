// A lost acknowledgement over HTTP: the request reaches the server whole, the device hangs up before
// the answer, the vote commits anyway. The retry with the same receipt gets ALREADY_VOTED, the receipt
// check finds it in the box, and it is counted once. (The socket case is in tests/realtime/reconnect.spec.ts.)
import { connect as connectTcp } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { boxFigures, closeAndTally } from '../support/ballot-figures.js';
import { createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { disconnection, Hall, nextEvent } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

describe('a vote whose HTTP answer never reaches the device', () => {
  it('is counted once; the retry gets ALREADY_VOTED and the receipt check finds it', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const person = congress.representatives[0]!;
    const ballotId = await openBallot(congress);
    // The representative's other device learns of the commit: that is the event to wait for.
    const tablet = await hall.connect({ token: person.token });
    const committed = nextEvent(tablet.socket, 'ballot:voted', (payload: { ballotId: string }) => payload.ballotId === ballotId);

    const receipt = deviceReceipt();
    const body = JSON.stringify({ answers: ['no'], receipt });
    const { hostname, port } = new URL(hall.url);
    const phone = connectTcp({ host: hostname, port: Number(port) });
    let answered = '';
    phone.on('data', (chunk) => (answered += chunk.toString()));
    phone.on('error', () => {});
    const written = new Promise<void>((resolve) =>
      phone.write(
        `POST /api/ballots/${ballotId}/votes HTTP/1.1\r\nhost: ${hostname}:${port}\r\nauthorization: Bearer ${person.token}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        () => resolve(),
      ),
    );
    await written;
    phone.destroy();
    await committed;
    expect(answered).toBe('');

    const retry = await fetch(`${hall.url}/api/ballots/${ballotId}/votes`, { method: 'POST', headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' }, body });
    expect({ status: retry.status, code: ((await retry.json()) as { code: string }).code }).toEqual({ status: 409, code: 'ALREADY_VOTED' });
    const check = await fetch(`${hall.url}/api/ballots/${ballotId}/receipts/check`, {
      method: 'POST',
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ receipt }),
    });
    expect(await check.json()).toEqual({ counted: true });

    expect(boxFigures(hall.app, ballotId)).toEqual({ ballots: 1, participation: 1, receipts: [receipt] });
    expect(await closeAndTally(congress, ballotId)).toEqual({ cast: 1, tallied: 1, counts: { yes: 0, no: 1, abstain: 0 } });
    const ended = disconnection(tablet.socket);
    tablet.socket.disconnect();
    await ended;
  });
});
