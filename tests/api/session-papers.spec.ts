// What a session leaves on paper, as .docx in the official layout (GB/T 9704-2012, issue 13 part 4):
// the resolutions (each titled, subtitled （…通过）, its text and result clause, signed and dated, one
// to a page), the public notice (exactly what the public page shows) and the report to the higher
// union. Each file is opened as Word reads it, and its figures are checked against the JSON views.
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { writtenDate } from '../../src/papers/dates.js';
import { call } from '../support/congress.js';
import { assigned, type MotionHall, motionHall } from '../support/motions.js';
import { type ReadDocx, expectOfficialLayout, readDocx } from '../support/read-docx.js';
import { castAll, closeBallot, expectError, publishBallot } from '../support/requests.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CONGRESS = '第三届第二次职工代表大会';

let hall: MotionHall | undefined;
afterEach(async () => {
  await hall?.app.close();
  hall = undefined;
});

function fileName(response: LightMyRequestResponse): string {
  return decodeURIComponent(String(response.headers['content-disposition']).split("filename*=UTF-8''")[1]!);
}

async function download(response: LightMyRequestResponse): Promise<{ docx: ReadDocx; name: string }> {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe(DOCX);
  const docx = await readDocx(response.rawPayload);
  expectOfficialLayout(docx);
  return { docx, name: fileName(response) };
}

const get = (url: string, headers: Record<string, string> = hall!.secretary) => hall!.app.inject({ method: 'GET', url, headers });
const json = async (url: string) => call(hall!.app, { method: 'GET', url, headers: hall!.secretary });

/**
 * Eight representatives, all present; a motion assigned. Two resolutions: 厂长工作报告 adopted by a
 * secret ballot (6 yes, 1 no, 1 abstain), 财务工作报告 voted down by a show of hands (3 yes); both
 * published. A third stays a draft.
 */
