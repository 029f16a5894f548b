// The secretariat's tracker on a session of 34 submitted motions (and two drafts) whose figures
// were counted by hand: the dashboard, the exports parsed back and compared with it, and search.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/congress.js';
import { assigned, type DepartmentName, draft, type MotionHall, motionHall, motionInReview, move } from '../support/motions.js';
import { expectError } from '../support/requests.js';

const DAY = 86_400_000;
let h: MotionHall;
const numbers: Record<string, string> = {};

/** One motion of the fixture: how far it went, in which category and with which lead department. */
type Fate =
  | 'seconding'
  | 'review'
  | 'withdrawn'
  | 'returned'
  | 'rejected'
  | 'rejected-as-suggestion'
  | 'resolution'
  | 'accepted'
  | 'overdue'
  | 'due-soon'
  | 'assigned'
  | 'replied'
  | 'replied-late'
  | 'satisfied'
  | 'basically'
  | 'rehandling'
  | 'resolved-satisfied'
  | 'resolved-basically'
  | 'resolved-with-reason'
  | 'resolved-after-rehandling';

const fixture: [string, string, Fate, DepartmentName?][] = [
  ['关于增设职工休息室的提案', 'welfare', 'seconding'],
  ['=SUM(1,2) 关于意见箱的提案', 'other', 'seconding'],
  ['关于优化生产排班的提案', 'operations', 'review'],
  ['关于深化薪酬改革的提案', 'reform', 'review'],
  ['关于发放防暑用品的提案', 'welfare', 'withdrawn'],
  ['关于举办职工运动会的提案', 'culture', 'withdrawn'],
  ['关于危化品仓库管理的提案', 'safety', 'returned'],
  ['关于提高全员工资的提案', 'welfare', 'rejected'],
  ['关于发放购物卡的提案', 'welfare', 'rejected-as-suggestion'],
  ['关于更换办公桌椅的提案', 'other', 'rejected'],
  ['关于修订带薪休假办法的提案', 'reform', 'resolution'],
  ['关于降低原材料损耗的提案', 'operations', 'accepted'],
  ['关于建设职工书屋的提案', 'culture', 'accepted'],
  ['关于更新安全帽的提案', 'safety', 'overdue', '后勤保障部'],
  ['关于加强消防演练的提案', 'safety', 'overdue', '安全环保部'],
  ['关于职工子女入托的提案', 'welfare', 'due-soon', '人力资源部'],
  ['关于简化报销流程的提案', 'operations', 'assigned', '财务部'],
  ['职工食堂改造', 'welfare', 'replied', '后勤保障部'],
  ['关于落实体检制度的提案', 'welfare', 'replied', '人力资源部'],
  ['关于高温作业防护的提案', 'safety', 'replied-late', '安全环保部'],
  ['关于夜班食堂延时供餐的提案', 'welfare', 'satisfied', '后勤保障部'],
  ['关于推行电子发票的提案', 'operations', 'satisfied', '财务部'],
  ['关于完善岗位晋升通道的提案', 'reform', 'basically', '人力资源部'],
  ['关于改善宿舍热水供应的提案', 'welfare', 'rehandling', '后勤保障部'],
  ['关于提高夜班补贴的提案', 'welfare', 'rehandling', '人力资源部'],
  ['关于增设自行车棚的提案', 'welfare', 'resolved-satisfied', '后勤保障部'],
  ['关于更新劳保用品的提案', 'safety', 'resolved-satisfied', '安全环保部'],
  ['关于设备采购公开招标的提案', 'operations', 'resolved-satisfied', '财务部'],
  ['关于规范加班审批的提案', 'welfare', 'resolved-basically', '人力资源部'],
  ['关于开展读书月活动的提案', 'culture', 'resolved-basically', '后勤保障部'],
  ['关于厂区限速标识的提案', 'safety', 'resolved-with-reason', '安全环保部'],
  ['关于食堂菜品价格公示的提案', 'welfare', 'resolved-after-rehandling', '后勤保障部'],
];
/** Merged (合并立案) into motions that stay accepted or assigned. */
const mergedInto: [string, string, string][] = [
  ['关于减少废料的提案', 'operations', '关于降低原材料损耗的提案'],
  ['关于报销网上审批的提案', 'welfare', '关于简化报销流程的提案'],
];

