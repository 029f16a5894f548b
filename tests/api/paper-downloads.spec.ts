// The .docx downloads in the official layout (GB/T 9704-2012, issue 13 part 4): the credentials
// report, the chair's script, the motion register and a document's consultation record. Each is
// opened as Word would read it: the page setup of a 公文 and the figures the JSON route gives.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { writtenDate } from '../../src/papers/dates.js';
import { call, createApp, createCongress } from '../support/congress.js';
import { createDocument, documentHall, quickRound } from '../support/documents.js';
import { assigned, motionHall } from '../support/motions.js';
import { expectOfficialLayout, readDocx } from '../support/read-docx.js';
import { bearer, expectError } from '../support/requests.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The download's name, as the browser reads it from filename*. */
function fileName(response: LightMyRequestResponse): string {
  const header = String(response.headers['content-disposition']);
  expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
  return decodeURIComponent(header.split("filename*=UTF-8''")[1]!);
}

async function download(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe(DOCX);
  const docx = await readDocx(response.rawPayload);
  expectOfficialLayout(docx);
  return { docx, name: fileName(response) };
}

const sessionOf = (meetingId: string) => app!.yishi.sqlite.prepare('SELECT session_id FROM meeting WHERE id = ?').pluck().get(meetingId) as string;

describe('the credentials report as .docx', () => {
  it('holds the paragraphs, the composition tables and the rule checks of the JSON report', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 5, attendees: 1 });
    const as = { cookie: congress.secretary };
    const sessionId = sessionOf(congress.meetingId);
    const { report } = await call(app, { method: 'GET', url: `/api/sessions/${sessionId}/credentials`, headers: as });
    const { docx, name } = await download(await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/credentials/docx`, headers: as }));

    expect(name).toBe(`${report.title}.docx`);
    const title = docx.paragraphs[0]!;
    expect(title).toMatchObject({ text: report.title, align: 'center', runs: [{ size: 44, fonts: { eastAsia: '方正小标宋简体' } }] });
    for (const paragraph of report.current.paragraphs) expect(docx.text).toContain(paragraph);
    expect(docx.text).toContain('本届职工代表大会应有代表5人');
    expect(docx.paragraphs.find((entry) => entry.text === '一、代表构成')?.runs[0]?.fonts.eastAsia).toBe('黑体');
    const delegations = docx.tables[1]!;
    expect(delegations.rows.at(-1)?.slice(0, 3)).toEqual(['合计', '5', '1']);
    const checks = docx.tables[2]!;
    expect(checks.rows.length).toBe(report.current.checks.length + 1);
    // Not adopted yet: signed by the committee, undated.
    expect(docx.paragraphs.at(-1)).toMatchObject({ text: '代表资格审查委员会', align: 'right' });
  });

  it('is refused to a representative and to an unknown session, as the JSON route is', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const sessionId = sessionOf(congress.meetingId);
    expect((await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/credentials/docx`, headers: bearer(congress.representatives[0]!.token) })).statusCode).toBe(403);
    expectError(await app.inject({ method: 'GET', url: '/api/sessions/nope/credentials/docx', headers: { cookie: congress.secretary } }), 404, 'SESSION_NOT_FOUND');
  });
});

