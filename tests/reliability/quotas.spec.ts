// Issue 9, item 5: no member may store without limit. Quotas per member (drafts and bytes), per group
// (a delegation, a drafting department) and in total cover motion drafts, their edits and
// attachments, opinions on documents and uploaded Word drafts; reaching one is QUOTA_EXCEEDED with
// which quota, what is used and the limit, and nothing is stored. Officers see who uses how much.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { act, createDocument, documentHall, inDays, PAY_SCHEME_V1 } from '../support/documents.js';
import { makeDocx } from '../support/docx.js';
import { draft, motionFields, motionHall } from '../support/motions.js';
import { fileUpload } from '../support/multipart.js';
import { expectError, rowCount } from '../support/requests.js';

const MB = 1024 * 1024;
let app: FastifyInstance | undefined;
let directory: string | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

/** A PDF of `size` bytes: the magic bytes, then padding. */
function pdfOf(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x20)]);
}

function attach(target: FastifyInstance, who: Record<string, string>, motionId: string, file: Buffer) {
  const upload = fileUpload(file, '附件.pdf', 'application/pdf');
  return target.inject({ method: 'POST', url: `/api/motions/${motionId}/attachments`, headers: { ...who, ...upload.headers }, payload: upload.payload });
}

function attachmentFiles(target: FastifyInstance): number {
  return rowCount(target, 'motion_attachment');
}