async function reply(id: string, department: DepartmentName, grade = 'A') {
  return move(h, h.handlers[department], id, 'reply', { content: '已研究落实,具体如下。', grade });
}

async function build(index: number, [subject, category, fate, lead]: (typeof fixture)[number]) {
  const proposer = index % 10;
  if (fate === 'seconding') {
    const motion = await draft(h, proposer, subject, category);
    await move(h, h.representative(proposer), motion.id, 'submit');
    return move(h, h.representative((proposer + 1) % 10), motion.id, 'seconders');
  }
  if (!lead) {
    const motion = await motionInReview(h, proposer, subject, category);
    if (fate === 'withdrawn') return move(h, h.representative(proposer), motion.id, 'withdraw');
    if (fate === 'returned') return move(h, h.committee, motion.id, 'return', { reason: '请补充具体措施' });
    if (fate === 'rejected') return move(h, h.committee, motion.id, 'reject', { reason: '不属于职代会提案范围' });
    if (fate === 'rejected-as-suggestion') return move(h, h.committee, motion.id, 'reject', { reason: '转有关部门参考', convertToSuggestion: true });
    if (fate === 'resolution') return move(h, h.secretary, motion.id, 'escalate');
    if (fate === 'accepted') return move(h, h.committee, motion.id, 'accept');
    return motion;
  }
  const deadline = fate === 'overdue' || fate === 'replied-late' ? new Date(h.clock.now.getTime() + DAY) : fate === 'due-soon' ? new Date(h.clock.now.getTime() + 5 * DAY) : undefined;
  const motion = await assigned(h, proposer, subject, lead, { category, co: lead === '财务部' ? ['人力资源部'] : [], ...(deadline ? { deadline: deadline.toISOString() } : {}) });
  if (['overdue', 'due-soon', 'assigned', 'replied-late'].includes(fate)) return motion;
  await reply(motion.id, lead);
  const rate = (rating: string) => move(h, h.representative(proposer), motion.id, 'rating', { rating });
  if (fate === 'satisfied' || fate === 'resolved-satisfied') await rate('satisfied');
  if (fate === 'basically' || fate === 'resolved-basically') await rate('basically_satisfied');
  if (fate === 'rehandling' || fate === 'resolved-after-rehandling') await rate('dissatisfied');
  if (fate === 'resolved-after-rehandling') {
    await reply(motion.id, lead, 'B');
    await rate('satisfied');
  }
  if (fate.startsWith('resolved')) return move(h, h.committee, motion.id, 'resolve', fate === 'resolved-with-reason' ? { reason: '提案人已调离,经委员会研究办结' } : undefined);
  return motion;
}

beforeAll(async () => {
  h = await motionHall({ representatives: 10 });
  for (const [index, entry] of fixture.entries()) numbers[entry[0]] = (await build(index, entry)).number;
  for (const [index, [subject, category, target]] of mergedInto.entries()) {
    const motion = await motionInReview(h, (index + 3) % 10, subject, category);
    const targetId = (await call(h.app, { method: 'GET', url: `/api/motions?q=${encodeURIComponent(target)}`, headers: h.committee })).motions[0].id;
    numbers[subject] = (await move(h, h.committee, motion.id, 'merge', { targetMotionId: targetId })).number;
  }
  await draft(h, 0, '未提交的草稿甲');
  await draft(h, 1, '未提交的草稿乙');
  h.clock.advanceDays(2);
  const late = (await call(h.app, { method: 'GET', url: `/api/motions?q=${encodeURIComponent('高温作业防护')}`, headers: h.committee })).motions[0];
  await reply(late.id, '安全环保部', 'B');
}, 120_000);
afterAll(async () => {
  await h?.app.close();
});

async function dashboard() {
  return (await call(h.app, { method: 'GET', url: `/api/motions/dashboard?meetingId=${h.congress.meetingId}`, headers: h.secretary })).dashboard;
}

