// Issue 9, item 3: a full disk must never make Yishi skip the scrub. Free space is faked through the
// storage probe; below the reserve every write but the vote's own is refused with STORAGE_RESERVED
// (its own error, before any upload is read), while votes by HTTP and socket, the close of a secret
// ballot and its scrub still go through, and /api/health says so.
import { afterEach, describe, expect, it } from 'vitest';
import { SESSIONS_PER_PERSON } from '../../src/accounts/repository.js';
import { call, type Congress, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { makeDocx } from '../support/docx.js';
import { fileUpload } from '../support/multipart.js';
import { bearer, expectError, rowCount, vote } from '../support/requests.js';
import { command, Hall } from '../support/sockets.js';

const MB = 1024 * 1024;
const RESERVE_MB = 64;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64 * 1024, 0x20)]);

/** A file system the test sizes at will: plenty of room until the test says otherwise. */
function fakeDisk() {
  const disk = { freeBytes: 10_000 * MB, probe: async () => ({ freeBytes: disk.freeBytes, totalBytes: 20_000 * MB }) };
  return disk;
}

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

async function startHall(disk: ReturnType<typeof fakeDisk>): Promise<{ hall: Hall; congress: Congress }> {
  hall = await Hall.start({ STORAGE_RESERVE_MB: RESERVE_MB, SESSION_HOURS: 720 }, { storageProbe: disk.probe });
  return { hall, congress: await createCongress(hall.app, { representatives: 4 }) };
}

