// The OpenAPI document as a client's engineer reads it without opening src/: how to sign in (the
// security schemes and each route's security), what each route can refuse with (every error code,
// by status), and what a ballot paper's answers look like, with examples the server accepts.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorCode, isErrorCode, statusOf } from '../../src/errors.js';
import { MEMBER_COOKIE, OFFICER_COOKIE } from '../../src/http/auth.js';
import { call, createApp, createCongress, openBallot } from '../support/congress.js';
import { bearer, closeBallot, expectError, vote } from '../support/requests.js';

let app: FastifyInstance;
let document: any;
beforeAll(async () => {
  app = await createApp();
  document = await call(app, { method: 'GET', url: '/api/openapi.json' });
});
afterAll(async () => {
  await app?.close();
});

type Operation = { security?: Record<string, string[]>[]; responses: Record<string, any>; 'x-permission'?: string };

function operations(): { name: string; operation: Operation }[] {
  return Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );
}

/** The codes an operation documents for a status. */
function codesFor(operation: Operation, status: number): string[] {
  return operation.responses[String(status)]?.content['application/json'].schema.allOf[1].properties.code.enum ?? [];
}

const resolve = (schema: { $ref?: string }) => (schema.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema);

describe('signing in, as the document tells it', () => {
  it('names the officer cookie, the member cookie, the bearer token and the display token', () => {
    const schemes = document.components.securitySchemes;
    expect(schemes.officerCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: OFFICER_COOKIE });
    expect(schemes.memberCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: MEMBER_COOKIE });
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.bearer.description).toContain('issueToken');
    expect(schemes.displayToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(schemes.displayToken.description).toContain('Display <token>');
  });

  it('gives every route its security, or says plainly that it is public', () => {
    const schemes = Object.keys(document.components.securitySchemes);
    for (const { name, operation } of operations()) {
      expect(operation.security, name).toBeInstanceOf(Array);
      expect(operation['x-permission'], name).toBeTruthy();
      if (operation['x-permission'] === 'public') expect(operation.security, name).toEqual([]);
      else expect(operation.security!.length, name).toBeGreaterThan(0);
      for (const requirement of operation.security!) expect(schemes, name).toEqual(expect.arrayContaining(Object.keys(requirement)));
    }
  });

  it('lets a representative vote with the member cookie or the bearer token, and a display only follow', () => {
    const castVote = document.paths['/api/ballots/{id}/votes'].post;
    expect(castVote.security).toEqual([{ memberCookie: [] }, { bearer: [] }]);
    expect(document.paths['/api/meetings/{id}/live'].get.security).toEqual(expect.arrayContaining([{ displayToken: [] }, { officerCookie: [] }]));
    expect(document.paths['/api/accounts'].post.security).toEqual([{ officerCookie: [] }, { bearer: [] }]);
  });
});

