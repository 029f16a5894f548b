// Issue 14's done-when: a 50-person hall with 5 paper voters runs one secret sheet, with two-person
// control (the secretary and a scrutineer confirm its open, close and publish), from open to
// published, and the counts agree everywhere: the officers' ballot, the count's figures, the public
// notice, the projector, the phones, the published receipts, the count hash and the audit log.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, signIn } from '../support/congress.js';
import { bearer, display, rowCount, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('a 50-person hall, 5 on paper, under two-person control', () => {
  it('runs one secret sheet from open to published and every count agrees', { timeout: 60_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 50 });
    const secretary = { cookie: congress.secretary };
    const tellers: { cookie: string }[] = [];
    for (const [index, name] of ['王监票', '李计票'].entries()) {
      await call(
        app,
        { method: 'POST', url: '/api/accounts', headers: secretary, payload: { username: `teller${index}`, password: 'teller-password-12345', role: 'scrutineer', displayName: name } },
        201,
      );
      tellers.push({ cookie: await signIn(app, `teller${index}`, 'teller-password-12345') });
    }
    const [scrutineer, counter] = tellers as [{ cookie: string }, { cookie: string }];
    await call(app, { method: 'PATCH', url: `/api/meetings/${congress.meetingId}`, headers: secretary, payload: { twoPersonControl: 'all' } });
    const { token: displayToken } = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: secretary }, 201);

    const candidates = [
      { id: 'a', name: '张三' },
      { id: 'b', name: '李四' },
      { id: 'c', name: '王五' },
    ];
    const sheet = {
      title: '第三届第二次职工代表大会表决票',
      items: [
        { kind: 'approval', title: '集体合同(草案)' },
        { kind: 'election', title: '补选工会委员', seats: 2, candidates },
      ],
    };
    const { ballot } = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: secretary, payload: sheet }, 201);
    const onPaper = congress.representatives.slice(45);
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/papers`, headers: secretary, payload: { memberIds: onPaper.map((person) => person.memberId) } }, 201);

    /** A controlled step: the first officer's call waits (202), the other's performs it (200). */
    const bothConfirm = async (name: 'open' | 'close' | 'publish') => {
      expect((await app!.inject({ method: 'POST', url: `/api/ballots/${ballot.id}/${name}`, headers: secretary, payload: {} })).statusCode).toBe(202);
      return (await call(app!, { method: 'POST', url: `/api/ballots/${ballot.id}/${name}`, headers: scrutineer, payload: {} })).ballot;
    };
    expect((await bothConfirm('open')).state).toBe('open');

    // 45 phones: on the contract 30 yes, 10 no, 5 abstain; for the seats 张三+李四 ×25, 张三+王五 ×15, blank ×5.
    const pick = (...ids: string[]) => ({ candidateIds: ids, writeIns: [] });
    for (let index = 0; index < 45; index++) {
      const approval = index < 30 ? 'yes' : index < 40 ? 'no' : 'abstain';
      const election = index < 25 ? pick('a', 'b') : index < 40 ? pick('a', 'c') : pick();
      expect((await vote(app, congress.representatives[index]!.token, ballot.id, [approval, election])).statusCode).toBe(201);
    }
    expect((await vote(app, onPaper[0]!.token, ballot.id, ['yes', pick('a')])).statusCode).toBe(409);
    const closed = await bothConfirm('close');
    expect(closed).toMatchObject({ state: 'closed', result: null });

    // Four papers come back: 赞成+李四王五, 赞成+李四王五, 反对+张三, and one marking all three (invalid).
    const count = `/api/ballots/${ballot.id}/paper-count`;
    await call(app, { method: 'PUT', url: `${count}/collected`, headers: counter, payload: { collected: 4 } });
    const batchId = (await call(app, { method: 'POST', url: `${count}/batches`, headers: counter }, 201)).batches[0].id;
    const papers = [{ answers: ['yes', pick('b', 'c')] }, { answers: ['yes', pick('b', 'c')] }, { answers: ['no', pick('a')] }, { answers: ['yes', pick('a', 'b', 'c')] }];
    for (const paper of papers) await call(app, { method: 'POST', url: `${count}/batches/${batchId}/papers`, headers: counter, payload: paper }, 201);
    // The scrutineer confirms the batch by its totals, counted by hand: the invalid paper counts nowhere.
    await call(app, {
      method: 'POST',
      url: `${count}/batches/${batchId}/totals`,
      headers: scrutineer,
      payload: {
        papers: 4,
        invalid: 1,
        items: [
          { kind: 'approval', yes: 2, no: 1, abstain: 0 },
          { kind: 'election', votes: { a: 1, b: 2, c: 2 }, blankBallots: 0 },
        ],
      },
    });
    const counted = (await call(app, { method: 'POST', url: `${count}/finish`, headers: scrutineer })).ballot;
    const published = await bothConfirm('publish');
    expect(published.state).toBe('published');

    // The count: phones + papers returned, invalid apart, the paper not returned not cast.
    const expected = { eligible: 50, present: 50, cast: 49, electronic: 45, papers: { issued: 5, returned: 4, valid: 3, invalid: 1, invalidReasons: { too_many_marks: 1 } } };
    expect(counted.result).toMatchObject(expected);
    const [contract, seats] = counted.result.items;
    expect(contract).toMatchObject({ counts: { yes: 32, no: 11, abstain: 5 }, required: 26, passed: true });
    const votes = Object.fromEntries(seats.candidates.map((candidate: { id: string; votes: number }) => [candidate.id, candidate.votes]));
    expect(votes).toEqual({ a: 41, b: 27, c: 17 });
    expect(seats.elected).toEqual(['a', 'b']);

    // Everywhere the same: officers, the public notice, the projector, a phone.
    const views = [
      published.result,
      (await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}`, headers: scrutineer })).ballot.result,
      (await call(app, { method: 'GET', url: `/api/public/ballots/${ballot.id}` })).ballot.result,
      (await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: display(displayToken) })).ballots.find((entry: { id: string }) => entry.id === ballot.id).result,
      (await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}`, headers: bearer(onPaper[1]!.token) })).ballot.result,
    ];
    for (const view of views) expect(view).toEqual(counted.result);
    // One count hash (计票校验码) for the scrutineers to sign against: the chain hash of the count's seal, and the chain holds.
    const sealed = app.yishi.sqlite.prepare("SELECT hash FROM audit_log WHERE ballot_id = ? AND action = 'ballot.counted'").all(ballot.id) as { hash: string }[];
    expect(sealed).toHaveLength(1);
    expect(published.finalHash).toBe(sealed[0]!.hash);
    expect((await call(app, { method: 'GET', url: `/api/public/ballots/${ballot.id}` })).ballot.finalHash).toBe(sealed[0]!.hash);
    expect(await call(app, { method: 'GET', url: '/api/audit/verify', headers: scrutineer })).toMatchObject({ ok: true });
    const figures = await call(app, { method: 'GET', url: count, headers: secretary });
    expect(figures).toMatchObject({ state: 'counted', issued: 5, collected: 4, entered: 4, confirmed: 4, invalid: 1 });
    // The receipts number the phones' ballots; the box holds phones and valid papers, nothing else.
    const receipts = await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}/receipts` });
    expect({ cast: receipts.cast, electronic: receipts.electronic, listed: receipts.receipts.length }).toEqual({ cast: 49, electronic: 45, listed: 45 });
    expect(rowCount(app, 'ballot_box', 'ballot_id = ?', ballot.id)).toBe(48);
    expect(rowCount(app, 'participation', 'ballot_id = ?', ballot.id)).toBe(50);
    expect(rowCount(app, 'paper_entry')).toBe(0);

    // The audit log: each controlled step names both officers; the count its figures.
    const audit = app.yishi.sqlite.prepare('SELECT action, actor_name, detail FROM audit_log WHERE ballot_id = ? ORDER BY id').all(ballot.id) as {
      action: string;
      actor_name: string;
      detail: string;
    }[];
    const actions = audit.map((row) => row.action);
    for (const step of [
      'ballot.opened',
      'ballot.closed',
      'ballot.published',
      'ballot.papers-issued',
      'ballot.papers-collected',
      'ballot.paper-batch-confirmed',
      'ballot.counted',
      'ballot.papers-counted',
    ])
      expect(actions).toContain(step);
    const countedRow = audit.find((row) => row.action === 'ballot.papers-counted')!;
    expect(JSON.parse(countedRow.detail)).toMatchObject({ cast: 49, electronic: 45, issued: 5, returned: 4, invalid: 1, void: false });
    for (const step of ['ballot.opened', 'ballot.closed', 'ballot.published']) {
      expect(JSON.stringify(audit.find((row) => row.action === step)!.detail)).toContain('confirmedBy');
    }
  });
});