describe('the dashboard of a hand-counted session', () => {
  it('counts 34 submitted motions by status, leaving drafts out', async () => {
    const figures = await dashboard();
    expect(figures.submitted).toBe(34);
    expect(figures.byStatus).toEqual({
      draft: 0,
      seconding: 2,
      review: 2,
      returned: 1,
      withdrawn: 2,
      not_accepted: 3,
      merged: 2,
      resolution: 1,
      accepted: 2,
      assigned: 4,
      replied: 3,
      rehandling: 2,
      rated: 3,
      resolved: 7,
    });
    expect(figures.asOf).toBe('2026-03-04T01:00:00.000Z');
  });

  it('computes 立案率 24/27, 按时答复率 14/17, 办结率 7/21 and 满意率 6/11 and 9/11', async () => {
    expect((await dashboard()).rates).toEqual({
      acceptance: { count: 24, of: 27, percent: 88.9 },
      onTimeReply: { count: 14, of: 17, percent: 82.4 },
      resolution: { count: 7, of: 21, percent: 33.3 },
      satisfaction: { count: 6, of: 11, percent: 54.5 },
      satisfactionWithBasic: { count: 9, of: 11, percent: 81.8 },
    });
  });

  it('counts by category', async () => {
    expect((await dashboard()).byCategory).toEqual([
      { category: 'operations', name: '生产经营', submitted: 6, accepted: 5, resolved: 1 },
      { category: 'reform', name: '改革发展', submitted: 3, accepted: 2, resolved: 0 },
      { category: 'welfare', name: '职工权益', submitted: 14, accepted: 10, resolved: 3 },
      { category: 'safety', name: '安全生产', submitted: 6, accepted: 5, resolved: 2 },
      { category: 'culture', name: '文化建设', submitted: 3, accepted: 2, resolved: 1 },
      { category: 'other', name: '其他', submitted: 2, accepted: 0, resolved: 0 },
    ]);
  });

  it('counts by lead department', async () => {
    const rows = Object.fromEntries((await dashboard()).byDepartment.map(({ department, ...row }: any) => [department.name, row]));
    expect(rows).toEqual({
      后勤保障部: { assigned: 7, replied: 6, repliedOnTime: 6, overdue: 1, resolved: 3, satisfied: 3, basicallySatisfied: 1, dissatisfied: 1 },
      人力资源部: { assigned: 5, replied: 4, repliedOnTime: 4, overdue: 0, resolved: 1, satisfied: 0, basicallySatisfied: 2, dissatisfied: 1 },
      安全环保部: { assigned: 4, replied: 3, repliedOnTime: 2, overdue: 1, resolved: 2, satisfied: 1, basicallySatisfied: 0, dissatisfied: 0 },
      财务部: { assigned: 3, replied: 2, repliedOnTime: 2, overdue: 0, resolved: 1, satisfied: 2, basicallySatisfied: 0, dissatisfied: 0 },
    });
  });

  it('lists the overdue and due-soon motions with the days left', async () => {
    const figures = await dashboard();
    expect(figures.overdue.map((entry: any) => [entry.subject, entry.leadDepartment.name, entry.daysLeft])).toEqual([
      ['关于更新安全帽的提案', '后勤保障部', -1],
      ['关于加强消防演练的提案', '安全环保部', -1],
    ]);
    expect(figures.dueSoon.map((entry: any) => [entry.subject, entry.daysLeft])).toEqual([['关于职工子女入托的提案', 3]]);
  });

  it('is for the secretariat and the committee only', async () => {
    expectError(await h.app.inject({ method: 'GET', url: '/api/motions/dashboard', headers: h.representative(0) }), 403, 'FORBIDDEN');
    expectError(await h.app.inject({ method: 'GET', url: '/api/motions/dashboard?meetingId=nope', headers: h.committee }), 404, 'MEETING_NOT_FOUND');
  });
});

