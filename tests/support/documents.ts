// Document fixtures (二上二下): a congress in session with three delegations and their leaders, an
// attendee, a drafting department (人力资源部) with a handler, a clock the test moves, and short ways
// to drive a document through its rounds with the real API.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { BuildOptions } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { call, type Congress, createApp, createCongress, signIn } from './congress.js';
import { TestClock } from './motions.js';
import { bearer } from './requests.js';

const DAY = 86_400_000;
export type Headers = Record<string, string>;

export interface DocumentHall {
  app: FastifyInstance;
  congress: Congress;
  clock: TestClock;
  secretary: Headers;
  /** A handler of 人力资源部, the drafting department. */
  drafter: Headers;
  /** A handler of another department. */
  otherHandler: Headers;
  committee: Headers;
  departmentId: string;
  /** Representative i is in delegation i % 3; representatives 0, 1 and 2 lead delegations 1, 2 and 3. */
  representative: (index: number) => Headers;
  leader: (delegation: number) => Headers;
  attendee: Headers;
}

export async function documentHall(representatives = 9, build: Omit<BuildOptions, 'clock'> = {}, config: Partial<Config> = {}): Promise<DocumentHall> {
  const clock = new TestClock();
  const app = await createApp({ SESSION_HOURS: 720, ...config }, { ...build, clock: clock.read });
  const congress = await createCongress(app, { representatives, attendees: 1, delegations: 3 });
  const secretary = { cookie: congress.secretary };
  for (const [index, delegationId] of congress.delegationIds.entries()) {
    await call(app, { method: 'PATCH', url: `/api/delegations/${delegationId}`, headers: secretary, payload: { leaderMemberId: congress.representatives[index]!.memberId } });
  }
  const department = async (name: string) => (await call(app, { method: 'POST', url: '/api/departments', headers: secretary, payload: { name } }, 201)).department.id as string;
  const departmentId = await department('人力资源部');
  const otherDepartmentId = await department('财务部');
  const account = async (username: string, role: string, department?: string) => {
    await call(
      app,
      { method: 'POST', url: '/api/accounts', headers: secretary, payload: { username, password: 'drafter-password-123', role, ...(department ? { departmentId: department } : {}) } },
      201,
    );
    return { cookie: await signIn(app, username, 'drafter-password-123') };
  };
  return {
    app,
    congress,
    clock,
    secretary,
    drafter: await account('renli', 'handler', departmentId),
    otherHandler: await account('caiwu', 'handler', otherDepartmentId),
    committee: await account('tiwei', 'committee'),
    departmentId,
    representative: (index) => bearer(congress.representatives[index]!.token),
    leader: (delegation) => bearer(congress.representatives[delegation]!.token),
    attendee: bearer(congress.attendees[0]!.token),
  };
}

export const PAY_SCHEME_V1 = `# 第一章 总则

第一条 为规范工资分配,制定本方案。

第二条 本方案适用于全体职工。

第三条 夜班津贴每班30元。

第四条 高温津贴按月发放。`;

export const PAY_SCHEME_V2 = `# 第一章 总则

第一条 为规范工资分配,制定本方案。

第二条 本方案适用于全体在岗职工。

第三条 夜班津贴每班50元。

第四条 高温津贴按月发放。

第五条 本方案自职工代表大会通过之日起施行。`;

export function inDays(hall: DocumentHall, days: number): string {
  return new Date(hall.clock.now.getTime() + days * DAY).toISOString();
}

export async function createDocument(hall: DocumentHall, fields: Record<string, unknown> = {}): Promise<any> {
  const payload = { title: '工资分配方案', kind: 'pay_scheme', draftingDepartmentId: hall.departmentId, text: PAY_SCHEME_V1, ...fields };
  return (await call(hall.app, { method: 'POST', url: `/api/meetings/${hall.congress.meetingId}/documents`, headers: hall.secretary, payload }, 201)).document;
}

/** A move through the API; the answer is the document. */
export async function act(hall: DocumentHall, who: Headers, documentId: string, path: string, body?: object, expected = 200): Promise<any> {
  return (await call(hall.app, { method: 'POST', url: `/api/documents/${documentId}/${path}`, headers: who, ...(body ? { payload: body } : {}) }, expected)).document;
}

export function attempt(hall: DocumentHall, who: Headers, documentId: string, path: string, body?: object): Promise<LightMyRequestResponse> {
  return hall.app.inject({ method: 'POST', url: `/api/documents/${documentId}/${path}`, headers: who, ...(body ? { payload: body } : {}) });
}

export async function view(hall: DocumentHall, who: Headers, documentId: string): Promise<any> {
  return (await call(hall.app, { method: 'GET', url: `/api/documents/${documentId}`, headers: who })).document;
}

export async function saveDraft(hall: DocumentHall, who: Headers, documentId: string, text: string): Promise<any> {
  return (await call(hall.app, { method: 'PUT', url: `/api/documents/${documentId}/draft`, headers: who, payload: { text } })).document;
}

export async function opinion(hall: DocumentHall, who: Headers, documentId: string, anchor: string, content: string): Promise<any> {
  return act(hall, who, documentId, 'opinions', { anchor, content }, 201);
}

/** The opinions of the current round the secretary sees, by author name. */
export function opinionsBy(document: any, name: string): any[] {
  return document.rounds.at(-1).opinions.filter((entry: any) => entry.memberName === name);
}

/** Issues, collects one opinion, consolidates, answers (adopted) and closes a round: for documents whose rounds are not the test's subject. */
export async function quickRound(hall: DocumentHall, documentId: string, anchor = 'b3'): Promise<any> {
  await act(hall, hall.secretary, documentId, 'issue', { deadline: inDays(hall, 7) });
  await opinion(hall, hall.representative(3), documentId, anchor, '建议明确适用范围');
  await act(hall, hall.secretary, documentId, 'end-collection');
  const seen = await view(hall, hall.secretary, documentId);
  const opinions = seen.rounds.at(-1).opinions.map((entry: any) => entry.id);
  const consolidated = await act(hall, hall.leader(0), documentId, 'submissions', { items: [{ anchor, content: '建议明确适用范围', sourceOpinionIds: opinions }] });
  await act(hall, hall.secretary, documentId, 'end-consolidation');
  for (const item of consolidated.rounds.at(-1).consolidated) await act(hall, hall.drafter, documentId, 'responses', { consolidatedId: item.id, outcome: 'adopted' });
  return act(hall, hall.secretary, documentId, 'close-round');
}