describe('quotas on what members store', () => {
  it('refuses a representative’s draft past the per-member number of drafts, storing nothing', async () => {
    const hall = await motionHall({ representatives: 3 });
    app = hall.app;
    for (let index = 0; index < 20; index++) await draft(hall, 0, `提案${index + 1}`);
    const response = await hall.app.inject({ method: 'POST', url: `/api/meetings/${hall.congress.meetingId}/motions`, headers: hall.representative(0), payload: motionFields('第二十一件') });
    expectError(response, 409, 'QUOTA_EXCEEDED');
    expect(response.json().details).toEqual({ quota: 'member.drafts', used: 20, adding: 1, limit: 20 });
    expect(rowCount(hall.app, 'motion', 'proposer_member_id = ?', hall.congress.representatives[0]!.memberId)).toBe(20);
    // Another representative is not held back by the first one's drafts.
    await draft(hall, 1, '另一位代表的提案');
  });

  it('refuses attachments past the per-member bytes, leaving no row and no file behind', async () => {
    directory = mkdtempSync(join(tmpdir(), 'yishi-quotas-'));
    const databasePath = join(directory, 'yishi.sqlite');
    const hall = await motionHall({ representatives: 3, config: { DATABASE_PATH: databasePath } });
    app = hall.app;
    const storedFiles = () => readdirSync(`${databasePath}.attachments`).length;
    const motion = await draft(hall, 0, '职工食堂');
    const other = await draft(hall, 0, '职工宿舍');
    const file = pdfOf(5 * MB - 64 * 1024);
    for (let index = 0; index < 4; index++) expect((await attach(hall.app, hall.representative(0), motion.id, file)).statusCode).toBe(201);
    // The fifth file would pass 20 MB: refused whichever of their motions it goes to.
    const response = await attach(hall.app, hall.representative(0), other.id, file);
    expectError(response, 409, 'QUOTA_EXCEEDED');
    expect(response.json().details).toMatchObject({ quota: 'member.bytes', limit: 20 * MB });
    expect(response.json().details.adding).toBeGreaterThanOrEqual(file.length);
    expect(response.json().details.used).toBeGreaterThan(4 * file.length);
    expect(attachmentFiles(hall.app)).toBe(4);
    expect(storedFiles()).toBe(4);
  });

  it('counts edits too: a representative cannot grow stored text past the quota by rewriting drafts', async () => {
    const hall = await motionHall({ representatives: 3, config: { QUOTA_MEMBER_MB: 0.1 } });
    app = hall.app;
    const long = '很'.repeat(9_000);
    let refused = null;
    for (let index = 0; index < 10 && !refused; index++) {
      const motion = await draft(hall, 0, `提案${index + 1}`);
      const response = await hall.app.inject({ method: 'PATCH', url: `/api/motions/${motion.id}`, headers: hall.representative(0), payload: { reasons: long, measures: long } });
      if (response.statusCode !== 200) refused = response;
    }
    expect(refused).not.toBeNull();
    expectError(refused!, 409, 'QUOTA_EXCEEDED');
    expect(refused!.json().details).toMatchObject({ quota: 'member.bytes', limit: Math.round(0.1 * MB) });
    const stored = hall.app.yishi.sqlite.prepare('SELECT sum(length(CAST(subject || reasons || measures AS BLOB))) AS bytes FROM motion').get() as { bytes: number };
    expect(stored.bytes).toBeLessThanOrEqual(0.1 * MB);
  });

  it('holds a delegation and the whole congress to their own quotas', async () => {
    // Representatives 0, 2 and 4 are in the first delegation, 1, 3 and 5 in the second.
    const hall = await motionHall({ representatives: 6, config: { QUOTA_MEMBER_MB: 4, QUOTA_GROUP_MB: 6, QUOTA_TOTAL_MB: 9 } });
    app = hall.app;
    const upload = async (representative: number, megabytes = 2) =>
      attach(hall.app, hall.representative(representative), (await draft(hall, representative, `提案${representative}`)).id, pdfOf(megabytes * MB));
    expect((await upload(0)).statusCode).toBe(201);
    expect((await upload(2)).statusCode).toBe(201);
    const delegation = await upload(4);
    expectError(delegation, 409, 'QUOTA_EXCEEDED');
    expect(delegation.json().details).toMatchObject({ quota: 'delegation.bytes', limit: 6 * MB });
    expect((await upload(1)).statusCode).toBe(201);
    expect((await upload(3)).statusCode).toBe(201);
    // Within the member's and the delegation's quotas, but the congress as a whole is full.
    const overall = await upload(5, 1);
    expectError(overall, 409, 'QUOTA_EXCEEDED');
    expect(overall.json().details).toMatchObject({ quota: 'total.bytes', limit: 9 * MB });
    expect(attachmentFiles(hall.app)).toBe(4);
  });

  it('holds opinions on a document and a drafting department’s Word drafts to quotas', async () => {
    const hall = await documentHall(9, {}, { QUOTA_MEMBER_MB: 0.05, QUOTA_GROUP_MB: 0.5 });
    app = hall.app;
    const document = await createDocument(hall, { text: PAY_SCHEME_V1 });
    await act(hall, hall.secretary, document.id, 'issue', { deadline: inDays(hall, 7) });
    const anchor = 'b3';
    let refused = null;
    for (let index = 0; index < 20 && !refused; index++) {
      const response = await hall.app.inject({ method: 'POST', url: `/api/documents/${document.id}/opinions`, headers: hall.representative(4), payload: { anchor, content: '意'.repeat(1500) } });
      if (response.statusCode !== 201) refused = response;
    }
    expectError(refused!, 409, 'QUOTA_EXCEEDED');
    expect(refused!.json().details).toMatchObject({ quota: 'member.bytes' });

    const second = await createDocument(hall, { title: '考勤制度', kind: 'rules', text: undefined });
    const docx = await makeDocx(['第一条 考勤。', '字'.repeat(150_000)]);
    const upload = fileUpload(docx, '考勤.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const response = await hall.app.inject({ method: 'POST', url: `/api/documents/${second.id}/draft/docx`, headers: { ...hall.drafter, ...upload.headers }, payload: upload.payload });
    expectError(response, 409, 'QUOTA_EXCEEDED');
    expect(response.json().details).toMatchObject({ quota: 'department.bytes', limit: 0.5 * MB });
    expect(rowCount(hall.app, 'document_version', 'document_id = ?', second.id)).toBe(0);
  });
});