describe('filters and search', () => {
  const subjects = async (query: string, who: Record<string, string> = h.committee) =>
    (await call(h.app, { method: 'GET', url: `/api/motions?${query}`, headers: who })).motions.map((motion: any) => motion.subject);

  it('finds 职工食堂改造 when searching 食堂, with every other canteen motion', async () => {
    expect(await subjects(`q=${encodeURIComponent('食堂')}`)).toEqual(['职工食堂改造', '关于夜班食堂延时供餐的提案', '关于食堂菜品价格公示的提案']);
    expect(await subjects(`q=${encodeURIComponent('食堂 价格')}`)).toEqual(['关于食堂菜品价格公示的提案']);
    expect(await subjects(`q=${encodeURIComponent('堂食')}`)).toEqual([]);
  });

  it('searches the reasons and measures too, and by number', async () => {
    expect((await subjects(`q=${encodeURIComponent('职工反映强烈')}`)).length).toBe(34);
    expect(await subjects(`q=${numbers.职工食堂改造}`)).toEqual(['职工食堂改造']);
  });

  it('limits a representative’s search to what they may see', async () => {
    expect(await subjects(`q=${encodeURIComponent('食堂')}`, h.representative(4))).toEqual([]);
    const proposer = fixture.findIndex(([subject]) => subject === '职工食堂改造') % 10;
    expect(await subjects(`q=${encodeURIComponent('食堂')}`, h.representative(proposer))).toContain('职工食堂改造');
  });

  it('filters by state, category, department and overdue, together', async () => {
    expect((await subjects('state=resolved')).length).toBe(7);
    expect((await subjects('state=replied&state=rated')).length).toBe(6);
    expect(await subjects(`category=safety&departmentId=${h.departments.安全环保部}`)).toEqual([
      '关于加强消防演练的提案',
      '关于高温作业防护的提案',
      '关于更新劳保用品的提案',
      '关于厂区限速标识的提案',
    ]);
    expect(await subjects('overdue=true')).toEqual(['关于更新安全帽的提案', '关于加强消防演练的提案']);
  });
});

