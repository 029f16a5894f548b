// Motions live: the secretariat follows every change without following a meeting, a department
// hears only of the motions assigned to it, and a seconder hears of the motion they seconded.
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { draft, type MotionHall, motionHall, motionInReview, move } from '../support/motions.js';
import { nextEvent, within } from '../support/sockets.js';

let hall: MotionHall | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hall?.app.close();
  hall = undefined;
});

async function listening(): Promise<{ h: MotionHall; url: string }> {
  hall = await motionHall();
  await hall.app.listen({ port: 0, host: '127.0.0.1' });
  const address = hall.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return { h: hall, url: `http://127.0.0.1:${address.port}` };
}

interface Listener {
  socket: Socket;
  motions: { event: string; motion: { id: string; state: string; number: string | null } }[];
}

async function follow(url: string, who: { cookie?: string; token?: string }): Promise<Listener> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: who.token ? { token: who.token } : {},
    ...(who.cookie ? { extraHeaders: { cookie: who.cookie } } : {}),
  });
  sockets.push(socket);
  const listener: Listener = { socket, motions: [] };
  socket.on('motion:updated', (payload) => listener.motions.push(payload));
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

describe('live motion updates', () => {
  it('reach the secretariat without a meeting, the assigned department only, the people on the motion, and the term while it seeks seconders', async () => {
    const { h, url } = await listening();
    const [secretary, logistics, finance, seconder, stranger] = await Promise.all([
      follow(url, h.secretary),
      follow(url, h.handlers.后勤保障部),
      follow(url, h.handlers.财务部),
      follow(url, { token: h.congress.representatives[1]!.token }),
      follow(url, { token: h.congress.representatives[6]!.token }),
    ]);

    const privateDraft = await draft(h, 5, '尚未提交的草稿');
    const submitted = nextEvent(secretary.socket, 'motion:updated', (payload) => payload.event === 'submit');
    const motion = await draft(h, 0, '职工食堂改造');
    await move(h, h.representative(0), motion.id, 'submit');
    expect((await submitted).motion).toMatchObject({ id: motion.id, state: 'seconding', number: '2026-001' });

    const reachedReview = nextEvent(seconder.socket, 'motion:updated', (payload) => payload.event === 'secondersReached');
    await move(h, h.representative(1), motion.id, 'seconders');
    await move(h, h.representative(2), motion.id, 'seconders');
    expect((await reachedReview).motion.state).toBe('review');

    await move(h, h.committee, motion.id, 'accept');
    const toLogistics = nextEvent(logistics.socket, 'motion:updated', (payload) => payload.event === 'assign');
    await move(h, h.committee, motion.id, 'assign', { leadDepartmentId: h.departments.后勤保障部 });
    expect((await toLogistics).motion).toMatchObject({ id: motion.id, state: 'assigned', leadDepartment: { name: '后勤保障部' } });

    const other = await motionInReview(h, 3, '关于报销流程的提案', 'operations');
    await move(h, h.committee, other.id, 'accept');
    const toFinance = nextEvent(finance.socket, 'motion:updated', (payload) => payload.event === 'assign');
    await move(h, h.committee, other.id, 'assign', { leadDepartmentId: h.departments.财务部 });
    await toFinance;
    const seen = (listener: Listener) => [...new Set(listener.motions.map((entry) => entry.motion.id))];

    expect(seen(finance)).toEqual([other.id]);
    expect(seen(logistics)).toEqual([motion.id]);
    // Another representative of the term hears of each motion while it seeks seconders (to second
    // it), never of a draft and never of its review or handling.
    expect(seen(stranger)).toEqual([motion.id, other.id]);
    expect(new Set(stranger.motions.map((entry) => entry.event))).toEqual(new Set(['submit', 'second', 'secondersReached']));
    expect(seen(secretary)).not.toContain(privateDraft.id);
    expect(secretary.motions.filter((entry) => entry.motion.id === motion.id).map((entry) => entry.event)).toEqual(['submit', 'second', 'second', 'secondersReached', 'accept', 'assign']);
  });
});