describe('the free-space reserve', () => {
  it('refuses drafts, uploads and roster imports below the reserve, and still takes votes by HTTP and socket and closes and scrubs a secret ballot', async () => {
    const disk = fakeDisk();
    const { hall, congress } = await startHall(disk);
    const { app } = hall;
    const secretary = { cookie: congress.secretary };
    const ballotId = await openBallot(congress);
    await call(app, {
      method: 'PUT',
      url: `/api/meetings/${congress.meetingId}/motion-settings`,
      headers: secretary,
      payload: { opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-01-01T00:00:00.000Z' },
    });
    const fields = { subject: '食堂改善', reasons: '职工反映强烈。', measures: '请后勤研究。', category: 'welfare' };
    const { motion } = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/motions`, headers: bearer(congress.representatives[0]!.token), payload: fields }, 201);
    const phone = await hall.connect({ token: congress.representatives[1]!.token });

    disk.freeBytes = (RESERVE_MB - 1) * MB;
    const motionsBefore = rowCount(app, 'motion');

    expectError(
      await app.inject({ method: 'POST', url: `/api/meetings/${congress.meetingId}/motions`, headers: bearer(congress.representatives[0]!.token), payload: fields }),
      507,
      'STORAGE_RESERVED',
    );
    expectError(
      await app.inject({ method: 'PATCH', url: `/api/motions/${motion.id}`, headers: bearer(congress.representatives[0]!.token), payload: { reasons: '更长的理由。' } }),
      507,
      'STORAGE_RESERVED',
    );
    const pdf = fileUpload(PDF, '说明.pdf', 'application/pdf');
    expectError(
      await app.inject({ method: 'POST', url: `/api/motions/${motion.id}/attachments`, headers: { ...bearer(congress.representatives[0]!.token), ...pdf.headers }, payload: pdf.payload }),
      507,
      'STORAGE_RESERVED',
    );
    const csv = fileUpload('姓名,工号\n张三,Z-1\n', '名单.csv', 'text/csv');
    expectError(await app.inject({ method: 'POST', url: `/api/terms/${congress.termId}/members/import`, headers: { ...secretary, ...csv.headers }, payload: csv.payload }), 507, 'STORAGE_RESERVED');
    expectError(
      await app.inject({ method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: secretary, payload: { title: '另一项表决', items: [{ kind: 'approval', title: '另一项' }] } }),
      507,
      'STORAGE_RESERVED',
    );
    const refused = (await app.inject({ method: 'POST', url: `/api/meetings/${congress.meetingId}/motions`, headers: bearer(congress.representatives[0]!.token), payload: fields })).json();
    expect(refused.details).toMatchObject({ freeBytes: (RESERVE_MB - 1) * MB, reserveBytes: RESERVE_MB * MB });
    expect(refused.messageZh).toContain('保留');
    expect(rowCount(app, 'motion')).toBe(motionsBefore);
    expect(rowCount(app, 'motion_attachment')).toBe(0);

    // The vote's side of the line: reaching the vote (joining, signing in, check-in), casting by
    // HTTP and socket, and the close with its scrub.
    await call(app, { method: 'POST', url: '/api/join', payload: { code: congress.representatives[2]!.code, issueToken: true } });
    await call(app, { method: 'POST', url: '/api/auth/login', payload: { username: 'secretary', password: 'correct horse battery staple' } });
    await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/check-in`, headers: bearer(congress.representatives[2]!.token) });
    expect((await command(phone.socket, 'attendance:check-in', { meetingId: congress.meetingId })).data).toBeDefined();
    expect((await vote(app, congress.representatives[0]!.token, ballotId, ['yes'])).statusCode).toBe(201);
    const receipt = deviceReceipt();
    expect(await command(phone.socket, 'ballot:cast', { ballotId, answers: ['no'], receipt })).toEqual({ data: { ballotId, receipt, voted: 2 } });
    const { ballot } = await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: secretary });
    expect(ballot.state).toBe('closed');
    expect(rowCount(app, 'scrub_pending')).toBe(0);

    const health = await call(app, { method: 'GET', url: '/api/health', headers: secretary });
    expect(health.storage).toMatchObject({ refusingWrites: true, freeBytes: (RESERVE_MB - 1) * MB, reserveBytes: RESERVE_MB * MB, pendingScrubs: 0, pendingScrubBallots: [] });

    disk.freeBytes = 10_000 * MB;
    await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/motions`, headers: bearer(congress.representatives[0]!.token), payload: fields }, 201);
    expect((await call(app, { method: 'GET', url: '/api/health' })).storage).toEqual({ refusingWrites: false, pendingScrubs: 0 });
  });

  it('counts an upload’s own size: the same write fits as text and is refused as a file that would cross the reserve', async () => {
    const disk = fakeDisk();
    const { hall, congress } = await startHall(disk);
    const { app } = hall;
    const secretary = { cookie: congress.secretary };
    const { department } = await call(app, { method: 'POST', url: '/api/departments', headers: secretary, payload: { name: '人力资源部' } }, 201);
    const { document } = await call(
      app,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/documents`, headers: secretary, payload: { title: '工资分配方案', kind: 'pay_scheme', draftingDepartmentId: department.id } },
      201,
    );
    // 1 MB above the reserve: a short text fits, a 2 MB Word file does not.
    disk.freeBytes = (RESERVE_MB + 1) * MB;
    await call(app, { method: 'PUT', url: `/api/documents/${document.id}/draft`, headers: secretary, payload: { text: '# 总则\n\n第一条 本方案适用于全体职工。' } });
    const docx = await makeDocx(['第一条 本方案适用于全体职工。', 'x'.repeat(2 * MB)]);
    const upload = fileUpload(docx, '方案.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(upload.payload.length).toBeGreaterThan(MB);
    expectError(await app.inject({ method: 'POST', url: `/api/documents/${document.id}/draft/docx`, headers: { ...secretary, ...upload.headers }, payload: upload.payload }), 507, 'STORAGE_RESERVED');
    expect(rowCount(app, 'document_version', 'original_stored_name IS NOT NULL')).toBe(0);
  });

  it('keeps a representative who joins again and again below the reserve to a bounded number of sessions', async () => {
    const disk = fakeDisk();
    const { hall, congress } = await startHall(disk);
    disk.freeBytes = (RESERVE_MB - 1) * MB;
    const person = congress.representatives[0]!;
    let token = '';
    for (let index = 0; index < SESSIONS_PER_PERSON + 20; index++) {
      token = (await call(hall.app, { method: 'POST', url: '/api/join', payload: { code: person.code, issueToken: true } })).token;
    }
    expect(rowCount(hall.app, 'auth_session', 'member_id = ?', person.memberId)).toBe(SESSIONS_PER_PERSON);
    const me = await call(hall.app, { method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(me.actor).toMatchObject({ kind: 'member', memberId: person.memberId });
  });

  it('tells anyone whether writes are held back, and only officers how much room is left and which ballots await their scrub', async () => {
    const disk = fakeDisk();
    const { hall, congress } = await startHall(disk);
    const anonymous = await call(hall.app, { method: 'GET', url: '/api/health' });
    expect(anonymous.storage).toEqual({ refusingWrites: false, pendingScrubs: 0 });
    const representative = await call(hall.app, { method: 'GET', url: '/api/health', headers: bearer(congress.representatives[0]!.token) });
    expect(representative.storage).toEqual({ refusingWrites: false, pendingScrubs: 0 });
    const officer = await call(hall.app, { method: 'GET', url: '/api/health', headers: { cookie: congress.secretary } });
    expect(officer.storage).toMatchObject({ refusingWrites: false, freeBytes: 10_000 * MB, reserveBytes: RESERVE_MB * MB, pendingScrubs: 0, pendingScrubBallots: [] });
  });
});
