// Receipts (回执): the device's own secret sent with a vote, checked against the ballot box, and the
// sorted list published after the result so anyone can count them.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createApp, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { bearer, castAll, closeBallot, expectError, memberOfAnotherTerm, publishBallot, rowCount, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const check = (congress: Congress, ballotId: string, receipt: string, headers: Record<string, string>) =>
  congress.app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/receipts/check`, headers, payload: { receipt } });

describe('the published list of receipts', () => {
  it('lists every counted receipt, sorted, as many as ballots cast, and nothing else', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6 });
    const ballotId = await openBallot(congress);
    const receipts = await castAll(congress, ballotId, [['yes'], ['no'], ['yes'], ['abstain'], ['yes']]);
    await closeBallot(congress, ballotId);
    const published = await publishBallot(congress, ballotId);
    const list = await call(app, { method: 'GET', url: `/api/ballots/${ballotId}/receipts` });
    expect(list).toEqual({ ballotId, cast: 5, electronic: 5, receipts: [...receipts].sort() });
    expect(list.cast).toBe(published.result.cast);
  });

  it('is not shown before the result is published', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes']]);
    expectError(await app.inject({ method: 'GET', url: `/api/ballots/${ballotId}/receipts` }), 409, 'NOT_PUBLISHED');
    await closeBallot(congress, ballotId);
    expectError(await app.inject({ method: 'GET', url: `/api/ballots/${ballotId}/receipts` }), 409, 'NOT_PUBLISHED');
  });

  it('reports the ballots cast as counted at close, so a receipt added later shows up as a mismatch', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes'], ['no']]);
    await closeBallot(congress, ballotId);
    await publishBallot(congress, ballotId);
    app.yishi.sqlite.prepare('INSERT INTO ballot_receipt (ballot_id, receipt) VALUES (?, ?)').run(ballotId, deviceReceipt());

    const list = await call(app, { method: 'GET', url: `/api/ballots/${ballotId}/receipts` });

    expect(list.cast).toBe(2);
    expect(list.receipts).toHaveLength(3);
  });
});

describe('a vote without the device’s receipt', () => {
  it('is refused and counted nowhere: the server never makes a receipt for the device', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress);
    const response = await app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: bearer(congress.representatives[0]!.token), payload: { answers: ['yes'] } });
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(response.json().details)).toContain('receipt');
    expect(rowCount(app, 'participation') + rowCount(app, 'ballot_box') + rowCount(app, 'ballot_receipt')).toBe(0);
  });
});

describe('checking a receipt', () => {
  it('tells a device whose acknowledgement was lost that its vote is in the box', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress);
    const person = congress.representatives[0]!;
    const receipt = deviceReceipt();
    expect((await vote(app, person.token, ballotId, ['yes'], receipt)).statusCode).toBe(201);
    expectError(await vote(app, person.token, ballotId, ['yes'], receipt), 409, 'ALREADY_VOTED');
    expect((await check(congress, ballotId, receipt, bearer(person.token))).json()).toEqual({ counted: true });
    expect((await check(congress, ballotId, deviceReceipt(), bearer(person.token))).json()).toEqual({ counted: false });
    await closeBallot(congress, ballotId);
    expect((await check(congress, ballotId, receipt, bearer(person.token))).json()).toEqual({ counted: true });
  });

  it('is for the meeting’s own people only', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress);
    const receipt = (await castAll(congress, ballotId, [['yes']]))[0]!;
    expectError(await check(congress, ballotId, receipt, {}), 401, 'UNAUTHENTICATED');
    const outsider = await memberOfAnotherTerm(congress);
    expectError(await check(congress, ballotId, receipt, bearer(outsider.token)), 403, 'FORBIDDEN');
    expectError(await check(congress, ballotId, 'short', bearer(congress.representatives[0]!.token)), 400, 'VALIDATION_FAILED');
  });
});

describe('a receipt two devices happened to share', () => {
  it('refuses the second vote without counting it, and the voter can vote again', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress);
    const [first, second] = congress.representatives;
    const shared = deviceReceipt();
    expect((await vote(app, first!.token, ballotId, ['yes'], shared)).statusCode).toBe(201);
    expectError(await vote(app, second!.token, ballotId, ['no'], shared), 409, 'RECEIPT_CONFLICT');
    expect((await vote(app, second!.token, ballotId, ['no'])).statusCode).toBe(201);
    const { result } = await closeBallot(congress, ballotId);
    expect(result.items[0].counts).toEqual({ yes: 1, no: 1, abstain: 0 });
  });
});
