// Small request helpers shared by the API tests: who is asking, casting, counting rows.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { call, type Congress, deviceReceipt } from './congress.js';

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const display = (token: string) => ({ authorization: `Display ${token}` });

export function vote(app: FastifyInstance, token: string, ballotId: string, answers: unknown[], receipt: string = deviceReceipt()): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: bearer(token), payload: { answers, receipt } });
}

/** Each representative in turn casts the answers given for them; every vote must be acknowledged. */
export async function castAll(congress: Congress, ballotId: string, papers: unknown[][]): Promise<string[]> {
  const receipts: string[] = [];
  for (const [index, answers] of papers.entries()) {
    const response = await vote(congress.app, congress.representatives[index]!.token, ballotId, answers);
    if (response.statusCode !== 201) throw new Error(`vote ${index} → ${response.statusCode}: ${response.body}`);
    receipts.push(response.json().receipt as string);
  }
  return receipts;
}

export async function closeBallot(congress: Congress, ballotId: string, cookie = congress.secretary) {
  return (await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie } })).ballot;
}

export async function publishBallot(congress: Congress, ballotId: string) {
  return (await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: { cookie: congress.secretary } })).ballot;
}

export async function draftBallot(congress: Congress, body: object) {
  return (await call(congress.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary }, payload: body }, 201)).ballot;
}

export function rowCount(app: FastifyInstance, table: string, where = '1 = 1', ...parameters: unknown[]): number {
  return (app.yishi.sqlite.prepare(`SELECT count(*) AS count FROM ${table} WHERE ${where}`).get(...parameters) as { count: number }).count;
}

/** A representative of another term (第4届), signed in with their own code. */
export async function memberOfAnotherTerm(congress: Congress): Promise<{ memberId: string; token: string; termId: string }> {
  const as = { cookie: congress.secretary };
  const { app } = congress;
  const { term } = await call(app, { method: 'POST', url: '/api/terms', headers: as, payload: { number: 4 } }, 201);
  const { member } = await call(app, { method: 'POST', url: `/api/terms/${term.id}/members`, headers: as, payload: { name: '外届代表', staffNumber: 'X-1' } }, 201);
  const { code } = await call(app, { method: 'POST', url: `/api/members/${member.id}/code`, headers: as }, 201);
  const { token } = await call(app, { method: 'POST', url: '/api/join', payload: { code, issueToken: true } });
  return { memberId: member.id, token, termId: term.id };
}

/** Every 4xx body the API sends: a stable code and both languages, never a stack trace. */
export function expectError(response: LightMyRequestResponse, status: number, code: string): void {
  const body = response.json();
  expect({ status: response.statusCode, code: body.code }).toEqual({ status, code });
  expect(body).toMatchObject({ messageZh: expect.any(String), messageEn: expect.any(String) });
  expect(body).not.toHaveProperty('stack');
}
