// A passed vote decides the one thing it was put for, once (issue 12): the show of hands that adopted
// the agenda cannot also adopt the credentials report, elect the presidium or amend the agenda; a
// sheet of several approval items names which item adopts what; an approval of the presidium list
// counts only for the list as it stood when its ballot was drafted.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type Congress, call, createApp, createCongress } from '../support/congress.js';
import { expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function setUp() {
  app = await createApp();
  const congress = await createCongress(app, { representatives: 5 });
  const as = { cookie: congress.secretary };
  const { sessions } = await call(app, { method: 'GET', url: `/api/terms/${congress.termId}/sessions`, headers: as });
  const sessionId = sessions[0].id as string;
  const preparatory = (await call(app, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: congress.termId, title: '预备会议', sitting: 'preparatory', sessionId } }, 201)).meeting;
  const post = (url: string, payload: object) => app!.inject({ method: 'POST', url, headers: as, payload });
  return { congress, as, sessionId, preparatoryId: preparatory.id as string, post };
}

/** A show of hands in a meeting, one approval item per title, each entered as passed. */
async function showOfHands(congress: Congress, meetingId: string, titles: string[]): Promise<{ ballotId: string; itemIds: string[] }> {
  const as = { cookie: congress.secretary };
  const items = titles.map((title) => ({ kind: 'approval', title }));
  const { ballot } = await call(congress.app, { method: 'POST', url: `/api/meetings/${meetingId}/ballots`, headers: as, payload: { title: titles.join('、'), method: 'manual', items } }, 201);
  await call(congress.app, {
    method: 'PUT',
    url: `/api/ballots/${ballot.id}/manual-result`,
    headers: as,
    payload: { present: 5, cast: 5, items: titles.map(() => ({ kind: 'approval', yes: 5, no: 0, abstain: 0 })) },
  });
  return { ballotId: ballot.id, itemIds: ballot.items.map((item: { id: string }) => item.id) };
}

describe('one vote, one decision', () => {
  it('lets the show of hands that adopted the agenda adopt nothing else', async () => {
    const { congress, sessionId, preparatoryId, post } = await setUp();
    const members = congress.representatives.slice(0, 3).map((person) => person.memberId);
    await call(app!, { method: 'PUT', url: `/api/sessions/${sessionId}/presidium`, headers: { cookie: congress.secretary }, payload: { memberIds: members } });
    const { ballotId } = await showOfHands(congress, preparatoryId, ['关于大会议程的表决']);
    expect((await post(`/api/sessions/${sessionId}/agenda/adopt`, { ballotId })).statusCode).toBe(200);
    expectError(await post(`/api/sessions/${sessionId}/credentials/adopt`, { ballotId }), 409, 'CREDENTIALS_BALLOT_INVALID');
    expectError(await post(`/api/sessions/${sessionId}/presidium/elect`, { ballotId }), 409, 'PRESIDIUM_BALLOT_INVALID');
    expectError(await post(`/api/sessions/${sessionId}/agenda`, { kind: 'other', title: '临时动议', amendmentBallotId: ballotId }), 409, 'AGENDA_AMENDMENT_INVALID');
    // A vote of its own for each still works.
    const credentials = await showOfHands(congress, preparatoryId, ['关于代表资格审查报告的表决']);
    expect((await post(`/api/sessions/${sessionId}/credentials/adopt`, { ballotId: credentials.ballotId })).statusCode).toBe(200);
    // …once: the same vote does not adopt the report again after the roster changes.
    expectError(await post(`/api/sessions/${sessionId}/credentials/adopt`, { ballotId: credentials.ballotId }), 409, 'CREDENTIALS_BALLOT_INVALID');
  });

  it('takes a sheet of several approval items item by item, each named', async () => {
    const { congress, sessionId, preparatoryId, post } = await setUp();
    const sheet = await showOfHands(congress, preparatoryId, ['关于代表资格审查报告的表决', '关于大会议程的表决']);
    expectError(await post(`/api/sessions/${sessionId}/agenda/adopt`, { ballotId: sheet.ballotId }), 409, 'AGENDA_ADOPTION_BALLOT_INVALID');
    expect((await post(`/api/sessions/${sessionId}/agenda/adopt`, { ballotId: sheet.ballotId, itemId: sheet.itemIds[1] })).statusCode).toBe(200);
    expectError(await post(`/api/sessions/${sessionId}/credentials/adopt`, { ballotId: sheet.ballotId, itemId: sheet.itemIds[1] }), 409, 'CREDENTIALS_BALLOT_INVALID');
    expect((await post(`/api/sessions/${sessionId}/credentials/adopt`, { ballotId: sheet.ballotId, itemId: sheet.itemIds[0] })).statusCode).toBe(200);
  });

  it('counts an approval of the presidium list only for the list as it stood when the ballot was drafted', async () => {
    const { congress, sessionId, preparatoryId, post } = await setUp();
    const as = { cookie: congress.secretary };
    const [a, b, c, d, e] = congress.representatives.map((person) => person.memberId);
    await call(app!, { method: 'PUT', url: `/api/sessions/${sessionId}/presidium`, headers: as, payload: { memberIds: [a, b, c] } });
    const { ballotId } = await showOfHands(congress, preparatoryId, ['关于主席团名单的表决']);
    // The list the hall voted on was A, B, C; changing it afterwards is refused at election.
    await call(app!, { method: 'PUT', url: `/api/sessions/${sessionId}/presidium`, headers: as, payload: { memberIds: [c, d, e] } });
    expectError(await post(`/api/sessions/${sessionId}/presidium/elect`, { ballotId }), 409, 'PRESIDIUM_NOT_ADOPTED');
    // Put back, the list is the one voted on, and the same vote elects it.
    await call(app!, { method: 'PUT', url: `/api/sessions/${sessionId}/presidium`, headers: as, payload: { memberIds: [a, b, c] } });
    expect((await post(`/api/sessions/${sessionId}/presidium/elect`, { ballotId })).statusCode).toBe(200);
  });
});
