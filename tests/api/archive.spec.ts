// The session archive (归档, issue 13 part 5) and the result notice as PDF (part 6): one zip, streamed,
// whose manifest hashes every file; published ballots only, a secret ballot by its counts alone;
// nothing that pairs a person with a vote, no receipts, codes or tokens.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildOptions } from '../../src/app.js';
import { approvalBallot, call, type Congress, createApp, createCongress, openBallot } from '../support/congress.js';
import { mediaBoxes, pdfCanSay, pdfStreams } from '../support/pdf-text.js';
import { castAll, closeBallot, draftBallot, expectError, publishBallot } from '../support/requests.js';
import { unzip } from '../support/zip.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A worker that never finishes: what the PDF pool's timeout is proved with. */
const STUCK_WORKER = new URL('../support/stuck-worker.ts', import.meta.url).href;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** 5 representatives (4 present) and an attendee; a secret approval 3–1–0, a secret election, a closed unpublished ballot and a draft. */
async function session(options: BuildOptions = {}) {
  app = await createApp({}, options);
  const congress = await createCongress(app, { representatives: 5, attendees: 1, present: 4 });
  const as = { cookie: congress.secretary };
  const approval = await openBallot(congress, approvalBallot('关于《集体合同(草案)》的决议'));
  const receipts = await castAll(congress, approval, [['yes'], ['yes'], ['yes'], ['no']]);
  await closeBallot(congress, approval);
  await publishBallot(congress, approval);
  const election = await openBallot(congress, {
    title: '选举工会委员',
    items: [
      {
        kind: 'election',
        title: '选举工会委员',
        seats: 1,
        candidates: [
          { id: 'c1', name: '张三' },
          { id: 'c2', name: '李四' },
        ],
      },
    ],
  });
  receipts.push(...(await castAll(congress, election, [[{ candidateIds: ['c1'] }], [{ candidateIds: ['c1'] }], [{ candidateIds: ['c1'] }], [{ candidateIds: ['c2'] }]])));
  await closeBallot(congress, election);
  await publishBallot(congress, election);
  const unpublished = await openBallot(congress, approvalBallot('关于福利方案的决议'));
  await castAll(congress, unpublished, [['no']]);
  await closeBallot(congress, unpublished);
  const draft = await draftBallot(congress, approvalBallot('尚未表决的事项'));
  const { meeting } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: as });
  return { congress, sessionId: meeting.sessionId as string, approval, election, unpublished, draftId: draft.id as string, receipts };
}