async function votedSession() {
  hall = await motionHall();
  const { app, congress, secretary } = hall;
  await assigned(hall, 0, '改善职工食堂', '后勤保障部');
  await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/open`, headers: secretary });
  const sessionId = (await json(`/api/meetings/${congress.meetingId}`)).meeting.sessionId as string;
  const create = async (subject: string) => (await call(app, { method: 'POST', url: `/api/sessions/${sessionId}/resolutions`, headers: secretary, payload: { subject } }, 201)).resolution;
  const toBallot = async (id: string, payload: object) => (await call(app, { method: 'POST', url: `/api/resolutions/${id}/ballot`, headers: secretary, payload })).resolution.ballot.ballotId as string;

  const adopted = await create('厂长工作报告');
  const secret = await toBallot(adopted.id, { meetingId: congress.meetingId });
  await call(app, { method: 'POST', url: `/api/ballots/${secret}/open`, headers: secretary, payload: {} });
  await castAll(congress, secret, [['yes'], ['yes'], ['yes'], ['yes'], ['yes'], ['yes'], ['no'], ['abstain']]);
  await closeBallot(congress, secret);
  await publishBallot(congress, secret);

  // A minute later: the papers bind resolutions in the order they were drafted.
  hall.clock.now = new Date(hall.clock.now.getTime() + 60_000);
  const rejected = await create('财务工作报告');
  const hands = await toBallot(rejected.id, { meetingId: congress.meetingId, method: 'manual', secrecy: 'named' });
  await call(app, { method: 'PUT', url: `/api/ballots/${hands}/manual-result`, headers: secretary, payload: { present: 8, cast: 8, items: [{ kind: 'approval', yes: 3, no: 4, abstain: 1 }] } });
  await publishBallot(congress, hands);

  hall.clock.now = new Date(hall.clock.now.getTime() + 60_000);
  const draft = await create('工会经费审查报告');
  return { sessionId, adopted: (await json(`/api/resolutions/${adopted.id}`)).resolution, rejected: (await json(`/api/resolutions/${rejected.id}`)).resolution, draft, secret, hands };
}

async function closeAndPublish(sessionId: string) {
  await call(hall!.app, { method: 'POST', url: `/api/meetings/${hall!.congress.meetingId}/close`, headers: hall!.secretary });
  await call(hall!.app, { method: 'POST', url: `/api/sessions/${sessionId}/close`, headers: hall!.secretary, payload: {} });
  hall!.clock.advanceDays(1);
  await call(hall!.app, { method: 'POST', url: `/api/sessions/${sessionId}/notice/publish`, headers: hall!.secretary, payload: {} });
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('the resolutions as .docx', () => {
  it('holds each adopted resolution: its title, subtitle, text with the result clause, signature and date', async () => {
    const { sessionId, adopted, rejected } = await votedSession();
    expect(adopted.state).toBe('adopted');
    expect(adopted.resultClause).toBe('经无记名投票表决，应到代表8人，实到8人，赞成6票，反对1票，弃权1票，超过全体代表的半数，本决议通过。');
    const { docx, name } = await download(await get(`/api/sessions/${sessionId}/resolutions/docx`));

    expect(name).toBe(`${CONGRESS}决议.docx`);
    expect(docx.paragraphs[0]).toMatchObject({ text: adopted.title, align: 'center', runs: [{ size: 44, fonts: { eastAsia: '方正小标宋简体' } }] });
    const subtitle = `（${writtenDate(adopted.votedAt)}${CONGRESS}通过）`;
    expect(docx.paragraphs[1]).toMatchObject({ text: subtitle, align: 'center', runs: [{ fonts: { eastAsia: '楷体_GB2312' } }] });
    const texts = docx.paragraphs.map((paragraph) => paragraph.text);
    for (const line of lines(adopted.text)) expect(texts).toContain(line);
    expect(texts).toContain(adopted.resultClause);
    // Only the adopted one by default.
    expect(docx.text).not.toContain(rejected.title);
    expect(docx.paragraphs.at(-2)).toMatchObject({ text: CONGRESS, align: 'right' });
    expect(docx.paragraphs.at(-1)).toMatchObject({ text: writtenDate(adopted.votedAt), align: 'right' });
  });

  it('binds every voted resolution on request, each on its own page under its own title', async () => {
    const { sessionId, adopted, rejected, draft } = await votedSession();
    expect(rejected.state).toBe('not_adopted');
    const { docx } = await download(await get(`/api/sessions/${sessionId}/resolutions/docx?include=voted`));

    const second = docx.paragraphs.findIndex((paragraph) => paragraph.text === rejected.title);
    expect(second).toBeGreaterThan(0);
    expect(docx.paragraphs[second]).toMatchObject({ align: 'center', runs: [{ size: 44, fonts: { eastAsia: '方正小标宋简体' } }] });
    expect(docx.paragraphs[second + 1]?.text).toBe(`（${writtenDate(rejected.votedAt)}${CONGRESS}表决，未通过）`);
    expect(docx.paragraphs.map((paragraph) => paragraph.text)).toContain('经举手表决，应到代表8人，实到8人，赞成3票，反对4票，弃权1票，未超过全体代表的半数，本决议未通过。');
    // The first is signed before the page break, the second after its text.
    const before = docx.paragraphs.slice(0, second).map((paragraph) => paragraph.text);
    expect(before).toEqual(expect.arrayContaining([adopted.resultClause, CONGRESS, writtenDate(adopted.votedAt)]));
    expect(docx.parts.get('word/document.xml')).toMatch(/<w:br w:type="page"\/>/);
    expect(docx.paragraphs.at(-2)).toMatchObject({ text: CONGRESS, align: 'right' });
    // The draft is in neither.
    expect(docx.text).not.toContain(draft.title);
  });

  it('gives one resolution alone, a draft subtitled （草案） and undated', async () => {
    const { draft, rejected } = await votedSession();
    const one = await download(await get(`/api/resolutions/${rejected.id}/docx`));
    expect(one.name).toBe(`${rejected.title}.docx`);
    expect(one.docx.paragraphs[0]?.text).toBe(rejected.title);
    const drafted = await download(await get(`/api/resolutions/${draft.id}/docx`));
    expect(drafted.docx.paragraphs[1]?.text).toBe('（草案）');
    for (const line of lines(draft.body)) expect(drafted.docx.text).toContain(line);
    expect(drafted.docx.paragraphs.at(-1)).toMatchObject({ text: CONGRESS, align: 'right' });
  });

  it('is refused to a representative, for unknown ids, with a bad scope, and when nothing was adopted', async () => {
    hall = await motionHall();
    const sessionId = (await json(`/api/meetings/${hall.congress.meetingId}`)).meeting.sessionId as string;
    const { resolution } = await call(hall.app, { method: 'POST', url: `/api/sessions/${sessionId}/resolutions`, headers: hall.secretary, payload: { subject: '厂长工作报告' } }, 201);
    expectError(await get(`/api/sessions/${sessionId}/resolutions/docx`), 409, 'RESOLUTION_PAPER_EMPTY');
    expectError(await get(`/api/sessions/${sessionId}/resolutions/docx?include=voted`), 409, 'RESOLUTION_PAPER_EMPTY');
    expectError(await get(`/api/sessions/${sessionId}/resolutions/docx?include=everything`), 400, 'VALIDATION_FAILED');
    expectError(await get(`/api/sessions/${sessionId}/resolutions/docx`, hall.representative(0)), 403, 'FORBIDDEN');
    expectError(await get(`/api/resolutions/${resolution.id}/docx`, hall.representative(0)), 403, 'FORBIDDEN');
    expect((await get(`/api/resolutions/${resolution.id}/docx`, hall.committee)).statusCode).toBe(200);
    expectError(await get('/api/sessions/nosuchsession/resolutions/docx'), 404, 'SESSION_NOT_FOUND');
    expectError(await get('/api/resolutions/nosuchresolution/docx'), 404, 'RESOLUTION_NOT_FOUND');
  });
});

describe('the public notice as .docx', () => {
  it('is refused until published, then holds exactly what the public page shows', async () => {
    const { sessionId, adopted, secret, hands } = await votedSession();
    expectError(await get(`/api/sessions/${sessionId}/notice/docx`), 409, 'NOTICE_NOT_PUBLISHED');
    await closeAndPublish(sessionId);
    const { notice } = await call(hall!.app, { method: 'GET', url: `/api/public/sessions/${sessionId}` });
    const { docx, name } = await download(await get(`/api/sessions/${sessionId}/notice/docx`));

    expect(name).toBe(`${notice.title}公告.docx`);
    expect(docx.paragraphs[0]?.text).toBe(`${notice.title}公告`);
    expect(docx.text).toContain(`发布日期：${writtenDate(notice.publishedOn)}　公示至：${writtenDate(notice.postedUntil)}`);
    expect(notice.ballots.map((entry: { ballot: { id: string } }) => entry.ballot.id)).toEqual([secret, hands]);
    const figures = docx.tables.filter((table) => table.rows[0]?.[0] === '应到人数');
    const counts = docx.tables.filter((table) => table.rows[0]?.join() === '赞成,反对,弃权');
    notice.ballots.forEach(({ ballot }: { ballot: any }, index: number) => {
      const result = ballot.result;
      expect(docx.text).toContain(ballot.title);
      expect(figures[index]?.rows[1]?.slice(0, 2)).toEqual([`${result.eligible} 人`, `${result.present} 人`]);
      const item = result.items[0];
      expect(counts[index]?.rows[1]).toEqual([`${item.counts.yes} 票`, `${item.counts.no} 票`, `${item.counts.abstain} 票`]);
      expect(docx.text).toContain(`表决结果：${item.explanation.zh.replace(/,/g, '，').replace(/\(/g, '（').replace(/\)/g, '）')}`);
    });
    expect(figures[0]?.rows[1]).toEqual(['8 人', '8 人', '8 张']);
    expect(figures[1]?.rows[0]?.[2]).toBe('参加表决');
    expect(docx.text).toContain('表决方式：无记名投票（电子表决）');
    expect(docx.text).toContain('表决方式：人工录入（举手表决）');
    // The resolutions in full, the adopted one with its clause.
    expect(notice.resolutions.map((resolution: { id: string }) => resolution.id)).toContain(adopted.id);
    for (const resolution of notice.resolutions) for (const line of lines(resolution.text)) expect(docx.text).toContain(line);
    // The motions handled, in a table.
    const motions = docx.tables.find((table) => table.rows[0]?.[1] === '案由');
    expect(motions?.rows.slice(1).map((row) => [row[1], row[2], row[3]])).toEqual(notice.motions.map((motion: any) => [motion.subject, motion.stateName, motion.leadDepartment]));
    expect(docx.paragraphs.at(-2)).toMatchObject({ text: `${notice.title}秘书处`, align: 'right' });
    expect(docx.paragraphs.at(-1)).toMatchObject({ text: writtenDate(notice.publishedOn), align: 'right' });
  });

  it('says so once taken down, and is refused to others and for an unknown session', async () => {
    const { sessionId } = await votedSession();
    await closeAndPublish(sessionId);
    expectError(await get(`/api/sessions/${sessionId}/notice/docx`, hall!.representative(0)), 403, 'FORBIDDEN');
    expectError(await get(`/api/sessions/${sessionId}/notice/docx`, hall!.committee), 403, 'FORBIDDEN');
    expectError(await get('/api/sessions/nosuchsession/notice/docx'), 404, 'SESSION_NOT_FOUND');
    await call(hall!.app, { method: 'POST', url: `/api/sessions/${sessionId}/notice/withdraw`, headers: hall!.secretary, payload: { reason: '内容需更正' } });
    const { notice } = await call(hall!.app, { method: 'GET', url: `/api/public/sessions/${sessionId}` });
    const { docx } = await download(await get(`/api/sessions/${sessionId}/notice/docx`));
    expect(docx.text).toContain(`本公告已于${writtenDate(notice.takenDownOn)}撤下。`);
    expect(docx.text).not.toContain('厂长工作报告');
    expect(docx.text).not.toContain('内容需更正');
  });
});

describe('the report to the higher union as .docx', () => {
  it('renders the report’s document: its title, recipient, every paragraph and its figures', async () => {
    const { sessionId, adopted } = await votedSession();
    await closeAndPublish(sessionId);
    const { report } = await json(`/api/sessions/${sessionId}/report`);
    const { docx, name } = await download(await get(`/api/sessions/${sessionId}/report/docx`));

    expect(name).toBe(`${report.document.fileName}.docx`);
    expect(docx.paragraphs[0]).toMatchObject({ text: report.document.title, runs: [{ size: 44 }] });
    expect(docx.text).toContain(report.document.recipient);
    const texts = docx.paragraphs.map((paragraph) => paragraph.text);
    for (const block of report.document.blocks) if (block.kind === 'paragraph' || block.kind === 'heading') expect(texts).toContain(block.text);
    expect(docx.paragraphs.find((paragraph) => paragraph.text === '一、会议出席情况')?.runs[0]?.fonts.eastAsia).toBe('黑体');
    expect(docx.text).toContain('应到代表8人');
    expect(docx.text).toContain(`${adopted.title}（通过）`);
    expect(docx.paragraphs.at(-1)).toMatchObject({ text: writtenDate(report.document.date), align: 'right' });
  });

  it('is the secretary’s only, and 404s for an unknown session', async () => {
    hall = await motionHall();
    const sessionId = (await json(`/api/meetings/${hall.congress.meetingId}`)).meeting.sessionId as string;
    expectError(await get(`/api/sessions/${sessionId}/report/docx`, hall.representative(0)), 403, 'FORBIDDEN');
    expectError(await get('/api/sessions/nosuchsession/report/docx'), 404, 'SESSION_NOT_FOUND');
    expect((await get(`/api/sessions/${sessionId}/report/docx`)).statusCode).toBe(200);
  });
});
