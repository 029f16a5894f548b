// Uploads that could freeze the server (issue 9, item 10): who may draft is settled before the file
// is read, so a bomb from the wrong person never reaches the parser; each zip limit is refused with
// its own code; a file too slow to read is stopped; a full queue refuses at once; nothing changes.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../support/congress.js';
import { act, createDocument, type DocumentHall, documentHall, inDays, quickRound, saveDraft, view } from '../support/documents.js';
import { makeDocx } from '../support/docx.js';
import { makeHeavyDocx, makeLyingZip, makeManyEntries, makeZipBomb } from '../support/heavy-files.js';
import { fileUpload, XLSX_TYPE } from '../support/multipart.js';
import { expectError } from '../support/requests.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
// Building files of tens of MB takes a while on a shared machine; no figure here is a bound on speed.
const SLOW_BUILD = 120_000;
const STUCK_WORKER = new URL('../support/stuck-worker.ts', import.meta.url).href;

let hall: DocumentHall | undefined;
afterEach(async () => {
  await hall?.app.close();
  hall = undefined;
});

async function start(build: Parameters<typeof documentHall>[1] = {}): Promise<DocumentHall> {
  hall = await documentHall(6, build);
  return hall;
}

function upload(h: DocumentHall, who: Record<string, string>, documentId: string, file: Buffer) {
  const body = fileUpload(file, '方案.docx', DOCX_TYPE);
  return h.app.inject({ method: 'POST', url: `/api/documents/${documentId}/draft/docx`, headers: { ...who, ...body.headers }, payload: body.payload });
}

function versions(h: DocumentHall) {
  return h.app.yishi.sqlite.prepare('SELECT id, text, source, updated_at FROM document_version ORDER BY id').all();
}

