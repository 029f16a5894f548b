// Motion fixtures: a congress whose collection window is open at a clock the test moves, the
// motions committee, departments with a handler each, and short ways to walk a motion through its
// life through the real API.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Config } from '../../src/config.js';
import { call, type Congress, createApp, createCongress, signIn } from './congress.js';
import { bearer } from './requests.js';

const DAY = 86_400_000;

/** A clock the test sets: the app reads it on every request. */
export class TestClock {
  constructor(public now: Date = new Date('2026-03-02T01:00:00.000Z')) {}
  advanceDays(days: number): Date {
    this.now = new Date(this.now.getTime() + days * DAY);
    return this.now;
  }
  readonly read = (): Date => this.now;
}

export const DEPARTMENTS = ['后勤保障部', '人力资源部', '安全环保部', '财务部'] as const;
export type DepartmentName = (typeof DEPARTMENTS)[number];
const HANDLER_PASSWORD = 'handler-password-123';

export interface MotionHall {
  app: FastifyInstance;
  congress: Congress;
  clock: TestClock;
  secretary: { cookie: string };
  committee: { cookie: string };
  handlers: Record<DepartmentName, { cookie: string }>;
  departments: Record<DepartmentName, string>;
  representative: (index: number) => { authorization: string };
  attendee: (index: number) => { authorization: string };
}

export interface HallOptions {
  representatives?: number;
  attendees?: number;
  settings?: Record<string, unknown>;
  /** Configuration beyond the fixture's own (quotas, say). */
  config?: Partial<Config>;
}

/** Collection opened yesterday and closes in ten days; sessions last a month of test time. */
export async function motionHall(options: HallOptions = {}): Promise<MotionHall> {
  const clock = new TestClock();
  const app = await createApp({ SESSION_HOURS: 720, ...options.config }, { clock: clock.read });
  const congress = await createCongress(app, { representatives: options.representatives ?? 8, attendees: options.attendees ?? 1, openMeeting: false });
  const secretary = { cookie: congress.secretary };
  const departments = {} as Record<DepartmentName, string>;
  for (const name of DEPARTMENTS) departments[name] = (await call(app, { method: 'POST', url: '/api/departments', headers: secretary, payload: { name } }, 201)).department.id;
  const account = async (username: string, role: string, departmentId?: string) => {
    await call(app, { method: 'POST', url: '/api/accounts', headers: secretary, payload: { username, password: HANDLER_PASSWORD, role, ...(departmentId ? { departmentId } : {}) } }, 201);
    return { cookie: await signIn(app, username, HANDLER_PASSWORD) };
  };
  const committee = await account('tiwei', 'committee');
  const handlers = {} as Record<DepartmentName, { cookie: string }>;
  for (const [index, name] of DEPARTMENTS.entries()) handlers[name] = await account(`chengban${index + 1}`, 'handler', departments[name]);
  await setSettings({ app, congress, secretary } as MotionHall, {
    opensAt: new Date(clock.now.getTime() - DAY).toISOString(),
    closesAt: new Date(clock.now.getTime() + 10 * DAY).toISOString(),
    ...options.settings,
  });
  return {
    app,
    congress,
    clock,
    secretary,
    committee,
    handlers,
    departments,
    representative: (index) => bearer(congress.representatives[index]!.token),
    attendee: (index) => bearer(congress.attendees[index]!.token),
  };
}

export async function setSettings(hall: Pick<MotionHall, 'app' | 'congress' | 'secretary'>, settings: Record<string, unknown>) {
  return (await call(hall.app, { method: 'PUT', url: `/api/meetings/${hall.congress.meetingId}/motion-settings`, headers: hall.secretary, payload: settings })).settings;
}

export type Headers = Record<string, string>;

export function motionFields(subject: string, category = 'welfare') {
  return { subject, reasons: `${subject}的理由:职工反映强烈。`, measures: `${subject}的建议措施:请相关部门研究落实。`, category };
}

/** A move through the API; the answer is the motion, or the raw response when a refusal is expected. */
export async function move(hall: MotionHall, who: Headers, motionId: string, path: string, body?: object, expected = 200): Promise<any> {
  return (await call(hall.app, { method: 'POST', url: `/api/motions/${motionId}/${path}`, headers: who, ...(body ? { payload: body } : {}) }, expected)).motion;
}

export function attempt(hall: MotionHall, who: Headers, motionId: string, path: string, body?: object): Promise<LightMyRequestResponse> {
  return hall.app.inject({ method: 'POST', url: `/api/motions/${motionId}/${path}`, headers: who, ...(body ? { payload: body } : {}) });
}

export async function view(hall: MotionHall, who: Headers, motionId: string): Promise<any> {
  return (await call(hall.app, { method: 'GET', url: `/api/motions/${motionId}`, headers: who })).motion;
}

export async function draft(hall: MotionHall, proposer: number, subject: string, category = 'welfare'): Promise<any> {
  return (await call(hall.app, { method: 'POST', url: `/api/meetings/${hall.congress.meetingId}/motions`, headers: hall.representative(proposer), payload: motionFields(subject, category) }, 201))
    .motion;
}

/** Drafted by one representative, submitted and seconded by the next two: under review. */
export async function motionInReview(hall: MotionHall, proposer: number, subject: string, category = 'welfare'): Promise<any> {
  const motion = await draft(hall, proposer, subject, category);
  await move(hall, hall.representative(proposer), motion.id, 'submit');
  const count = hall.congress.representatives.length;
  await move(hall, hall.representative((proposer + 1) % count), motion.id, 'seconders');
  return move(hall, hall.representative((proposer + 2) % count), motion.id, 'seconders');
}

export async function assigned(hall: MotionHall, proposer: number, subject: string, lead: DepartmentName, options: { category?: string; co?: DepartmentName[]; deadline?: string } = {}): Promise<any> {
  const motion = await motionInReview(hall, proposer, subject, options.category);
  await move(hall, hall.committee, motion.id, 'accept');
  return move(hall, hall.committee, motion.id, 'assign', {
    leadDepartmentId: hall.departments[lead],
    coDepartmentIds: (options.co ?? []).map((name) => hall.departments[name]),
    ...(options.deadline ? { deadline: options.deadline } : {}),
  });
}