function csvOf(response: LightMyRequestResponse): string[][] {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(response.rawPayload, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
}

async function sheetsOf(response: LightMyRequestResponse): Promise<Record<string, unknown[][]>> {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

const exportOf = (name: string, format: string) => h.app.inject({ method: 'GET', url: `/api/motions/${name}?meetingId=${h.congress.meetingId}&format=${format}`, headers: h.secretary });

describe('the motion register (提案汇编)', () => {
  it('lists every submitted motion in number order, as CSV and as XLSX, with the same rows', async () => {
    const csv = csvOf(await exportOf('register', 'csv'));
    const [header, ...rows] = csv;
    expect(header!.slice(0, 6)).toEqual(['编号', '案由', '类别', '提案人', '附议人', '状态']);
    expect(rows).toHaveLength(34);
    expect(rows.map((row) => row[0])).toEqual(Object.values(numbers).sort());
    const canteen = rows.find((row) => row[1] === '职工食堂改造')!;
    expect([canteen[2], canteen[5], canteen[8], canteen[11], canteen[12]]).toEqual(['职工权益', '已答复', '后勤保障部', 'A', '']);
    expect(rows.find((row) => row[1] === '关于减少废料的提案')![13]).toBe(`合并至 ${numbers.关于降低原材料损耗的提案}`);
    expect(rows.find((row) => row[1] === '关于发放购物卡的提案')![13]).toBe('转有关部门参考(转为意见建议)');
    // A subject that looks like a formula stays text in a spreadsheet.
    expect(rows.some((row) => row[1] === "'=SUM(1,2) 关于意见箱的提案")).toBe(true);

    const { 提案汇编: sheet } = await sheetsOf(await exportOf('register', 'xlsx'));
    expect(sheet![0]).toEqual(header);
    const xlsxRows = sheet!.slice(1).map((row) => row.map((cell) => (cell === undefined || cell === null ? '' : String(cell))));
    const withoutGuard = (cell: string) => cell.replace(/^'(?=[=+\-@])/, '');
    expect(xlsxRows.map((row) => row.slice(0, 13))).toEqual(rows.map((row) => row.slice(0, 13).map(withoutGuard)));
    expect(xlsxRows.find((row) => row[1]!.startsWith('=SUM'))).toBeDefined();
  });
});

describe('the implementation report (提案落实情况报告)', () => {
  it('carries exactly the dashboard’s figures, in CSV and in XLSX', async () => {
    const figures = await dashboard();
    const sections: string[][][] = [[]];
    for (const row of csvOf(await exportOf('report', 'csv'))) {
      if (row.length === 1 && row[0] === '') sections.push([]);
      else sections.at(-1)!.push(row);
    }
    const [overall, byCategory, byDepartment, overdue] = sections;
    expect(sections.map((section) => section[0]![0])).toEqual(['总体情况', '按类别', '按承办单位', '超期提案']);
    const rate = (name: string) =>
      overall!
        .find((row) => row[0] === name)!
        .slice(1)
        .map(Number);
    expect(rate('提案总数')[0]).toBe(figures.submitted);
    const { rates } = figures;
    expect(rate('立案率')).toEqual([rates.acceptance.count, rates.acceptance.of, rates.acceptance.percent]);
    expect(rate('按时答复率')).toEqual([rates.onTimeReply.count, rates.onTimeReply.of, rates.onTimeReply.percent]);
    expect(rate('办结率')).toEqual([rates.resolution.count, rates.resolution.of, rates.resolution.percent]);
    expect(rate('满意率(满意)')).toEqual([rates.satisfaction.count, rates.satisfaction.of, rates.satisfaction.percent]);
    expect(rate('满意率(满意与基本满意)')).toEqual([rates.satisfactionWithBasic.count, rates.satisfactionWithBasic.of, rates.satisfactionWithBasic.percent]);
    expect(rate('超期件数')[0]).toBe(figures.overdue.length);
    expect(rate('状态:已办结')[0]).toBe(figures.byStatus.resolved);
    expect(byCategory!.slice(2).map((row) => [row[0], ...row.slice(1).map(Number)])).toEqual(figures.byCategory.map((row: any) => [row.name, row.submitted, row.accepted, row.resolved]));
    expect(byDepartment!.slice(2).map((row) => [row[0], ...row.slice(1).map(Number)])).toEqual(
      figures.byDepartment.map((row: any) => [row.department.name, row.assigned, row.replied, row.repliedOnTime, row.overdue, row.resolved, row.satisfied, row.basicallySatisfied, row.dissatisfied]),
    );
    expect(overdue!.slice(2).map((row) => [row[0], row[1], row[2], Number(row[4])])).toEqual(figures.overdue.map((entry: any) => [entry.number, entry.subject, entry.leadDepartment.name, 1]));

    const sheets = await sheetsOf(await exportOf('report', 'xlsx'));
    expect(Object.keys(sheets)).toEqual(['总体情况', '按类别', '按承办单位', '超期提案']);
    const xlsxRate = (name: string) => sheets.总体情况!.find((row) => row[0] === name)!.slice(1, 4);
    expect(xlsxRate('立案率')).toEqual([24, 27, 88.9]);
    expect(xlsxRate('满意率(满意与基本满意)')).toEqual([9, 11, 81.8]);
    expect(sheets.按承办单位!.slice(1).map((row) => row.slice(0, 2))).toEqual(figures.byDepartment.map((row: any) => [row.department.name, row.assigned]));
    expect(sheets.超期提案!.slice(1).map((row) => row[0])).toEqual(figures.overdue.map((entry: any) => entry.number));
  });

  it('is downloaded as a file named for the meeting, and refused to representatives', async () => {
    const response = await exportOf('report', 'xlsx');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('提案落实情况报告-第三届第二次职工代表大会.xlsx')}`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expectError(await h.app.inject({ method: 'GET', url: '/api/motions/register?format=csv', headers: h.representative(0) }), 403, 'FORBIDDEN');
    expectError(await h.app.inject({ method: 'GET', url: '/api/motions/register?format=pdf', headers: h.secretary }), 400, 'VALIDATION_FAILED');
  });
});