describe('uploading a Word file that could freeze the server', () => {
  it(
    'refuses a zip bomb from anyone who may not draft the document before reading it',
    async () => {
      const h = await start();
      const document = await createDocument(h);
      const bomb = await makeZipBomb(50_000_000);
      const parser = vi.spyOn(h.app.yishi.heavyWork, 'run');
      const before = versions(h);
      expectError(await upload(h, h.otherHandler, document.id, bomb), 404, 'DOCUMENT_NOT_FOUND');
      expectError(await upload(h, h.representative(0), document.id, bomb), 404, 'DOCUMENT_NOT_FOUND');
      expectError(await upload(h, h.attendee, document.id, bomb), 404, 'DOCUMENT_NOT_FOUND');
      expectError(await upload(h, h.drafter, 'no-such-document', bomb), 404, 'DOCUMENT_NOT_FOUND');
      expectError(
        await h.app.inject({
          method: 'POST',
          url: `/api/documents/${document.id}/draft/docx`,
          headers: fileUpload(bomb, 'x.docx', DOCX_TYPE).headers,
          payload: fileUpload(bomb, 'x.docx', DOCX_TYPE).payload,
        }),
        401,
        'UNAUTHENTICATED',
      );
      // While opinions are collected nobody may draft: refused by state, also unread.
      await act(h, h.secretary, document.id, 'issue', { deadline: inDays(h, 7) });
      expectError(await upload(h, h.drafter, document.id, bomb), 409, 'DOCUMENT_STATE');
      expect(parser).not.toHaveBeenCalled();
      expect(versions(h).map((row: any) => row.text)).toEqual(before.map((row: any) => row.text));
    },
    SLOW_BUILD,
  );

  it(
    'refuses each zip limit with its own code and keeps the draft as it was',
    async () => {
      const h = await start();
      const document = await createDocument(h);
      const before = versions(h);
      expectError(await upload(h, h.drafter, document.id, await makeZipBomb(50_000_000)), 422, 'UPLOAD_ZIP_BOMB');
      expectError(await upload(h, h.drafter, document.id, await makeManyEntries(1_500)), 422, 'UPLOAD_TOO_MANY_ENTRIES');
      expectError(await upload(h, h.drafter, document.id, makeLyingZip(20_000_000)), 422, 'UPLOAD_ZIP_INVALID');
      expectError(await upload(h, h.drafter, document.id, await makeHeavyDocx(11 * 1024 * 1024)), 413, 'UPLOAD_UNZIPPED_TOO_LARGE');
      expect(versions(h)).toEqual(before);
      // The pool is free again: an ordinary file goes through.
      expect((await upload(h, h.drafter, document.id, await makeDocx(['第一条 正常的文件。']))).statusCode).toBe(200);
      expect((await view(h, h.secretary, document.id)).draft).toMatchObject({ source: 'docx', text: '第一条 正常的文件。' });
    },
    SLOW_BUILD,
  );

  it(
    'stops a file that takes too long to read, and refuses at once while the line is full',
    async () => {
      const h = await start({ heavyWork: { filename: STUCK_WORKER, timeoutMs: 1_000, maxWaiting: 0 } });
      const document = await createDocument(h);
      const before = versions(h);
      const file = await makeDocx(['第一条 永远读不完。']);
      const slow = upload(h, h.drafter, document.id, file);
      // Wait for the first upload to reach the worker, then the second finds the line full.
      while (h.app.yishi.heavyWork.load === 0) await new Promise((resolve) => setImmediate(resolve));
      const busy = await upload(h, h.drafter, document.id, file);
      expectError(busy, 503, 'HEAVY_WORK_BUSY');
      expectError(await slow, 422, 'UPLOAD_TOO_SLOW');
      expect(versions(h)).toEqual(before);
    },
    SLOW_BUILD,
  );

  it(
    'previews a draft block by block when even the bounded diff cannot finish',
    async () => {
      const h = await start({ heavyWork: { filename: STUCK_WORKER, timeoutMs: 500 } });
      const document = await createDocument(h);
      await quickRound(h, document.id);
      await saveDraft(h, h.drafter, document.id, '# 第一章 总则\n\n第一条 全部重写。');
      const { version } = await call(h.app, { method: 'GET', url: `/api/documents/${document.id}/draft/preview`, headers: h.drafter });
      expect(version.diff).toMatchObject({ fallback: 'blocks', counts: { changed: 0, added: 2, removed: 5 } });
    },
    SLOW_BUILD,
  );
});

describe('importing a roster that could freeze the server', () => {
  async function workbookBomb(): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('名单').addRow(['姓名', '工号', '身份']);
    const zip = await (await import('jszip')).default.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    zip.file('xl/padding.xml', `<x>${' '.repeat(50_000_000)}</x>`);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  }

  it(
    'checks the term before reading the file, then refuses a workbook bomb',
    async () => {
      const h = await start();
      const bomb = await workbookBomb();
      const parser = vi.spyOn(h.app.yishi.heavyWork, 'run');
      const send = (termId: string) => {
        const body = fileUpload(bomb, '名单.xlsx', XLSX_TYPE);
        return h.app.inject({ method: 'POST', url: `/api/terms/${termId}/members/import`, headers: { ...h.secretary, ...body.headers }, payload: body.payload });
      };
      expectError(await send('no-such-term'), 404, 'TERM_NOT_FOUND');
      // The hall's term has a meeting in session: its roster is locked, and the file is not read.
      expectError(await send(h.congress.termId), 409, 'ROSTER_LOCKED');
      expect(parser).not.toHaveBeenCalled();
      const { term } = await call(h.app, { method: 'POST', url: '/api/terms', headers: h.secretary, payload: { number: 9 } }, 201);
      expectError(await send(term.id), 422, 'UPLOAD_ZIP_BOMB');
      expect((await call(h.app, { method: 'GET', url: `/api/terms/${term.id}/members`, headers: h.secretary })).members).toEqual([]);
    },
    SLOW_BUILD,
  );
});
