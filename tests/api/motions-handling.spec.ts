// Handling an accepted motion: departments and their handlers, assignment (交办), declining and
// reassignment, the one extension, replies (答复), ratings and re-handling, resolution, and
// overdue (超期) motions found with a clock the test moves.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../support/congress.js';
import { assigned, attempt, type MotionHall, motionHall, motionInReview, move, view } from '../support/motions.js';
import { expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(settings: Record<string, unknown> = {}): Promise<MotionHall> {
  const hall = await motionHall({ settings });
  app = hall.app;
  return hall;
}

const list = async (h: MotionHall, who: Record<string, string>, query = '') => (await call(h.app, { method: 'GET', url: `/api/motions${query}`, headers: who })).motions;

describe('departments and their handlers', () => {
  it('are managed by the secretary; a handler account needs a department and nobody else takes one', async () => {
    const h = await start();
    const { departments } = await call(h.app, { method: 'GET', url: '/api/departments', headers: h.handlers.财务部 });
    expect(departments.map((department: any) => department.name).sort()).toEqual(['人力资源部', '后勤保障部', '安全环保部', '财务部'].sort());
    expectError(await h.app.inject({ method: 'POST', url: '/api/departments', headers: h.committee, payload: { name: '党群工作部' } }), 403, 'FORBIDDEN');
    expectError(await h.app.inject({ method: 'POST', url: '/api/departments', headers: h.secretary, payload: { name: '财务部' } }), 409, 'DEPARTMENT_EXISTS');
    const account = (payload: object) => h.app.inject({ method: 'POST', url: '/api/accounts', headers: h.secretary, payload: { username: 'newhandler', password: 'a-long-password-1', ...payload } });
    expectError(await account({ role: 'handler' }), 400, 'DEPARTMENT_REQUIRED');
    expectError(await account({ role: 'committee', departmentId: h.departments.财务部 }), 400, 'DEPARTMENT_REQUIRED');
    expectError(await account({ role: 'handler', departmentId: 'nowhere' }), 404, 'DEPARTMENT_NOT_FOUND');
    const created = await call(
      h.app,
      { method: 'POST', url: '/api/accounts', headers: h.secretary, payload: { username: 'newhandler', password: 'a-long-password-1', role: 'handler', departmentId: h.departments.财务部 } },
      201,
    );
    expect(created.account).toMatchObject({ role: 'handler', departmentId: h.departments.财务部 });
    const { accounts } = await call(h.app, { method: 'GET', url: '/api/accounts', headers: h.secretary });
    expect(accounts.find((entry: any) => entry.username === 'newhandler').departmentId).toBe(h.departments.财务部);
  });

  it('shows a handler only the motions assigned to their department', async () => {
    const h = await start();
    const canteen = await assigned(h, 0, '职工食堂改造', '后勤保障部', { co: ['财务部'] });
    await assigned(h, 1, '关于加强消防演练的提案', '安全环保部', { category: 'safety' });
    await motionInReview(h, 2, '尚未交办的提案');
    expect((await list(h, h.handlers.后勤保障部)).map((motion: any) => motion.subject)).toEqual(['职工食堂改造']);
    expect((await list(h, h.handlers.财务部)).map((motion: any) => motion.subject)).toEqual(['职工食堂改造']);
    expect(await list(h, h.handlers.人力资源部)).toEqual([]);
    expectError(await h.app.inject({ method: 'GET', url: `/api/motions/${canteen.id}`, headers: h.handlers.人力资源部 }), 404, 'MOTION_NOT_FOUND');
    expect((await view(h, h.handlers.后勤保障部, canteen.id)).allowedEvents).toEqual(['decline', 'reply']);
    expect((await view(h, h.handlers.财务部, canteen.id)).allowedEvents).toEqual(['declineCoHandling']);
    expectError(await attempt(h, h.handlers.财务部, canteen.id, 'reply', { content: '协办意见', grade: 'B' }), 403, 'FORBIDDEN');
    expectError(await h.app.inject({ method: 'GET', url: '/api/motions/dashboard', headers: h.handlers.后勤保障部 }), 403, 'FORBIDDEN');
  });

  it('refuses assignment to a disabled department', async () => {
    const h = await start();
    await call(h.app, { method: 'PATCH', url: `/api/departments/${h.departments.财务部}`, headers: h.secretary, payload: { disabled: true } });
    const motion = await motionInReview(h, 0, '关于报销流程简化的提案', 'operations');
    await move(h, h.committee, motion.id, 'accept');
    expectError(await attempt(h, h.committee, motion.id, 'assign', { leadDepartmentId: h.departments.财务部 }), 409, 'DEPARTMENT_DISABLED');
    expectError(await attempt(h, h.committee, motion.id, 'assign', { leadDepartmentId: h.departments.后勤保障部, deadline: '2026-03-01T00:00:00Z' }), 400, 'MOTION_DEADLINE_INVALID');
    expect((await view(h, h.committee, motion.id)).state).toBe('accepted');
  });
});

describe('declining and reassigning', () => {
  it('sends the motion back for reassignment when the lead department declines in time, and the committee reassigns it', async () => {
    const h = await start({ declineWindowDays: 5 });
    const motion = await assigned(h, 0, '关于职工子女入托的提案', '后勤保障部', { co: ['财务部'] });
    h.clock.advanceDays(3);
    expectError(await attempt(h, h.handlers.后勤保障部, motion.id, 'decline'), 400, 'VALIDATION_FAILED');
    const declined = await move(h, h.handlers.后勤保障部, motion.id, 'decline', { reason: '托育事项由人力资源部负责' });
    expect(declined).toMatchObject({ state: 'accepted', stateName: '已立案待交办', leadDepartment: null, dueAt: null });
    expect(declined.assignments.map((entry: any) => [entry.department.name, entry.active, entry.declineReason])).toEqual([
      ['后勤保障部', false, '托育事项由人力资源部负责'],
      ['财务部', false, null],
    ]);
    expect(await list(h, h.handlers.后勤保障部)).toEqual([]);

    const reassigned = await move(h, h.committee, motion.id, 'assign', { leadDepartmentId: h.departments.人力资源部 });
    expect(reassigned).toMatchObject({ state: 'assigned', leadDepartment: { name: '人力资源部' }, dueAt: '2026-04-04T01:00:00.000Z' });
    expect((await list(h, h.handlers.人力资源部)).map((entry: any) => entry.id)).toEqual([motion.id]);
    expect(reassigned.history.slice(-2).map((entry: any) => [entry.event, entry.actor.name, entry.note])).toEqual([
      ['decline', 'chengban1', '托育事项由人力资源部负责'],
      ['assign', 'tiwei', null],
    ]);
  });

  it('refuses a decline after the set number of days', async () => {
    const h = await start({ declineWindowDays: 5 });
    const motion = await assigned(h, 0, '关于厂区道路维修的提案', '后勤保障部');
    h.clock.advanceDays(6);
    const refused = await attempt(h, h.handlers.后勤保障部, motion.id, 'decline', { reason: '不归我们管' });
    expectError(refused, 409, 'MOTION_DECLINE_WINDOW_PASSED');
    expect(refused.json().details).toEqual({ until: '2026-03-07T01:00:00.000Z' });
  });

  it('lets a co-handling department withdraw from its part without stopping the lead', async () => {
    const h = await start();
    const motion = await assigned(h, 0, '关于食堂价格公示的提案', '后勤保障部', { co: ['财务部', '人力资源部'] });
    const after = await move(h, h.handlers.财务部, motion.id, 'decline', { reason: '不涉及财务事项' });
    expect(after).toMatchObject({ state: 'assigned', leadDepartment: { name: '后勤保障部' } });
    expect(after.history.at(-1)).toMatchObject({ event: 'declineCoHandling', from: 'assigned', to: 'assigned' });
    expect(after.assignments.filter((entry: any) => entry.active).map((entry: any) => entry.department.name)).toEqual(['后勤保障部', '人力资源部']);
    expect(await list(h, h.handlers.财务部)).toEqual([]);
  });
});

describe('the one extension (延期)', () => {
  it('moves the deadline once, with a reason and within the setting', async () => {
    const h = await start({ extensionMaxDays: 30 });
    const motion = await assigned(h, 0, '关于更换老旧空调的提案', '后勤保障部');
    expectError(await attempt(h, h.committee, motion.id, 'extend', { reason: '需招标', days: 31 }), 400, 'MOTION_EXTENSION_TOO_LONG');
    expectError(await attempt(h, h.handlers.后勤保障部, motion.id, 'extend', { reason: '需招标', days: 10 }), 403, 'FORBIDDEN');
    const extended = await move(h, h.committee, motion.id, 'extend', { reason: '需履行招标程序', days: 20 });
    expect(extended).toMatchObject({ dueAt: '2026-04-21T01:00:00.000Z', extension: { days: 20, reason: '需履行招标程序' } });
    expectError(await attempt(h, h.committee, motion.id, 'extend', { reason: '再延一次', days: 5 }), 409, 'MOTION_ALREADY_EXTENDED');
  });
});

describe('replies, ratings and re-handling', () => {
  it('sends a dissatisfied rating back to the department with a new deadline, and resolves after a second reply is accepted', async () => {
    const h = await start({ replyDeadlineDays: 20 });
    const motion = await assigned(h, 0, '关于提高夜班餐补的提案', '人力资源部');
    h.clock.advanceDays(10);
    await move(h, h.handlers.人力资源部, motion.id, 'reply', { content: '将在明年预算中研究。', grade: 'C' });
    expectError(await attempt(h, h.representative(1), motion.id, 'rating', { rating: 'satisfied' }), 403, 'FORBIDDEN');
    const dissatisfied = await move(h, h.representative(0), motion.id, 'rating', { rating: 'dissatisfied', comment: '没有给出时间表' });
    expect(dissatisfied).toMatchObject({ state: 'rehandling', stateName: '重新办理', dueAt: '2026-04-01T01:00:00.000Z', latestRating: 'dissatisfied' });
    expectError(await attempt(h, h.committee, motion.id, 'resolve'), 400, 'MOTION_NOTE_REQUIRED');

    h.clock.advanceDays(5);
    const again = await move(h, h.handlers.人力资源部, motion.id, 'reply', { content: '自七月起夜班餐补由每次10元提高到15元。', grade: 'A' });
    expect(again.replies.map((entry: any) => [entry.round, entry.grade, entry.rating, entry.onTime])).toEqual([
      [1, 'C', 'dissatisfied', true],
      [2, 'A', null, true],
    ]);
    await move(h, h.representative(0), motion.id, 'rating', { rating: 'basically_satisfied' });
    const resolved = await move(h, h.committee, motion.id, 'resolve');
    expect(resolved).toMatchObject({ state: 'resolved', latestRating: 'basically_satisfied', resolvedAt: '2026-03-17T01:00:00.000Z' });
    expect(resolved.history.map((entry: any) => entry.event).slice(-5)).toEqual(['reply', 'rateDissatisfied', 'reply', 'rateSatisfied', 'resolve']);
  });

  it('lets the committee resolve an unrated reply only with a recorded reason', async () => {
    const h = await start();
    const motion = await assigned(h, 0, '关于增设自行车棚的提案', '后勤保障部');
    await move(h, h.handlers.后勤保障部, motion.id, 'reply', { content: '已建成', grade: 'A' });
    expectError(await attempt(h, h.committee, motion.id, 'resolve'), 400, 'MOTION_NOTE_REQUIRED');
    const resolved = await move(h, h.committee, motion.id, 'resolve', { reason: '提案人已调离,经委员会研究予以办结' });
    expect(resolved).toMatchObject({ state: 'resolved', resolutionNote: '提案人已调离,经委员会研究予以办结', latestRating: null });
  });
});

describe('overdue motions (超期)', () => {
  it('are found from the injected clock: not before the deadline, at once after it, and no longer once replied', async () => {
    const h = await start({ replyDeadlineDays: 10 });
    const late = await assigned(h, 0, '关于更新安全帽的提案', '安全环保部', { category: 'safety' });
    const prompt = await assigned(h, 3, '关于增加休息室的提案', '后勤保障部');
    const overdue = async () => (await list(h, h.committee, '?overdue=true')).map((motion: any) => motion.subject);

    h.clock.advanceDays(9);
    expect(await overdue()).toEqual([]);
    let figures = (await call(h.app, { method: 'GET', url: '/api/motions/dashboard?dueSoonDays=3', headers: h.committee })).dashboard;
    expect(figures.dueSoon.map((entry: any) => [entry.subject, entry.daysLeft])).toEqual([
      ['关于更新安全帽的提案', 1],
      ['关于增加休息室的提案', 1],
    ]);
    await move(h, h.handlers.后勤保障部, prompt.id, 'reply', { content: '已落实', grade: 'A' });

    h.clock.advanceDays(1);
    h.clock.now = new Date(h.clock.now.getTime() + 1);
    expect(await overdue()).toEqual(['关于更新安全帽的提案']);
    expect((await view(h, h.committee, late.id)).overdue).toBe(true);
    figures = (await call(h.app, { method: 'GET', url: '/api/motions/dashboard', headers: h.secretary })).dashboard;
    expect(figures.overdue).toEqual([expect.objectContaining({ id: late.id, number: '2026-001', leadDepartment: { id: h.departments.安全环保部, name: '安全环保部' }, daysLeft: -1 })]);
    expect(figures.rates.onTimeReply).toEqual({ count: 1, of: 2, percent: 50 });

    h.clock.advanceDays(2);
    const replied = await move(h, h.handlers.安全环保部, late.id, 'reply', { content: '已采购新款安全帽', grade: 'A' });
    expect(replied.replies[0].onTime).toBe(false);
    expect(await overdue()).toEqual([]);
    figures = (await call(h.app, { method: 'GET', url: '/api/motions/dashboard', headers: h.secretary })).dashboard;
    expect(figures.rates.onTimeReply).toEqual({ count: 1, of: 2, percent: 50 });
    expect(figures.byDepartment.find((row: any) => row.department.name === '安全环保部')).toMatchObject({ assigned: 1, replied: 1, repliedOnTime: 0, overdue: 0 });
  });
});