describe('the chair’s script as .docx', () => {
  it('reads the attendance as it is now, section by section, dated today', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 5, present: 4 });
    const as = { cookie: congress.secretary };
    const { script } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/script`, headers: as });
    const { docx, name } = await download(await app.inject({ method: 'GET', url: `/api/meetings/${congress.meetingId}/script/docx`, headers: as }));

    expect(name).toBe('第三届第二次职工代表大会主持词.docx');
    expect(docx.paragraphs[0]?.text).toBe('第三届第二次职工代表大会主持词');
    expect(docx.text).toContain('本次大会应出席代表5人，实到4人，超过全体代表的三分之二，符合规定，会议合法有效。');
    expect(docx.paragraphs.find((entry) => entry.text === '一、开幕')?.runs[0]?.fonts.eastAsia).toBe('黑体');
    const lines = script.sections.flatMap((section: { lines: { text: string }[] }) => section.lines.map((line) => line.text));
    for (const line of lines) expect(docx.text).toContain(line);
    expect(docx.paragraphs.at(-1)).toMatchObject({ text: writtenDate(script.generatedAt), align: 'right' });
  });

  it('is the presiding chair’s among representatives, and refused to the others', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const [chair, other] = congress.representatives;
    app.yishi.sqlite.prepare('UPDATE meeting SET presiding_chair_member_id = ? WHERE id = ?').run(chair!.memberId, congress.meetingId);
    const url = `/api/meetings/${congress.meetingId}/script/docx`;
    expectError(await app.inject({ method: 'GET', url, headers: bearer(other!.token) }), 403, 'FORBIDDEN');
    const { docx } = await download(await app.inject({ method: 'GET', url, headers: bearer(chair!.token) }));
    expect(docx.paragraphs[1]).toMatchObject({ text: `（执行主席：${chair!.name}）`, align: 'center' });
  });
});

describe('the motion register as .docx', () => {
  it('lists each submitted motion with its department, in a table', async () => {
    const hall = await motionHall();
    app = hall.app;
    await assigned(hall, 0, '食堂增加夜班供餐', '后勤保障部');
    await assigned(hall, 3, '更换车间老旧通风设备', '安全环保部', { category: 'safety' });
    const url = `/api/motions/register?meetingId=${hall.congress.meetingId}&format=docx`;
    const { docx, name } = await download(await app.inject({ method: 'GET', url, headers: hall.secretary }));

    expect(name).toBe('提案汇编-第三届第二次职工代表大会.docx');
    expect(docx.paragraphs[0]?.text).toBe('第三届第二次职工代表大会提案汇编');
    expect(docx.text).toContain('共收到提案2件。');
    const [register] = docx.tables;
    expect(register?.rows[0]).toEqual(['编号', '案由', '类别', '提案人', '状态', '主办单位', '答复期限', '答复等级', '满意度']);
    expect(register?.rows.slice(1).map((row) => [row[1], row[5]])).toEqual(
      expect.arrayContaining([
        ['食堂增加夜班供餐', '后勤保障部'],
        ['更换车间老旧通风设备', '安全环保部'],
      ]),
    );
    expect(register?.headerRepeats).toBe(true);
  });

  it('writes the implementation report too, from the dashboard’s figures', async () => {
    const hall = await motionHall();
    app = hall.app;
    await assigned(hall, 0, '食堂增加夜班供餐', '后勤保障部');
    const { docx } = await download(await app.inject({ method: 'GET', url: `/api/motions/report?meetingId=${hall.congress.meetingId}&format=docx`, headers: hall.secretary }));
    expect(docx.paragraphs.map((entry) => entry.text)).toEqual(expect.arrayContaining(['一、总体情况', '二、按类别', '三、按承办单位', '四、超期提案']));
    expect(docx.tables[0]?.rows[1]).toEqual(['提案总数', '1', '', '']);
  });

  it('is the secretariat’s and the committee’s only', async () => {
    const hall = await motionHall();
    app = hall.app;
    const url = `/api/motions/register?meetingId=${hall.congress.meetingId}&format=docx`;
    expect((await app.inject({ method: 'GET', url, headers: hall.representative(0) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url, headers: hall.committee })).statusCode).toBe(200);
  });
});

describe('the consultation record as .docx', () => {
  it('holds the round’s opinions with the drafters’ answers and the adoption figures', async () => {
    const hall = await documentHall();
    app = hall.app;
    const created = await createDocument(hall);
    await quickRound(hall, created.id);
    const { record } = await call(app, { method: 'GET', url: `/api/documents/${created.id}/record`, headers: hall.secretary });
    const { docx, name } = await download(await app.inject({ method: 'GET', url: `/api/documents/${created.id}/record/docx`, headers: hall.drafter }));

    expect(name).toBe('《工资分配方案》征求意见记录.docx');
    expect(docx.text).toContain('起草部门：人力资源部');
    expect(docx.text).toContain(`汇总意见${record.adoption.consolidated}条：采纳${record.adoption.adopted}条`);
    expect(docx.paragraphs.find((entry) => entry.text.startsWith('三、第一轮'))?.text).toBe('三、第一轮（一下／一上）');
    expect(docx.paragraphs.find((entry) => entry.text === '（一）汇总意见及答复')?.runs[0]?.fonts.eastAsia).toBe('楷体_GB2312');
    const answers = docx.tables.find((table) => table.rows[0]?.[0] === '序号');
    expect(answers?.rows[1]).toEqual(['1', record.rounds[0].report.entries[0].delegationName, record.rounds[0].report.entries[0].label, '建议明确适用范围', '1', '采纳', '']);
    expect(docx.text).toContain('尚未表决。');
    expect(docx.paragraphs.at(-2)).toMatchObject({ text: '秘书处', align: 'right' });
  });

  it('is not for representatives, as the record is not', async () => {
    const hall = await documentHall();
    app = hall.app;
    const created = await createDocument(hall);
    await quickRound(hall, created.id);
    expectError(await app.inject({ method: 'GET', url: `/api/documents/${created.id}/record/docx`, headers: hall.representative(3) }), 403, 'FORBIDDEN');
  });
});
