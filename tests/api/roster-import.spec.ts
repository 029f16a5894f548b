// Importing a roster from CSV or XLSX through the API: all or nothing, with a per-row report.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, signIn } from '../support/congress.js';
import { fileUpload, XLSX_TYPE } from '../support/multipart.js';
import { expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Setup {
  app: FastifyInstance;
  cookie: string;
  termId: string;
}

/** A term with two delegations and one representative already on the roster. */
async function newTerm(): Promise<Setup> {
  app = await createApp();
  const cookie = await signIn(app);
  const { term } = await call(app, { method: 'POST', url: '/api/terms', headers: { cookie }, payload: { number: 3 } }, 201);
  for (const name of ['第一代表团', '机关代表团']) await call(app, { method: 'POST', url: `/api/terms/${term.id}/delegations`, headers: { cookie }, payload: { name } }, 201);
  const { delegations } = await call(app, { method: 'GET', url: `/api/terms/${term.id}/delegations`, headers: { cookie } });
  await call(app, { method: 'POST', url: `/api/terms/${term.id}/members`, headers: { cookie }, payload: { name: '老代表', staffNumber: 'A000', delegationId: delegations[0].id } }, 201);
  return { app, cookie, termId: term.id };
}

function importFile(setup: Setup, content: Buffer | string, filename: string, contentType: string) {
  const upload = fileUpload(content, filename, contentType);
  return setup.app.inject({ method: 'POST', url: `/api/terms/${setup.termId}/members/import`, headers: { cookie: setup.cookie, ...upload.headers }, payload: upload.payload });
}

async function roster(setup: Setup) {
  return (await call(setup.app, { method: 'GET', url: `/api/terms/${setup.termId}/members`, headers: { cookie: setup.cookie } })).members;
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const HEADER = '姓名,工号,代表团,身份,标签';

describe('importing a roster', () => {
  it('adds every row of a CSV file with delegations, roles and tags', async () => {
    const setup = await newTerm();
    const csv = [HEADER, '张三,A001,第一代表团,代表,一线、女', '李四,A002,机关代表团,列席代表,管理', '王五,A003,机关代表团,正式代表,'].join('\n');
    const response = await importFile(setup, csv, '名单.csv', 'text/csv');
    expect(response.json()).toEqual({ imported: 3 });
    const members = await roster(setup);
    expect(members).toHaveLength(4);
    expect(members.find((member: { staffNumber: string }) => member.staffNumber === 'A001')).toMatchObject({
      name: '张三',
      delegationName: '第一代表团',
      role: 'representative',
      tags: ['一线职工', '女职工'],
    });
    expect(members.find((member: { staffNumber: string }) => member.staffNumber === 'A002')).toMatchObject({ role: 'attendee', tags: ['管理人员'] });
  });

  it('reads category tags from a 类别 column, one column per category and 性别', async () => {
    const setup = await newTerm();
    const file = await workbook([
      ['姓名', '工号', '代表团', '身份', '性别', '类别', '中层以上', '青年'],
      ['张三', 'A001', '第一代表团', '代表', '女', '一线职工、劳模', '', '是'],
      ['李四', 'A002', '机关代表团', '代表', '男', '管理人员；技术', '√', ''],
    ]);
    expect((await importFile(setup, file, 'roster.xlsx', XLSX_TYPE)).json()).toEqual({ imported: 2 });
    const tagsOf = new Map((await roster(setup)).map((member: { staffNumber: string; tags: string[] }) => [member.staffNumber, member.tags]));
    expect(tagsOf.get('A001')).toEqual(['一线职工', '劳模', '青年', '女职工']);
    expect(tagsOf.get('A002')).toEqual(['管理人员', '工程技术人员', '中层以上']);
  });

  it('adds every row of an XLSX workbook', async () => {
    const setup = await newTerm();
    const file = await workbook([
      ['姓名', '工号', '代表团', '身份'],
      ['张三', 'A001', '第一代表团', '代表'],
      ['李四', 1002, '机关代表团', '列席'],
    ]);
    const response = await importFile(setup, file, 'roster.xlsx', XLSX_TYPE);
    expect(response.json()).toEqual({ imported: 2 });
    const members = await roster(setup);
    expect(members.map((member: { staffNumber: string }) => member.staffNumber).sort()).toEqual(['1002', 'A000', 'A001']);
  });

  it('imports nothing when one row is bad, and says which row and why in both languages', async () => {
    const setup = await newTerm();
    const csv = [HEADER, '张三,A001,第一代表团,代表,', '李四,A002,第九代表团,代表,', '王五,A003,机关代表团,代表,'].join('\n');
    const response = await importFile(setup, csv, '名单.csv', 'text/csv');
    expectError(response, 422, 'ROSTER_IMPORT_FAILED');
    expect(response.json().details.problems).toEqual([
      expect.objectContaining({ line: 3, field: 'delegation', code: 'UNKNOWN_DELEGATION', zh: expect.stringContaining('第 3 行'), en: expect.stringContaining('Line 3') }),
    ]);
    expect(await roster(setup)).toHaveLength(1);
  });

  it('reports every problem of every row together', async () => {
    const setup = await newTerm();
    const csv = [HEADER, ',A001,第一代表团,代表,', '李四,A002,第一代表团,主任,', '王五,A002,第一代表团,代表,', '赵六,A000,第一代表团,代表,'].join('\n');
    const response = await importFile(setup, csv, '名单.csv', 'text/csv');
    expectError(response, 422, 'ROSTER_IMPORT_FAILED');
    const problems = response.json().details.problems.map(({ line, code }: { line: number; code: string }) => ({ line, code }));
    expect(problems).toEqual([
      { line: 2, code: 'MISSING_FIELD' },
      { line: 3, code: 'BAD_ROLE' },
      { line: 4, code: 'DUPLICATE_STAFF_NUMBER' },
      { line: 5, code: 'DUPLICATE_STAFF_NUMBER' },
    ]);
    expect(await roster(setup)).toHaveLength(1);
  });

  it('imports nothing from a workbook with a bad row', async () => {
    const setup = await newTerm();
    const file = await workbook([
      ['姓名', '工号', '代表团', '身份'],
      ['张三', 'A001', '第一代表团', '代表'],
      ['李四', '', '第一代表团', '代表'],
    ]);
    const response = await importFile(setup, file, 'roster.xlsx', XLSX_TYPE);
    expectError(response, 422, 'ROSTER_IMPORT_FAILED');
    expect(response.json().details.problems).toEqual([expect.objectContaining({ line: 3, field: 'staffNumber', code: 'MISSING_FIELD' })]);
    expect(await roster(setup)).toHaveLength(1);
  });

  it('refuses a file that is neither CSV nor XLSX', async () => {
    const setup = await newTerm();
    const oldExcel = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const response = await importFile(setup, oldExcel, 'roster.xls', 'application/vnd.ms-excel');
    expectError(response, 422, 'ROSTER_IMPORT_FAILED');
    expect(response.json().details.problems[0]).toMatchObject({ field: 'file', code: 'BAD_FILE' });
    expect(await roster(setup)).toHaveLength(1);
  });

  it('refuses a request that is not an upload', async () => {
    const setup = await newTerm();
    const response = await setup.app.inject({ method: 'POST', url: `/api/terms/${setup.termId}/members/import`, headers: { cookie: setup.cookie }, payload: { rows: [] } });
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a file over the upload limit', async () => {
    const setup = await newTerm();
    const huge = `${HEADER}\n${'张三,A001,第一代表团,代表,\n'.repeat(200_000)}`;
    expectError(await importFile(setup, huge, '名单.csv', 'text/csv'), 413, 'PAYLOAD_TOO_LARGE');
    expect(await roster(setup)).toHaveLength(1);
  });

  it('is refused while a meeting of the term is in session', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const upload = fileUpload([HEADER, '迟到者,L-1,第1代表团,代表,'].join('\n'), '名单.csv', 'text/csv');
    const response = await app.inject({ method: 'POST', url: `/api/terms/${congress.termId}/members/import`, headers: { cookie: congress.secretary, ...upload.headers }, payload: upload.payload });
    expectError(response, 409, 'ROSTER_LOCKED');
  });

  it('is for secretaries only', async () => {
    const setup = await newTerm();
    const upload = fileUpload([HEADER, '张三,A001,第一代表团,代表,'].join('\n'), '名单.csv', 'text/csv');
    const response = await setup.app.inject({ method: 'POST', url: `/api/terms/${setup.termId}/members/import`, headers: upload.headers, payload: upload.payload });
    expectError(response, 401, 'UNAUTHENTICATED');
    expect(await roster(setup)).toHaveLength(1);
  });
});
