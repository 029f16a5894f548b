// Test fixtures: a Yishi app on an in-memory database with a secretary, a term, delegations,
// representatives with codes, and a meeting in session — built through the real API.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type BuildOptions } from '../../src/app.js';
import { type Config, testConfig } from '../../src/config.js';

export const SECRETARY_PASSWORD = 'correct horse battery staple';

export interface Congress {
  app: FastifyInstance;
  /** Cookie header of the signed-in secretary. */
  secretary: string;
  termId: string;
  delegationIds: string[];
  meetingId: string;
  representatives: { memberId: string; name: string; code: string; token: string }[];
  attendees: { memberId: string; name: string; code: string; token: string }[];
}

export async function createApp(overrides: Partial<Config> = {}, options: BuildOptions = {}): Promise<FastifyInstance> {
  return buildApp(testConfig({ ADMIN_USER: 'secretary', ADMIN_PASSWORD: SECRETARY_PASSWORD, ...overrides }), options);
}

export function cookieFrom(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  return String(first).split(';')[0]!;
}

/** app.inject that fails the test on an unexpected status, returning the parsed body. */
export async function call<T = any>(app: FastifyInstance, options: InjectOptions, expected = 200): Promise<T> {
  const response = await app.inject(options);
  if (response.statusCode !== expected) {
    throw new Error(`${options.method ?? 'GET'} ${String(options.url)} → ${response.statusCode} (expected ${expected}): ${response.body}`);
  }
  return response.json() as T;
}

export async function signIn(app: FastifyInstance, username = 'secretary', password = SECRETARY_PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  return cookieFrom(response);
}

export interface CongressShape {
  representatives: number;
  attendees?: number;
  delegations?: number;
  present?: number | 'all';
  kind?: 'congress' | 'general_assembly';
  openMeeting?: boolean;
}

/** Builds a congress through the HTTP API, the way a secretary would. */
export async function createCongress(app: FastifyInstance, shape: CongressShape): Promise<Congress> {
  const secretary = await signIn(app);
  const as = { cookie: secretary };
  const { term } = await call(app, { method: 'POST', url: '/api/terms', headers: as, payload: { number: 3 } }, 201);
  const delegationIds: string[] = [];
  for (let index = 0; index < (shape.delegations ?? 2); index++) {
    const { delegation } = await call(app, { method: 'POST', url: `/api/terms/${term.id}/delegations`, headers: as, payload: { name: `第${index + 1}代表团` } }, 201);
    delegationIds.push(delegation.id);
  }
  const addPeople = async (count: number, role: 'representative' | 'attendee', prefix: string) => {
    const people = [];
    for (let index = 0; index < count; index++) {
      const { member } = await call(
        app,
        {
          method: 'POST',
          url: `/api/terms/${term.id}/members`,
          headers: as,
          payload: { name: `${prefix}${index + 1}`, staffNumber: `${prefix}-${index + 1}`, role, delegationId: delegationIds[index % delegationIds.length] },
        },
        201,
      );
      people.push(member.id as string);
    }
    return people;
  };
  const representativeIds = await addPeople(shape.representatives, 'representative', '代表');
  const attendeeIds = await addPeople(shape.attendees ?? 0, 'attendee', '列席');
  const { codes } = await call(app, { method: 'POST', url: `/api/terms/${term.id}/codes`, headers: as, payload: { scope: 'missing' } }, 201);
  const codeOf = new Map<string, { code: string; name: string }>(codes.map((entry: any) => [entry.memberId, entry]));
  const { meeting } = await call(
    app,
    { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: term.id, title: '第三届第二次职工代表大会', kind: shape.kind ?? 'congress', sessionNumber: 2 } },
    201,
  );
  const join = async (memberId: string) => {
    const entry = codeOf.get(memberId)!;
    const joined = await call(app, { method: 'POST', url: '/api/join', payload: { code: entry.code, issueToken: true } });
    return { memberId, name: entry.name, code: entry.code, token: joined.token as string };
  };
  const representatives = [];
  for (const id of representativeIds) representatives.push(await join(id));
  const attendees = [];
  for (const id of attendeeIds) attendees.push(await join(id));
  if (shape.openMeeting !== false) await call(app, { method: 'POST', url: `/api/meetings/${meeting.id}/open`, headers: as });
  const present = shape.present === 'all' || shape.present === undefined ? representatives.length : shape.present;
  for (const person of representatives.slice(0, present)) {
    await call(app, { method: 'POST', url: `/api/meetings/${meeting.id}/check-in`, headers: { authorization: `Bearer ${person.token}` } });
  }
  return { app, secretary, termId: term.id, delegationIds, meetingId: meeting.id, representatives, attendees };
}

export function approvalBallot(title = '关于《集体合同(草案)》的决议') {
  return { title, items: [{ kind: 'approval', title }] };
}

export async function openBallot(congress: Congress, body: object = approvalBallot(), openBody: object = {}): Promise<string> {
  const as = { cookie: congress.secretary };
  const { ballot } = await call(congress.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: as, payload: body }, 201);
  await call(congress.app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: as, payload: openBody });
  return ballot.id as string;
}

/** A receipt as a voter's device makes one: 128 random bits. */
export function deviceReceipt(): string {
  return crypto.getRandomValues(new Uint8Array(16)).reduce((text, byte) => text + byte.toString(16).padStart(2, '0'), '');
}