async function download(congress: Congress, sessionId: string) {
  const response = await congress.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/archive`, headers: { cookie: congress.secretary } });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/zip');
  return unzip(response.rawPayload);
}

describe('the session archive', () => {
  it('holds the expected files, manifest last, each hash and size matching its file', async () => {
    const { congress, sessionId, approval, unpublished, draftId } = await session();
    const entries = await download(congress, sessionId);
    expect(entries.at(-1)!.path).toBe('manifest.json');
    const manifest = JSON.parse(entries.at(-1)!.bytes.toString('utf8'));
    const files = entries.slice(0, -1);
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual(files.map((file) => file.path));
    for (const [index, file] of files.entries()) {
      expect(manifest.files[index].sha256, file.path).toBe(sha256(file.bytes));
      expect(manifest.files[index].size, file.path).toBe(file.bytes.length);
    }
    const paths = files.map((file) => file.path);
    expect(paths[0]).toBe('议程.pdf');
    expect(paths[1]).toBe('代表资格审查报告.pdf');
    const folder = '01-第三届第二次职工代表大会';
    expect(paths).toEqual(
      expect.arrayContaining([
        `${folder}/签到表.pdf`,
        `${folder}/签到表.csv`,
        `${folder}/提案汇编.xlsx`,
        '审计日志.csv',
        expect.stringMatching(/^01-[^/]+\/表决结果\/关于《集体合同\(草案\)》的决议-/),
      ]),
    );
    expect(paths.filter((path) => path.includes('/表决结果/'))).toHaveLength(2);
    for (const file of files.filter((entry) => entry.path.endsWith('.pdf'))) expect(file.bytes.subarray(0, 5).toString('latin1'), file.path).toBe('%PDF-');
    expect(manifest.unpublishedBallots.map((ballot: { id: string }) => ballot.id).sort()).toEqual([unpublished, draftId].sort());
    expect(manifest.session.id).toBe(sessionId);
    expect(manifest.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const notice = manifest.files.find((file: { figures?: { ballotId?: string } }) => file.figures?.ballotId === approval);
    expect(notice.figures).toMatchObject({ secrecy: 'secret', eligible: 5, present: 4, cast: 4, items: [{ passed: true, counts: { yes: 3, no: 1, abstain: 0 } }] });
    const attendance = manifest.files.find((file: { path: string }) => file.path.endsWith('签到表.csv'));
    expect(attendance.figures).toMatchObject({ eligible: 5, present: 4 });
    const election = manifest.files.find((file: { figures?: { title?: string } }) => file.figures?.title === '选举工会委员');
    expect(election.figures.items[0].elected).toEqual(['张三']);
  });

  it('lets nothing secret in: no receipts, codes, tokens or check-in times, the unpublished ballot by its title only', async () => {
    const { congress, sessionId, receipts, unpublished } = await session();
    const entries = await download(congress, sessionId);
    const texts = entries.filter((entry) => /\.(csv|json)$/.test(entry.path)).map((entry) => entry.bytes.toString('utf8'));
    const secrets = [...receipts, ...congress.representatives.flatMap((person) => [person.code, person.token])];
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
    const csv = entries.find((entry) => entry.path.endsWith('签到表.csv'))!.bytes.toString('utf8');
    expect(csv.split('\n')[0]).toBe('\uFEFF姓名,工号,代表团,身份,签到情况');
    expect(csv).toContain('代表1,代表-1,第1代表团,代表,已签到');
    expect(csv).toContain('代表5,代表-5,第1代表团,代表,未签到');
    expect(csv).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    const manifest = JSON.parse(entries.at(-1)!.bytes.toString('utf8'));
    expect(manifest.unpublishedBallots).toContainEqual({ id: unpublished, title: '关于福利方案的决议', state: 'closed' });
    expect(JSON.stringify(manifest.files)).not.toContain(unpublished);
    expect(entries.some((entry) => entry.path.includes('福利方案'))).toBe(false);
  });

  it('gives each audit row its two chain hashes, as the log holds them', async () => {
    const { congress, sessionId } = await session();
    const entries = await download(congress, sessionId);
    const lines = entries
      .find((entry) => entry.path === '审计日志.csv')!
      .bytes.toString('utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('编号,时间,操作人,操作,会议,表决,详情,上一条哈希 prev_hash,本条哈希 hash');
    const stored = congress.app.yishi.sqlite.prepare("SELECT id, hash FROM audit_log WHERE action = 'ballot.counted' ORDER BY id LIMIT 1").get() as { id: number; hash: string };
    const line = lines.find((candidate) => candidate.startsWith(`${stored.id},`))!;
    expect(line).toMatch(new RegExp(`,[0-9a-f]{64},${stored.hash}$`));
  });

  it('is the secretary’s alone, and a bad session id is a 404', async () => {
    const { congress, sessionId } = await session();
    expectError(await congress.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/archive` }), 401, 'UNAUTHENTICATED');
    expectError(await congress.app.inject({ method: 'GET', url: '/api/sessions/no-such-session/archive', headers: { cookie: congress.secretary } }), 404, 'SESSION_NOT_FOUND');
    expectError(await congress.app.inject({ method: 'GET', url: '/api/sessions/bad%20id!/archive', headers: { cookie: congress.secretary } }), 400, 'VALIDATION_FAILED');
  });

  it('answers PDF_FONT_MISSING (503) when the font is not installed, before any byte of the zip', async () => {
    app = await createApp({ PDF_FONT_SERIF: '/nonexistent/NotoSerifCJK-Regular.ttc' });
    const congress = await createCongress(app, { representatives: 2 });
    const { meeting } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: { cookie: congress.secretary } });
    expectError(await app.inject({ method: 'GET', url: `/api/sessions/${meeting.sessionId}/archive`, headers: { cookie: congress.secretary } }), 503, 'PDF_FONT_MISSING');
  });
});

describe('the result notice as PDF', () => {
  it('is the public notice of a published ballot, with its counts and verdict', async () => {
    const { congress, approval } = await session();
    const response = await congress.app.inject({ method: 'GET', url: `/api/ballots/${approval}/notice.pdf` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(mediaBoxes(pdf)[0]).toBe('0 0 595.28 841.89');
    expect(pdfCanSay(pdf, '表决结果公告关于集体合同草案的决议无记名投票应到人数实到人数收回选票赞成反对弃权通过特此公告秘书处')).toBe(true);
  });

  it('prints the count hash in Courier, in groups of four', async () => {
    const { congress, approval } = await session();
    const finalHash = congress.app.yishi.sqlite.prepare('SELECT final_hash FROM ballot WHERE id = ?').pluck().get(approval) as string;
    const pdf = (await congress.app.inject({ method: 'GET', url: `/api/ballots/${approval}/notice.pdf` })).rawPayload;
    expect(pdfCanSay(pdf, '计票校验码')).toBe(true);
    expect(pdf.toString('latin1')).toContain('/BaseFont /Courier');
    const shown = pdfStreams(pdf).join('');
    const hex = (text: string) => Buffer.from(text, 'latin1').toString('hex');
    expect(shown).toContain(hex(finalHash.slice(0, 4)));
    expect(shown).toContain(hex(finalHash.slice(60)));
  });

  it('answers PAPER_TOO_SLOW (503), not an upload’s error, when the PDF worker takes too long', async () => {
    const { congress, approval } = await session({ paperWork: { filename: STUCK_WORKER, timeoutMs: 300 } });
    expectError(await congress.app.inject({ method: 'GET', url: `/api/ballots/${approval}/notice.pdf` }), 503, 'PAPER_TOO_SLOW');
  });

  it('is refused for an unpublished or unknown ballot as the public result is', async () => {
    const { congress, unpublished, draftId } = await session();
    for (const id of [unpublished, draftId, 'no-such-ballot']) expectError(await congress.app.inject({ method: 'GET', url: `/api/ballots/${id}/notice.pdf` }), 404, 'BALLOT_NOT_FOUND');
  });
});
