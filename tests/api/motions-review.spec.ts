// Review by the motions committee (提案工作委员会): accept, not accept (optionally as a
// suggestion), merge, return for revision and resubmission, escalation to a resolution motion,
// withdrawal, and who may see what along the way.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../support/congress.js';
import { attempt, draft, type MotionHall, motionHall, motionInReview, move, view } from '../support/motions.js';
import { expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(): Promise<MotionHall> {
  const hall = await motionHall();
  app = hall.app;
  return hall;
}

describe('merging (合并立案)', () => {
  it('keeps the merged motion’s proposer and seconders visible on the motion it joined', async () => {
    const h = await start();
    const target = await motionInReview(h, 0, '职工食堂改造');
    const source = await motionInReview(h, 3, '改善食堂就餐环境');
    const merged = await move(h, h.committee, source.id, 'merge', { targetMotionId: target.id, note: '同一事项,合并办理' });
    expect(merged).toMatchObject({ state: 'merged', reviewOutcome: 'merged', mergedInto: { id: target.id, number: '2026-001', subject: '职工食堂改造' } });

    const joined = await view(h, h.secretary, target.id);
    expect(joined.proposers.map((person: any) => person.name)).toEqual(['代表1', '代表4']);
    expect(joined.mergedFrom).toEqual([
      {
        id: source.id,
        number: '2026-002',
        subject: '改善食堂就餐环境',
        proposer: { memberId: h.congress.representatives[3]!.memberId, name: '代表4' },
        seconders: [expect.objectContaining({ name: '代表5' }), expect.objectContaining({ name: '代表6' })],
      },
    ]);
    // The merged motion's proposer and seconders follow the motion their matter now lives in.
    expect((await view(h, h.representative(3), target.id)).id).toBe(target.id);
    expect((await view(h, h.representative(5), target.id)).id).toBe(target.id);
    expectError(await h.app.inject({ method: 'GET', url: `/api/motions/${target.id}`, headers: h.representative(7) }), 404, 'MOTION_NOT_FOUND');
  });

  it('refuses to merge into itself, into a motion of another state or into an unknown one', async () => {
    const h = await start();
    const one = await motionInReview(h, 0, '关于增加充电桩的提案');
    const withdrawn = await draft(h, 1, '已撤回的提案');
    await move(h, h.representative(1), withdrawn.id, 'submit');
    await move(h, h.representative(1), withdrawn.id, 'withdraw');
    for (const targetMotionId of [one.id, withdrawn.id, 'no-such-motion']) {
      expectError(await attempt(h, h.committee, one.id, 'merge', { targetMotionId }), 409, 'MOTION_MERGE_TARGET');
    }
    expect((await view(h, h.committee, one.id)).state).toBe('review');
  });

  it('carries motions already merged into a motion along when that motion is merged in turn', async () => {
    const h = await start();
    const [first, second, third] = [await motionInReview(h, 0, '甲'), await motionInReview(h, 1, '乙'), await motionInReview(h, 2, '丙')];
    await move(h, h.committee, third.id, 'merge', { targetMotionId: second.id });
    await move(h, h.committee, second.id, 'merge', { targetMotionId: first.id });
    const joined = await view(h, h.committee, first.id);
    expect(joined.mergedFrom.map((source: any) => source.subject).sort()).toEqual(['丙', '乙']);
    expect((await view(h, h.committee, third.id)).mergedInto.id).toBe(first.id);
  });
});

describe('returning for revision (退回修改)', () => {
  it('lets the proposer edit and resubmit, keeping the number and the seconders', async () => {
    const h = await start();
    const motion = await motionInReview(h, 0, '关于改善交通的提案');
    expectError(await attempt(h, h.committee, motion.id, 'return'), 400, 'VALIDATION_FAILED');
    expectError(await attempt(h, h.committee, motion.id, 'return', { reason: ' ' }), 400, 'VALIDATION_FAILED');
    const returned = await move(h, h.committee, motion.id, 'return', { reason: '案由过于笼统,请写明具体路段' });
    expect(returned).toMatchObject({ state: 'returned', number: '2026-001' });

    expectError(await h.app.inject({ method: 'PATCH', url: `/api/motions/${motion.id}`, headers: h.representative(1), payload: { subject: '附议人改稿' } }), 403, 'FORBIDDEN');
    const edited = (await call(h.app, { method: 'PATCH', url: `/api/motions/${motion.id}`, headers: h.representative(0), payload: { subject: '关于增开东门至生活区班车的提案', category: 'welfare' } }))
      .motion;
    expect(edited).toMatchObject({ state: 'returned', subject: '关于增开东门至生活区班车的提案' });

    const resubmitted = await move(h, h.representative(0), motion.id, 'resubmit');
    expect(resubmitted).toMatchObject({ state: 'review', number: '2026-001', seconderCount: 2 });
    expect(resubmitted.history.slice(-3).map((entry: any) => [entry.event, entry.note])).toEqual([
      ['return', '案由过于笼统,请写明具体路段'],
      ['edit', null],
      ['resubmit', null],
    ]);
    expect(resubmitted.history.at(-2).detail).toEqual({ fields: ['subject', 'category'] });
  });

  it('does not let anyone edit a motion that is not a draft or returned', async () => {
    const h = await start();
    const motion = await motionInReview(h, 0, '关于宿舍热水供应的提案');
    const refused = await h.app.inject({ method: 'PATCH', url: `/api/motions/${motion.id}`, headers: h.representative(0), payload: { subject: '改了' } });
    expectError(refused, 409, 'MOTION_STATE');
    expect(refused.json().details).toMatchObject({ state: 'review', event: 'edit' });
  });
});

describe('the other review outcomes', () => {
  it('records a rejection with its reason and the conversion to a suggestion (转为意见建议)', async () => {
    const h = await start();
    const motion = await motionInReview(h, 0, '建议提高全员工资');
    const rejected = await move(h, h.committee, motion.id, 'reject', { reason: '属于工资集体协商事项,转有关部门参考', convertToSuggestion: true });
    expect(rejected).toMatchObject({ state: 'not_accepted', reviewOutcome: 'not_accepted', rejection: { reason: '属于工资集体协商事项,转有关部门参考', convertedToSuggestion: true } });
    expectError(await attempt(h, h.committee, motion.id, 'accept'), 409, 'MOTION_STATE');
  });

  it('makes a major motion a resolution motion (议案) carried by a draft ballot of the meeting', async () => {
    const h = await start();
    const motion = await motionInReview(h, 0, '关于修订职工带薪休假办法', 'reform');
    const escalated = await move(h, h.secretary, motion.id, 'escalate', { note: '涉及全体职工切身利益,提请大会表决' });
    expect(escalated).toMatchObject({ state: 'resolution', reviewOutcome: 'resolution', resolutionBallotId: expect.any(String) });
    const { ballot } = await call(h.app, { method: 'GET', url: `/api/ballots/${escalated.resolutionBallotId}`, headers: h.secretary });
    expect(ballot).toMatchObject({ meetingId: h.congress.meetingId, state: 'draft', title: '关于《关于修订职工带薪休假办法》的议案', items: [{ kind: 'approval' }] });
  });

  it('links a resolution motion to a ballot the secretary already prepared', async () => {
    const h = await start();
    const { ballot } = await call(
      h.app,
      { method: 'POST', url: `/api/meetings/${h.congress.meetingId}/ballots`, headers: h.secretary, payload: { title: '议案表决', items: [{ kind: 'approval', title: '议案一' }] } },
      201,
    );
    const motion = await motionInReview(h, 0, '关于设立职工互助基金的提案', 'welfare');
    expect((await move(h, h.committee, motion.id, 'escalate', { ballotId: ballot.id })).resolutionBallotId).toBe(ballot.id);
    const other = await motionInReview(h, 1, '另一件议案', 'reform');
    expectError(await attempt(h, h.committee, other.id, 'escalate', { ballotId: 'no-such-ballot' }), 404, 'BALLOT_NOT_FOUND');
    expect((await view(h, h.committee, other.id)).state).toBe('review');
  });

  it('lets the proposer withdraw before the committee has decided, not after', async () => {
    const h = await start();
    const motion = await motionInReview(h, 0, '关于调整作息时间的提案');
    expectError(await attempt(h, h.representative(1), motion.id, 'withdraw'), 403, 'FORBIDDEN');
    expect((await move(h, h.representative(0), motion.id, 'withdraw', { note: '问题已解决' })).state).toBe('withdrawn');
    const accepted = await motionInReview(h, 0, '关于增设母婴室的提案');
    await move(h, h.committee, accepted.id, 'accept');
    expectError(await attempt(h, h.representative(0), accepted.id, 'withdraw'), 409, 'MOTION_STATE');
  });

  it('refuses review moves from representatives, handlers and scrutineers', async () => {
    const h = await start();
    const motion = await motionInReview(h, 0, '关于加强安全培训的提案', 'safety');
    expectError(await attempt(h, h.representative(0), motion.id, 'accept'), 403, 'FORBIDDEN');
    expectError(await attempt(h, h.representative(1), motion.id, 'accept'), 403, 'FORBIDDEN');
    expectError(await attempt(h, h.handlers.安全环保部, motion.id, 'accept'), 404, 'MOTION_NOT_FOUND');
    await call(h.app, { method: 'POST', url: '/api/accounts', headers: h.secretary, payload: { username: 'jianpiao', password: 'scrutineer-password-1', role: 'scrutineer' } }, 201);
    const { signIn } = await import('../support/congress.js');
    const scrutineer = { cookie: await signIn(h.app, 'jianpiao', 'scrutineer-password-1') };
    expectError(await attempt(h, scrutineer, motion.id, 'accept'), 403, 'FORBIDDEN');
    expectError(await h.app.inject({ method: 'GET', url: '/api/motions', headers: scrutineer }), 403, 'FORBIDDEN');
    expectError(await h.app.inject({ method: 'GET', url: '/api/motions' }), 401, 'UNAUTHENTICATED');
  });
});

describe('what each person sees', () => {
  it('shows a representative their own motions and those they seconded; never someone else’s draft', async () => {
    const h = await start();
    await motionInReview(h, 0, '代表1的提案');
    await motionInReview(h, 3, '代表4的提案');
    await draft(h, 5, '代表6的草稿');
    const list = async (index: number, scope = '') =>
      (await call(h.app, { method: 'GET', url: `/api/motions${scope}`, headers: h.representative(index) })).motions.map((motion: any) => motion.subject);
    expect(await list(0)).toEqual(['代表1的提案']);
    expect(await list(1)).toEqual(['代表1的提案']);
    expect(await list(4)).toEqual(['代表4的提案']);
    expect(await list(4, '?scope=seconded')).toEqual(['代表4的提案']);
    expect(await list(4, '?scope=mine')).toEqual([]);
    expect(await list(5)).toEqual(['代表4的提案', '代表6的草稿']);
    const officers = (await call(h.app, { method: 'GET', url: '/api/motions', headers: h.committee })).motions.map((motion: any) => motion.subject);
    expect(officers).toEqual(['代表1的提案', '代表4的提案']);
  });

  it('answers bad input with a stable code in both languages, never a server error', async () => {
    const h = await start();
    const motion = await draft(h, 0, '关于职工书屋的提案', 'culture');
    const post = (url: string, payload: unknown) => h.app.inject({ method: 'POST', url, headers: { ...h.representative(0), 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    expectError(await post(`/api/meetings/${h.congress.meetingId}/motions`, { subject: '', reasons: 'x', measures: 'y', category: 'welfare' }), 400, 'VALIDATION_FAILED');
    expectError(await post(`/api/meetings/${h.congress.meetingId}/motions`, { ...{ subject: 'a', reasons: 'x', measures: 'y' }, category: 'sports' }), 400, 'VALIDATION_FAILED');
    expectError(await post(`/api/meetings/nope/motions`, { subject: 'a', reasons: 'x', measures: 'y', category: 'other' }), 404, 'MEETING_NOT_FOUND');
    expectError(await post(`/api/motions/${motion.id}/rating`, { rating: 'delighted' }), 400, 'VALIDATION_FAILED');
    expectError(await post(`/api/motions/${motion.id}/assign`, { leadDepartmentId: 'x', coDepartmentIds: ['x'] }), 400, 'VALIDATION_FAILED');
    expectError(await post(`/api/motions/${motion.id}/extend`, { reason: '需要', days: 0 }), 400, 'VALIDATION_FAILED');
    expectError(
      await h.app.inject({ method: 'POST', url: `/api/motions/${motion.id}/submit`, headers: { ...h.representative(0), 'content-type': 'application/json' }, payload: '{"note":' }),
      400,
      'BAD_JSON',
    );
    expectError(await h.app.inject({ method: 'GET', url: '/api/motions?state=flying', headers: h.committee }), 400, 'VALIDATION_FAILED');
    expectError(await h.app.inject({ method: 'GET', url: '/api/motions/%E2%80%A6', headers: h.committee }), 400, 'VALIDATION_FAILED');
  });
});
