// The chair's script (主持词) through the API: it follows the agenda items of its sitting, announces a
// ballot's rule before the vote and its result after, counts the attendance as it is now, and is read
// only by officers and the sitting's presiding chair.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountActor } from '../../src/actors.js';
import { addAgendaItem } from '../../src/agenda/service.js';
import type { AgendaItemInput } from '../../src/agenda/schemas.js';
import { approvalBallot, call, type Congress, createApp, createCongress } from '../support/congress.js';
import { bearer, castAll, closeBallot, display, draftBallot, expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Agenda items go in through the agenda's own service, as its routes would (another part of issue 12). */
async function addItem(congress: Congress, input: AgendaItemInput) {
  const sessionId = app!.yishi.sqlite.prepare('SELECT session_id FROM meeting WHERE id = ?').pluck().get(congress.meetingId) as string;
  return addAgendaItem(app!.yishi, null as AccountActor | null, sessionId, input);
}

function setMeetingColumn(meetingId: string, column: 'presiding_chair_member_id' | 'current_agenda_item_id', value: string | null): void {
  app!.yishi.sqlite.prepare(`UPDATE meeting SET ${column} = ? WHERE id = ?`).run(value, meetingId);
}

async function script(congress: Congress, headers: Record<string, string> = { cookie: congress.secretary }) {
  return (await call(app!, { method: 'GET', url: `/api/meetings/${congress.meetingId}/script`, headers })).script;
}

const textOf = (section: { lines: { text: string }[] }) => section.lines.map((line) => line.text).join('\n');

async function setUp() {
  app = await createApp();
  const congress = await createCongress(app, { representatives: 5, present: 4 });
  return congress;
}

describe('the chair’s script', () => {
  it('opens with the attendance as it is now and follows the agenda items of its own sitting', async () => {
    const congress = await setUp();
    const { meeting: other } = await call(
      app!,
      { method: 'POST', url: '/api/meetings', headers: { cookie: congress.secretary }, payload: { termId: congress.termId, title: '第二次全体会议', sessionNumber: 2 } },
      201,
    );
    const report = await addItem(congress, { kind: 'report', title: '工会工作报告', presenter: '王主席', meetingId: congress.meetingId });
    await addItem(congress, { kind: 'report', title: '财务工作报告', presenter: '李会计', meetingId: other.id });
    const ballot = await draftBallot(congress, approvalBallot('集体合同(草案)'));
    const vote = await addItem(congress, { kind: 'ballot', title: '表决集体合同(草案)', ballotId: ballot.id, meetingId: congress.meetingId });
    setMeetingColumn(congress.meetingId, 'current_agenda_item_id', vote.id);

    const first = await script(congress);
    expect(first.sections.map((section: { key: string }) => section.key)).toEqual(['opening', report.id, vote.id, 'closing']);
    expect(first.currentAgendaItemId).toBe(vote.id);
    expect(textOf(first.sections[0])).toContain('本次大会应出席代表5人，实到4人，超过全体代表的三分之二，符合规定，会议合法有效。');
    expect(textOf(first.sections[1])).toContain('下面进行大会第一项议程，请王主席作《工会工作报告》，大家欢迎。');
    expect(JSON.stringify(first)).not.toContain('财务工作报告');

    // Someone goes on leave: the next read says so.
    await call(app!, {
      method: 'PUT',
      url: `/api/meetings/${congress.meetingId}/attendance/${congress.representatives[4]!.memberId}`,
      headers: { cookie: congress.secretary },
      payload: { status: 'on_leave' },
    });
    expect(textOf((await script(congress)).sections[0])).toContain('应出席代表5人，因事因病请假1人，实到4人');
  });

  it('announces the rule before the vote and the result in words after it closes', async () => {
    const congress = await setUp();
    const ballot = await draftBallot(congress, approvalBallot('集体合同(草案)'));
    const vote = await addItem(congress, { kind: 'ballot', title: '表决集体合同(草案)', ballotId: ballot.id });
    const sectionOf = async () => (await script(congress)).sections.find((section: { key: string }) => section.key === vote.id);

    const before = textOf(await sectionOf());
    expect(before).toContain('本项表决采用无记名投票方式');
    expect(before).toContain('《集体合同(草案)》须经全体代表过半数即3票赞成方为通过。');
    expect(before).not.toContain('表决结果');

    await call(app!, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: congress.secretary } });
    await castAll(congress, ballot.id, [['yes'], ['yes'], ['yes'], ['no']]);
    expect(textOf(await sectionOf())).toContain('投票进行中，已投票4人');
    await closeBallot(congress, ballot.id);

    const after = textOf(await sectionOf());
    expect(after.indexOf('须经全体代表过半数即3票赞成方为通过')).toBeLessThan(after.indexOf('现在宣布表决结果'));
    expect(after).toContain('现在宣布表决结果：本项表决应到代表5人，实到4人，共投票4票。');
    expect(after).toContain('《集体合同(草案)》表决结果：赞成3票，反对1票，弃权0票。');
    expect(after).toContain('赞成3票，超过全体代表5人的半数（须至少3票），通过。');
    expect(textOf((await script(congress)).sections.at(-1))).toContain('大会表决通过了《集体合同(草案)》。');
  });

  it('lets the secretary and the sitting’s presiding chair read it, and no other representative nor the display', async () => {
    const congress = await setUp();
    const [chair, other] = congress.representatives;
    expectError(await app!.inject({ method: 'GET', url: `/api/meetings/${congress.meetingId}/script`, headers: bearer(chair!.token) }), 403, 'FORBIDDEN');
    setMeetingColumn(congress.meetingId, 'presiding_chair_member_id', chair!.memberId);

    expect((await script(congress, bearer(chair!.token))).presidingChair).toEqual({ memberId: chair!.memberId, name: chair!.name });
    expect((await script(congress)).sections[0].kind).toBe('opening');
    expectError(await app!.inject({ method: 'GET', url: `/api/meetings/${congress.meetingId}/script`, headers: bearer(other!.token) }), 403, 'FORBIDDEN');
    const { token } = await call(app!, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: { cookie: congress.secretary } }, 201);
    expectError(await app!.inject({ method: 'GET', url: `/api/meetings/${congress.meetingId}/script`, headers: display(token) }), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'GET', url: '/api/meetings/no-such-meeting/script', headers: { cookie: congress.secretary } }), 404, 'MEETING_NOT_FOUND');
  });

  it('writes a sitting without an agenda from its ballots, and a joint meeting in its own words', async () => {
    const congress = await setUp();
    const { meeting: joint } = await call(
      app!,
      { method: 'POST', url: '/api/meetings', headers: { cookie: congress.secretary }, payload: { termId: congress.termId, title: '第三届职代会联席会议', sitting: 'joint' } },
      201,
    );
    // Its roll is its electorate: four members of the term sit on it.
    const members = congress.representatives.slice(0, 4).map((person: { memberId: string }) => ({ memberId: person.memberId, capacity: 'delegation_leader' }));
    await call(app!, { method: 'PUT', url: `/api/meetings/${joint.id}/roll`, headers: { cookie: congress.secretary }, payload: { members } });
    await call(app!, { method: 'POST', url: `/api/meetings/${joint.id}/ballots`, headers: { cookie: congress.secretary }, payload: approvalBallot('关于调整班车路线的决定') }, 201);
    const { script: jointScript } = await call(app!, { method: 'GET', url: `/api/meetings/${joint.id}/script`, headers: { cookie: congress.secretary } });
    expect(jointScript.sections.map((section: { kind: string }) => section.kind)).toEqual(['opening', 'ballot', 'closing']);
    expect(textOf(jointScript.sections[0])).toContain('本次联席会议应出席联席会议成员4人，实到0人，不足全体联席会议成员的');
    expect(textOf(jointScript.sections[1])).toContain('根据联席会议议事规则');
  });
});
