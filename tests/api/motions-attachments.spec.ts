// Attachments of a motion: PDF, PNG and JPEG recognised by their bytes, at most 5 MB, kept under
// random names and always served as a download.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress } from '../support/congress.js';
import { draft, type MotionHall, motionHall, motionInReview, move, view } from '../support/motions.js';
import { fileUpload } from '../support/multipart.js';
import { bearer, expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(): Promise<MotionHall> {
  const hall = await motionHall();
  app = hall.app;
  return hall;
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
const HTML = Buffer.from('<html><script>alert(document.cookie)</script></html>');

function upload(h: MotionHall, who: Record<string, string>, motionId: string, content: Buffer, filename: string, type: string) {
  const body = fileUpload(content, filename, type);
  return h.app.inject({ method: 'POST', url: `/api/motions/${motionId}/attachments`, headers: { ...who, ...body.headers }, payload: body.payload });
}

describe('attaching files to a motion', () => {
  it('takes a PDF, a PNG and a JPEG by their bytes, whatever their names say, and lists them on the motion', async () => {
    const h = await start();
    const motion = await draft(h, 0, '关于食堂排队问题的提案');
    const added = [
      await upload(h, h.representative(0), motion.id, PDF, '食堂排队情况调查.pdf', 'application/pdf'),
      await upload(h, h.representative(0), motion.id, PNG, '现场照片.jpg', 'image/jpeg'),
      await upload(h, h.representative(0), motion.id, JPEG, 'scan', 'application/octet-stream'),
    ];
    for (const response of added) expect(response.statusCode).toBe(201);
    const { attachments, history } = added[2]!.json().motion;
    expect(attachments.map((entry: any) => [entry.filename, entry.mediaType, entry.size])).toEqual([
      ['食堂排队情况调查.pdf', 'application/pdf', PDF.length],
      ['现场照片.jpg', 'image/png', PNG.length],
      ['scan', 'image/jpeg', JPEG.length],
    ]);
    expect(history.at(-1)).toMatchObject({ event: 'edit', from: 'draft', to: 'draft', detail: { attachmentAdded: 'scan' } });
  });

  it('refuses anything else, even when it is called .pdf', async () => {
    const h = await start();
    const motion = await draft(h, 0, '关于网站建设的提案');
    expectError(await upload(h, h.representative(0), motion.id, HTML, '调查报告.pdf', 'application/pdf'), 415, 'ATTACHMENT_TYPE');
    expectError(await upload(h, h.representative(0), motion.id, Buffer.from('PK\u0003\u0004word'), '报告.docx', 'application/pdf'), 415, 'ATTACHMENT_TYPE');
    expectError(
      await h.app.inject({ method: 'POST', url: `/api/motions/${motion.id}/attachments`, headers: { ...h.representative(0), 'content-type': 'application/json' }, payload: '{}' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect((await view(h, h.representative(0), motion.id)).attachments).toEqual([]);
  });

  it('refuses a file over 5 MB and takes one just under it', async () => {
    const h = await start();
    const motion = await draft(h, 0, '关于档案数字化的提案');
    const large = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    expectError(await upload(h, h.representative(0), motion.id, large, '大文件.pdf', 'application/pdf'), 413, 'PAYLOAD_TOO_LARGE');
    const fits = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 - PDF.length, 0x20)]);
    expect((await upload(h, h.representative(0), motion.id, fits, '刚好5MB.pdf', 'application/pdf')).statusCode).toBe(201);
  });

  it('serves a file only as a download, with nosniff, to those who may see the motion', async () => {
    const h = await start();
    const motion = await draft(h, 0, '关于班车的提案');
    const { attachments } = (await upload(h, h.representative(0), motion.id, PDF, '线路图<v2>.pdf', 'application/pdf')).json().motion;
    await move(h, h.representative(0), motion.id, 'submit');
    const url = `/api/motions/${motion.id}/attachments/${attachments[0].id}`;
    const served = await h.app.inject({ method: 'GET', url, headers: h.committee });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(PDF)).toBe(true);
    expect(served.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': `attachment; filename="___v2.pdf"; filename*=UTF-8''${encodeURIComponent('线路图v2.pdf')}`,
    });
    expectError(await h.app.inject({ method: 'GET', url, headers: h.handlers.财务部 }), 404, 'MOTION_NOT_FOUND');
    expectError(await h.app.inject({ method: 'GET', url: `/api/motions/${motion.id}/attachments/unknown`, headers: h.committee }), 404, 'ATTACHMENT_NOT_FOUND');
  });

  it('can be added or removed only while the motion is a draft or returned, by its proposer', async () => {
    const h = await start();
    const motion = await motionInReview(h, 0, '关于改善照明的提案', 'safety');
    expectError(await upload(h, h.representative(0), motion.id, PNG, '照片.png', 'image/png'), 409, 'MOTION_STATE');
    await move(h, h.committee, motion.id, 'return', { reason: '请附现场照片' });
    expectError(await upload(h, h.representative(1), motion.id, PNG, '照片.png', 'image/png'), 403, 'FORBIDDEN');
    const { attachments } = (await upload(h, h.representative(0), motion.id, PNG, '照片.png', 'image/png')).json().motion;
    const removed = (await call(h.app, { method: 'DELETE', url: `/api/motions/${motion.id}/attachments/${attachments[0].id}`, headers: h.representative(0) })).motion;
    expect(removed.attachments).toEqual([]);
    expect(removed.history.at(-1).detail).toMatchObject({ attachmentRemoved: attachments[0].id });
  });
});

describe('where attachments are kept', () => {
  it('stores them beside the database file under random names', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'yishi-motions-'));
    try {
      app = await createApp({ DATABASE_PATH: join(directory, 'yishi.sqlite') });
      const congress = await createCongress(app, { representatives: 3, openMeeting: false });
      const { motion } = await call(
        app,
        {
          method: 'POST',
          url: `/api/meetings/${congress.meetingId}/motions`,
          headers: bearer(congress.representatives[0]!.token),
          payload: { subject: '关于档案室防潮的提案', reasons: '潮湿', measures: '加装除湿机', category: 'safety' },
        },
        201,
      );
      const body = fileUpload(PDF, '../../etc/passwd.pdf', 'application/pdf');
      const response = await app.inject({
        method: 'POST',
        url: `/api/motions/${motion.id}/attachments`,
        headers: { ...bearer(congress.representatives[0]!.token), ...body.headers },
        payload: body.payload,
      });
      expect(response.json().motion.attachments[0].filename).toBe('passwd.pdf');
      const stored = readdirSync(join(directory, 'yishi.sqlite.attachments'));
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
      await app.close();
      app = undefined;
      expect(existsSync(join(directory, 'yishi.sqlite.attachments', stored[0]!))).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
