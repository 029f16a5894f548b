// What a congress leaves behind (issue 13, "done when"): a session runs to its close — a resolution
// adopted by secret ballot, an election, a ballot closed but never published, a motion handled — and
// then every output is checked against the session's own figures: the public notice holds exactly
// the published results, each .docx is in the official layout and states the same figures, and every
// file of the archive matches the SHA-256 its manifest gives.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../support/congress.js';
import { assigned, type MotionHall, motionHall } from '../support/motions.js';
import { expectOfficialLayout, readDocx } from '../support/read-docx.js';
import { castAll, closeBallot, publishBallot } from '../support/requests.js';
import { unzip } from '../support/zip.js';

let hall: MotionHall | undefined;
afterEach(async () => {
  await hall?.app.close();
  hall = undefined;
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Eight representatives, one on leave (应到 8, 实到 7); the session closed and its notice published the next day. */
async function closedSession() {
  hall = await motionHall();
  const { app, congress, secretary } = hall;
  const get = async (url: string) => (await call(app, { method: 'GET', url, headers: secretary })) as Record<string, any>;
  const post = async (url: string, payload: object = {}, status = 200) => (await call(app, { method: 'POST', url, headers: secretary, payload }, status)) as Record<string, any>;
  const motion = await assigned(hall, 0, '改善职工食堂', '后勤保障部');
  await post(`/api/meetings/${congress.meetingId}/open`);
  await call(app, { method: 'PUT', url: `/api/meetings/${congress.meetingId}/attendance/${congress.representatives[7]!.memberId}`, headers: secretary, payload: { status: 'on_leave' } });
  const sessionId = (await get(`/api/meetings/${congress.meetingId}`)).meeting.sessionId as string;

  // A resolution, drafted from the figures and adopted by its own secret ballot: 5 yes, 1 no, 1 abstention.
  const { resolution } = await post(`/api/sessions/${sessionId}/resolutions`, { subject: '厂长工作报告' }, 201);
  const adoption = (await post(`/api/resolutions/${resolution.id}/ballot`, { meetingId: congress.meetingId })).resolution.ballot.ballotId as string;
  await post(`/api/ballots/${adoption}/open`);
  await castAll(congress, adoption, [['yes'], ['yes'], ['yes'], ['yes'], ['yes'], ['no'], ['abstain']]);
  await closeBallot(congress, adoption);
  await publishBallot(congress, adoption);

  // An election of one seat: 张三 4, 李四 3.
  const election = (
    await post(
      `/api/meetings/${congress.meetingId}/ballots`,
      {
        title: '补选工会委员',
        secrecy: 'secret',
        items: [
          {
            kind: 'election',
            title: '补选工会委员',
            seats: 1,
            candidates: [
              { id: 'c1', name: '张三' },
              { id: 'c2', name: '李四' },
            ],
          },
        ],
      },
      201,
    )
  ).ballot;
  const [zhang, li] = election.items[0].candidates.map((candidate: { id: string }) => candidate.id);
  await post(`/api/ballots/${election.id}/open`);
  await castAll(
    congress,
    election.id,
    [zhang, zhang, zhang, zhang, li, li, li].map((id) => [{ candidateIds: [id] }]),
  );
  await closeBallot(congress, election.id);
  await publishBallot(congress, election.id);

  // Closed, counted, never published: nothing of it may leave the console.
  const hidden = (await post(`/api/meetings/${congress.meetingId}/ballots`, { title: '关于内部福利调整的表决', items: [{ kind: 'approval', title: '关于内部福利调整的表决' }] }, 201)).ballot;
  await post(`/api/ballots/${hidden.id}/open`);
  await castAll(congress, hidden.id, [['no'], ['no']]);
  await closeBallot(congress, hidden.id);

  await post(`/api/meetings/${congress.meetingId}/close`);
  await post(`/api/sessions/${sessionId}/close`);
  hall.clock.advanceDays(1);
  await post(`/api/sessions/${sessionId}/notice/publish`);
  const adopted = (await get(`/api/resolutions/${resolution.id}`)).resolution;
  return { hall, get, sessionId, motion, adopted, adoption, election: election.id as string, hidden: hidden.id as string };
}

describe('what a session leaves behind', () => {
  it('states the same figures everywhere, in the official layout, with an archive whose manifest hashes every file', { timeout: 120_000 }, async () => {
    const { hall, get, sessionId, motion, adopted, adoption, election, hidden } = await closedSession();

    // The resolution: drafted from the sitting's figures, its result clause written from the tally.
    expect(adopted.state).toBe('adopted');
    expect(adopted.body).toContain('会议应到代表8人，实到7人');
    expect(adopted.resultClause).toBe('经无记名投票表决，应到代表8人，实到7人，赞成5票，反对1票，弃权1票，超过全体代表的半数，本决议通过。');

    // The public notice: exactly the published ballots, each as its own public result; the resolution; the motion.
    const publicNotice = await hall.app.inject({ method: 'GET', url: `/api/public/sessions/${sessionId}` });
    expect(publicNotice.statusCode).toBe(200);
    const { notice } = publicNotice.json();
    const ownResults = await Promise.all([adoption, election].map(async (id) => (await hall.app.inject({ method: 'GET', url: `/api/public/ballots/${id}` })).json()));
    expect([...notice.ballots].sort((a, b) => a.ballot.id.localeCompare(b.ballot.id))).toEqual(ownResults.sort((a, b) => a.ballot.id.localeCompare(b.ballot.id)));
    expect(notice.resolutions).toEqual([expect.objectContaining({ id: adopted.id, title: adopted.title, text: adopted.text, outcome: 'adopted', resultClause: adopted.resultClause })]);
    expect(notice.motions).toEqual([expect.objectContaining({ subject: motion.subject })]);
    expect(publicNotice.body).not.toContain('关于内部福利调整的表决');
    expect(publicNotice.body).not.toContain(hidden);
    const electionResult = notice.ballots.find((entry: { ballot: { id: string } }) => entry.ballot.id === election).ballot.result;
    expect(electionResult.present).toBe(7);
    expect(electionResult.eligible).toBe(8);

    // The report to the higher union states the same attendance, results and resolution.
    const { report } = await get(`/api/sessions/${sessionId}/report`);
    expect(report.sittings).toEqual([expect.objectContaining({ eligible: 8, present: 7 })]);
    const reportText = JSON.stringify(report.document);
    expect(reportText).toContain(`${adopted.title}（通过）`);
    expect(reportText).toContain('补选工会委员');
    // The report is the secretariat's own: it names the closed ballot too, marked as not published.
    expect(report.ballots).toEqual(expect.arrayContaining([expect.objectContaining({ ballotId: hidden, published: false })]));

    // Every .docx: the GB/T 9704 page, and the figures above in its text.
    const docx = async (url: string) => {
      const response = await hall.app.inject({ method: 'GET', url, headers: hall.secretary });
      expect(response.statusCode, url).toBe(200);
      const read = await readDocx(response.rawPayload);
      expectOfficialLayout(read);
      return read.text;
    };
    expect(await docx(`/api/sessions/${sessionId}/resolutions/docx`)).toContain(adopted.resultClause);
    const noticeText = await docx(`/api/sessions/${sessionId}/notice/docx`);
    expect(noticeText).toContain(adopted.resultClause);
    expect(noticeText).toContain('张三');
    expect(noticeText).toContain(motion.subject);
    expect(noticeText).not.toContain('关于内部福利调整的表决');
    expect(await docx(`/api/sessions/${sessionId}/report/docx`)).toContain(adopted.title);
    expect(await docx(`/api/sessions/${sessionId}/credentials/docx`)).toContain('代表资格审查报告');
    expect(await docx(`/api/meetings/${hall.congress.meetingId}/script/docx`)).toContain('实到');
    expect(await docx(`/api/motions/register?format=docx&meetingId=${hall.congress.meetingId}`)).toContain(motion.subject);

    // The archive: every file's SHA-256 and size as its manifest says; the papers in both forms; nothing unpublished.
    const archive = await hall.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/archive`, headers: hall.secretary });
    expect(archive.statusCode).toBe(200);
    const entries = await unzip(archive.rawPayload);
    expect(entries.at(-1)!.path).toBe('manifest.json');
    const manifest = JSON.parse(entries.at(-1)!.bytes.toString('utf8'));
    const files = entries.slice(0, -1);
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual(files.map((file) => file.path));
    for (const [index, file] of files.entries()) {
      expect(manifest.files[index].sha256, file.path).toBe(sha256(file.bytes));
      expect(manifest.files[index].size, file.path).toBe(file.bytes.length);
    }
    const paths = files.map((file) => file.path);
    for (const paper of ['决议', '会议公告', '职代会召开情况报告']) expect(paths).toEqual(expect.arrayContaining([`${paper}.docx`, `${paper}.pdf`]));
    expect(paths).toEqual(expect.arrayContaining(['议程.pdf', '代表资格审查报告.pdf', '审计日志.csv']));
    expect(paths.filter((path) => path.includes('/表决结果/'))).toHaveLength(2);
    expect(paths.some((path) => path.includes('内部福利'))).toBe(false);
    expect(manifest.unpublishedBallots).toEqual([{ id: hidden, title: '关于内部福利调整的表决', state: 'closed' }]);
    const archivedResolutions = await readDocx(files.find((file) => file.path === '决议.docx')!.bytes);
    expectOfficialLayout(archivedResolutions);
    expect(archivedResolutions.text).toContain(adopted.resultClause);
  });
});
