// A motion's whole life through the API: drafting, the collection window, seconding, review,
// assignment, reply, rating and resolution, numbered per session and recorded step by step.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../support/congress.js';
import { attempt, draft, type MotionHall, motionFields, motionHall, motionInReview, move, setSettings, view } from '../support/motions.js';
import { expectError } from '../support/requests.js';

let hall: MotionHall | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  hall = undefined;
  app = undefined;
});

async function start(options: Parameters<typeof motionHall>[0] = {}): Promise<MotionHall> {
  hall = await motionHall(options);
  app = hall.app;
  return hall;
}

describe('the life of a motion', () => {
  it('goes from a representative’s draft to 办结, with every step in its history', async () => {
    const h = await start();
    const drafted = await draft(h, 0, '职工食堂改造', 'welfare');
    expect(drafted).toMatchObject({ state: 'draft', number: null, proposer: { name: '代表1' }, onPaper: false, allowedEvents: ['edit', 'submit', 'withdraw'] });

    const submitted = await move(h, h.representative(0), drafted.id, 'submit');
    expect(submitted).toMatchObject({ state: 'seconding', number: '2026-001', stateName: '征集附议' });

    const once = await move(h, h.representative(1), drafted.id, 'seconders');
    expect(once).toMatchObject({ state: 'seconding', seconderCount: 1 });
    const twice = await move(h, h.representative(2), drafted.id, 'seconders');
    expect(twice).toMatchObject({ state: 'review', seconderCount: 2, seconders: [{ name: '代表2' }, { name: '代表3' }] });

    await move(h, h.committee, drafted.id, 'accept', { note: '符合立案条件' });
    const handed = await move(h, h.committee, drafted.id, 'assign', { leadDepartmentId: h.departments.后勤保障部, coDepartmentIds: [h.departments.财务部] });
    expect(handed).toMatchObject({ state: 'assigned', leadDepartment: { name: '后勤保障部' }, dueAt: '2026-04-01T01:00:00.000Z' });
    expect(handed.assignments.map((entry: any) => [entry.department.name, entry.role, entry.active])).toEqual([
      ['后勤保障部', 'lead', true],
      ['财务部', 'co', true],
    ]);

    h.clock.advanceDays(12);
    const replied = await move(h, h.handlers.后勤保障部, drafted.id, 'reply', { content: '已列入年度改造计划,七月完工。', grade: 'A' });
    expect(replied).toMatchObject({ state: 'replied', latestGrade: 'A', replies: [{ round: 1, grade: 'A', onTime: true, department: { name: '后勤保障部' } }] });

    const rated = await move(h, h.representative(0), drafted.id, 'rating', { rating: 'satisfied' });
    expect(rated).toMatchObject({ state: 'rated', latestRating: 'satisfied' });
    const resolved = await move(h, h.secretary, drafted.id, 'resolve');
    expect(resolved).toMatchObject({ state: 'resolved', stateName: '已办结', allowedEvents: [] });

    expect(resolved.history.map((entry: any) => [entry.event, entry.from, entry.to, entry.actor.name])).toEqual([
      ['create', 'draft', 'draft', '代表1'],
      ['submit', 'draft', 'seconding', '代表1'],
      ['second', 'seconding', 'seconding', '代表2'],
      ['second', 'seconding', 'seconding', '代表3'],
      ['secondersReached', 'seconding', 'review', '系统'],
      ['accept', 'review', 'accepted', 'tiwei'],
      ['assign', 'accepted', 'assigned', 'tiwei'],
      ['reply', 'assigned', 'replied', 'chengban1'],
      ['rateSatisfied', 'replied', 'rated', '代表1'],
      ['resolve', 'rated', 'resolved', 'secretary'],
    ]);
    expect(resolved.history[5]).toMatchObject({ note: '符合立案条件', at: '2026-03-02T01:00:00.000Z' });
    expect(resolved.history[7].at).toBe('2026-03-14T01:00:00.000Z');
  });

  it('numbers motions per session in submission order, not drafting order, and never renumbers them', async () => {
    const h = await start();
    const first = await draft(h, 0, '关于夜班补贴标准的提案');
    const second = await draft(h, 1, '关于增设职工书屋的提案', 'culture');
    expect((await move(h, h.representative(1), second.id, 'submit')).number).toBe('2026-001');
    expect((await move(h, h.representative(0), first.id, 'submit')).number).toBe('2026-002');
    const withdrawn = await move(h, h.representative(1), second.id, 'withdraw', { note: '已与工会沟通解决' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', number: '2026-001' });
    const third = await draft(h, 2, '关于更新劳保用品的提案', 'safety');
    expect((await move(h, h.representative(2), third.id, 'submit')).number).toBe('2026-003');
  });

  it('takes the year in the number from the setting when the secretary gives one', async () => {
    const h = await start({ settings: { numberYear: 2027 } });
    const motion = await draft(h, 0, '关于班车线路调整的提案', 'welfare');
    expect((await move(h, h.representative(0), motion.id, 'submit')).number).toBe('2027-001');
  });

  it('accepts submissions only inside the collection window', async () => {
    const h = await start();
    const motion = await draft(h, 0, '关于停车场扩建的提案');
    await setSettings(h, { opensAt: '2026-03-05T00:00:00+08:00', closesAt: '2026-03-20T00:00:00+08:00' });
    const early = await attempt(h, h.representative(0), motion.id, 'submit');
    expectError(early, 409, 'MOTION_COLLECTION_CLOSED');
    expect(early.json().details).toEqual({ opensAt: '2026-03-04T16:00:00.000Z', closesAt: '2026-03-19T16:00:00.000Z' });
    h.clock.advanceDays(4);
    expect((await move(h, h.representative(0), motion.id, 'submit')).state).toBe('seconding');
    const late = await draft(h, 1, '关于食堂晚餐供应的提案');
    h.clock.advanceDays(15);
    expectError(await attempt(h, h.representative(1), late.id, 'submit'), 409, 'MOTION_COLLECTION_CLOSED');
    expect((await view(h, h.representative(1), late.id)).state).toBe('draft');
  });

  it('refuses submission when no window has been set for the meeting', async () => {
    const h = await start();
    await setSettings(h, { opensAt: null, closesAt: null });
    const motion = await draft(h, 0, '关于职工体检项目的提案');
    expectError(await attempt(h, h.representative(0), motion.id, 'submit'), 409, 'MOTION_COLLECTION_CLOSED');
    const { settings } = await call(h.app, { method: 'GET', url: `/api/meetings/${h.congress.meetingId}/motion-settings`, headers: h.representative(0) });
    expect(settings).toMatchObject({ collecting: false, requiredSeconders: 2, replyDeadlineDays: 30 });
  });

  it('goes straight to review when the meeting needs no seconders', async () => {
    const h = await start({ settings: { requiredSeconders: 0 } });
    const motion = await draft(h, 0, '关于厂区绿化的提案', 'other');
    const submitted = await move(h, h.representative(0), motion.id, 'submit');
    expect(submitted.state).toBe('review');
    expect(submitted.history.map((entry: any) => entry.event)).toEqual(['create', 'submit', 'secondersReached']);
  });
});

describe('seconding (附议)', () => {
  it('refuses the proposer, an attendee and a second seconding by the same representative', async () => {
    const h = await start();
    const motion = await draft(h, 0, '关于高温津贴发放的提案');
    await move(h, h.representative(0), motion.id, 'submit');
    expectError(await attempt(h, h.representative(0), motion.id, 'seconders'), 403, 'CANNOT_SECOND_OWN');
    expectError(await attempt(h, h.attendee(0), motion.id, 'seconders'), 403, 'MOTION_NOT_REPRESENTATIVE');
    await move(h, h.representative(3), motion.id, 'seconders');
    expectError(await attempt(h, h.representative(3), motion.id, 'seconders'), 409, 'ALREADY_SECONDED');
    expect((await view(h, h.representative(0), motion.id)).seconderCount).toBe(1);
  });

  it('lists the motions open for seconding in the representative’s term, and what they can do with each', async () => {
    const h = await start();
    const open = await draft(h, 0, '关于班组活动经费的提案', 'culture');
    await move(h, h.representative(0), open.id, 'submit');
    await draft(h, 1, '仍是草稿的提案');
    const { motions } = await call(h.app, { method: 'GET', url: '/api/motions?scope=seconding', headers: h.representative(5) });
    expect(motions.map((motion: any) => motion.subject)).toEqual(['关于班组活动经费的提案']);
    expect((await view(h, h.representative(5), open.id)).allowedEvents).toEqual(['second']);
    expect((await view(h, h.attendee(0), open.id)).allowedEvents).toEqual([]);
  });

  it('refuses seconding once the motion has gone to review', async () => {
    const h = await start();
    const motion = await motionInReview(h, 0, '关于工装更新的提案');
    const refused = await attempt(h, h.representative(1), motion.id, 'seconders');
    expectError(refused, 409, 'MOTION_STATE');
    expect(refused.json().details).toEqual({ state: 'review', stateZh: '待审查', event: 'second' });
    // Past seconding, a representative who is neither proposer nor seconder no longer sees it.
    expectError(await attempt(h, h.representative(6), motion.id, 'seconders'), 404, 'MOTION_NOT_FOUND');
  });
});

describe('a paper motion entered by the secretary (代录)', () => {
  it('is recorded as entered on the proposer’s behalf, with its paper seconders', async () => {
    const h = await start();
    const proposer = h.congress.representatives[4]!;
    const { motion } = await call(
      h.app,
      { method: 'POST', url: `/api/meetings/${h.congress.meetingId}/motions`, headers: h.secretary, payload: { ...motionFields('关于倒班宿舍维修的提案'), proposerMemberId: proposer.memberId } },
      201,
    );
    expect(motion).toMatchObject({ onPaper: true, enteredBy: 'secretary', proposer: { memberId: proposer.memberId, name: '代表5' } });
    await move(h, h.secretary, motion.id, 'submit');
    expectError(await attempt(h, h.secretary, motion.id, 'seconders'), 400, 'VALIDATION_FAILED');
    expectError(await attempt(h, h.secretary, motion.id, 'seconders', { memberId: proposer.memberId }), 403, 'CANNOT_SECOND_OWN');
    await move(h, h.secretary, motion.id, 'seconders', { memberId: h.congress.representatives[5]!.memberId });
    const reviewed = await move(h, h.secretary, motion.id, 'seconders', { memberId: h.congress.representatives[6]!.memberId });
    expect(reviewed).toMatchObject({
      state: 'review',
      seconders: [
        { name: '代表6', onPaper: true },
        { name: '代表7', onPaper: true },
      ],
    });
    const [created, submitted, seconded] = reviewed.history;
    expect(created).toMatchObject({ event: 'create', actor: { kind: 'account', name: 'secretary' }, onBehalfOf: { name: '代表5' } });
    expect(submitted).toMatchObject({ event: 'submit', onBehalfOf: { name: '代表5' } });
    expect(seconded).toMatchObject({ event: 'second', onBehalfOf: { name: '代表6' } });
    expect((await view(h, h.representative(4), motion.id)).proposer.name).toBe('代表5');
  });

  it('does not let the secretary act for the proposer of a motion drafted online, nor the committee enter paper motions', async () => {
    const h = await start();
    const motion = await draft(h, 0, '关于厂区照明的提案', 'safety');
    await move(h, h.representative(0), motion.id, 'submit');
    expectError(await attempt(h, h.secretary, motion.id, 'withdraw'), 403, 'FORBIDDEN');
    const byCommittee = await h.app.inject({
      method: 'POST',
      url: `/api/meetings/${h.congress.meetingId}/motions`,
      headers: h.committee,
      payload: { ...motionFields('委员会代录'), proposerMemberId: h.congress.representatives[0]!.memberId },
    });
    expectError(byCommittee, 403, 'FORBIDDEN');
  });

  it('refuses an attendee or a stranger as proposer', async () => {
    const h = await start();
    const asAttendee = await h.app.inject({ method: 'POST', url: `/api/meetings/${h.congress.meetingId}/motions`, headers: h.attendee(0), payload: motionFields('列席代表的提案') });
    expectError(asAttendee, 403, 'MOTION_NOT_REPRESENTATIVE');
    const forAttendee = await h.app.inject({
      method: 'POST',
      url: `/api/meetings/${h.congress.meetingId}/motions`,
      headers: h.secretary,
      payload: { ...motionFields('代录列席代表'), proposerMemberId: h.congress.attendees[0]!.memberId },
    });
    expectError(forAttendee, 403, 'MOTION_NOT_REPRESENTATIVE');
    const unknown = await h.app.inject({
      method: 'POST',
      url: `/api/meetings/${h.congress.meetingId}/motions`,
      headers: h.secretary,
      payload: { ...motionFields('查无此人'), proposerMemberId: 'nobody' },
    });
    expectError(unknown, 404, 'MEMBER_NOT_FOUND');
  });
});