describe('refusals, as the document lists them', () => {
  it('gives every route its error answers, each code under its own status, in the one envelope', () => {
    for (const { name, operation } of operations()) {
      const statuses = Object.keys(operation.responses)
        .map(Number)
        .filter((status) => status >= 400);
      expect(statuses, name).toContain(500);
      for (const status of statuses) {
        const [envelope] = operation.responses[String(status)].content['application/json'].schema.allOf;
        expect(resolve(envelope).required, name).toEqual(expect.arrayContaining(['code', 'message', 'messageZh', 'messageEn']));
        for (const code of codesFor(operation, status)) {
          expect(isErrorCode(code), `${name}: ${code}`).toBe(true);
          expect(statusOf(code as ErrorCode), `${name}: ${code}`).toBe(status);
        }
      }
      if (operation['x-permission'] !== 'public') expect(codesFor(operation, 401), name).toContain('UNAUTHENTICATED');
    }
  });

  it('lists the refusals the server really gives when casting a vote', async () => {
    const congress = await createCongress(app, { representatives: 2, attendees: 1 });
    const ballotId = await openBallot(congress);
    const castVote: Operation = document.paths['/api/ballots/{id}/votes'].post;
    const representative = congress.representatives[0]!.token;
    const refusals: [Awaited<ReturnType<typeof vote>>, number, string][] = [];
    refusals.push([await vote(app, representative, ballotId, ['maybe']), 400, 'INVALID_ANSWER']);
    await vote(app, representative, ballotId, ['yes']);
    refusals.push([await vote(app, representative, ballotId, ['no']), 409, 'ALREADY_VOTED']);
    refusals.push([await vote(app, congress.attendees[0]!.token, ballotId, ['yes']), 403, 'NOT_ELIGIBLE']);
    refusals.push([await app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/votes`, payload: { answers: ['yes'], receipt: 'x'.repeat(20) } }), 401, 'UNAUTHENTICATED']);
    refusals.push([await app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: bearer(representative), payload: { answers: 'yes' } }), 400, 'VALIDATION_FAILED']);
    await closeBallot(congress, ballotId);
    refusals.push([await vote(app, congress.representatives[1]!.token, ballotId, ['yes']), 409, 'BALLOT_CLOSED']);
    for (const [response, status, code] of refusals) {
      expectError(response, status, code);
      expect(codesFor(castVote, status), code).toContain(code);
    }
  });
});

describe('the answers on a ballot paper', () => {
  it('describes one shape per kind of item, each with an example', () => {
    const itemAnswer = document.components.schemas.ItemAnswerInput;
    expect(itemAnswer.anyOf.map((branch: { $ref: string }) => branch.$ref.split('/').pop())).toEqual(['ApprovalAnswerInput', 'ElectionAnswerInput', 'RatingAnswerInput', 'ChoiceAnswerInput']);
    for (const name of ['ApprovalAnswerInput', 'ElectionAnswerInput', 'RatingAnswerInput', 'ChoiceAnswerInput']) {
      expect(document.components.schemas[name].example, name).toBeDefined();
      expect(document.components.schemas[name].description.length, name).toBeGreaterThan(20);
    }
    expect(document.components.schemas.ApprovalAnswerInput.enum).toEqual(['yes', 'no', 'abstain']);
    expect(document.components.schemas.ElectionAnswerInput.properties.writeIns.description).toMatch(/allowWriteIn/);
    const body = resolve(document.paths['/api/ballots/{id}/votes'].post.requestBody.content['application/json'].schema);
    expect(body.properties.answers.items).toEqual({ $ref: '#/components/schemas/ItemAnswerInput' });
  });

  it('gives an example paper the server accepts, write-in included, on a sheet with the ids it names', async () => {
    // A meeting of its own: the refusals above already made this app's term.
    const own = await createApp();
    try {
      await castTheExample(own);
    } finally {
      await own.close();
    }
  });
});

/** Casts the CastVote example, then the four shapes' own examples, on a sheet whose ids are those the example names, and reads the count. */
async function castTheExample(app: FastifyInstance): Promise<void> {
  const congress = await createCongress(app, { representatives: 2 });
  const ballotId = await openBallot(congress, {
    title: '大会表决与选举',
    items: [
      { kind: 'approval', title: '工作报告' },
      {
        kind: 'election',
        title: '选举委员',
        seats: 2,
        allowWriteIn: true,
        candidates: [
          { id: 'zhang-san', name: '张三' },
          { id: 'li-wu', name: '李五' },
        ],
      },
      {
        kind: 'rating',
        title: '民主评议',
        subjects: [
          { id: 'li-si', name: '李四' },
          { id: 'zhao-liu', name: '赵六' },
        ],
      },
      {
        kind: 'choice',
        title: '疗休养地点',
        options: [
          { id: 'plan-a', label: '杭州' },
          { id: 'plan-b', label: '黄山' },
        ],
      },
    ],
  });
  const example = document.components.schemas.CastVoteInput.example;
  const response = await vote(app, congress.representatives[0]!.token, ballotId, example.answers);
  expect(response.statusCode, response.body).toBe(201);
  // Each shape's own example, together, is a paper too.
  const shapes = ['ApprovalAnswerInput', 'ElectionAnswerInput', 'RatingAnswerInput', 'ChoiceAnswerInput'].map((name) => document.components.schemas[name].example);
  const second = await vote(app, congress.representatives[1]!.token, ballotId, shapes);
  expect(second.statusCode, second.body).toBe(201);
  const [, election, rating, choice] = (await closeBallot(congress, ballotId)).result.items;
  expect(election.writeIns).toEqual([expect.objectContaining({ name: '王五', votes: 2 })]);
  expect(election.candidates.find((candidate: { id: string }) => candidate.id === 'zhang-san').votes).toBe(2);
  expect(rating.subjects[0].counts.excellent).toBe(2);
  expect(choice.options.find((option: { id: string }) => option.id === 'plan-b').votes).toBe(2);
}
