// A pay scheme through 二上二下 with three delegations: issued down, opinions from representatives
// and an attendee, consolidated by each delegation (one by the secretariat on its behalf), answered
// by the drafting department, revised with a report and a diff, a second round, and a secret ballot
// that passes with more than half of all representatives.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../support/congress.js';
import { act, createDocument, type DocumentHall, documentHall, inDays, opinion, opinionsBy, PAY_SCHEME_V2, quickRound, saveDraft, view } from '../support/documents.js';
import { castAll, closeBallot, expectError, publishBallot } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(): Promise<DocumentHall> {
  const hall = await documentHall(9);
  app = hall.app;
  return hall;
}

describe('a document through two rounds and the vote', () => {
  it('goes down twice, comes up twice, and passes by secret ballot with more than half of all nine representatives', async () => {
    const h = await start();
    const created = await createDocument(h);
    expect(created).toMatchObject({ state: 'drafting', roundsPlanned: 2, draftingDepartment: { id: h.departmentId, name: '人力资源部' }, kindName: '分配方案' });
    expect(created.draft.blocks.map((block: any) => block.label)).toEqual(['第一章', '第一条', '第二条', '第三条', '第四条']);

    // 一下: the secretary issues version 1 with a deadline; representatives now see it.
    let document = await act(h, h.secretary, created.id, 'issue', { deadline: inDays(h, 7) });
    expect(document).toMatchObject({
      state: 'collecting',
      currentRound: 1,
      deadlineAt: inDays(h, 7),
      draft: null,
      currentVersion: { number: 1, issuedFor: 'round', diff: null, adoptionReport: null },
    });
    const version1 = document.currentVersion.id;
    expect((await view(h, h.representative(5), created.id)).currentVersion.blocks).toHaveLength(5);

    // Opinions, each on a clause: delegation 1 (representatives 0, 3, 6 and the attendee), 2 (1, 4, 7), 3 (2, 5, 8).
    await opinion(h, h.representative(3), created.id, 'b3', '适用范围应明确为在岗职工');
    await opinion(h, h.representative(6), created.id, 'b3', '建议写明"在岗"职工');
    await opinion(h, h.attendee, created.id, 'b5', '高温津贴应写明标准');
    await opinion(h, h.representative(4), created.id, 'b4', '夜班津贴提高到每班60元');
    await opinion(h, h.representative(5), created.id, 'b2', '请补充方案的施行日期');
    document = await view(h, h.secretary, created.id);
    expect(document.rounds[0].opinionCounts.map((entry: any) => entry.opinions)).toEqual([3, 1, 1]);
    expect(opinionsBy(document, '列席1')[0]).toMatchObject({ memberRole: 'attendee', anchor: 'b5', versionId: version1, fate: 'pending' });
    // A representative sees their own opinions only.
    expect((await view(h, h.representative(4), created.id)).rounds[0].opinions.map((entry: any) => entry.content)).toEqual(['夜班津贴提高到每班60元']);

    // 一上: each delegation consolidates; the first merges two opinions and drops the attendee's.
    await act(h, h.secretary, created.id, 'end-collection');
    const [fromThree, fromSix] = [opinionsBy(document, '代表4')[0].id, opinionsBy(document, '代表7')[0].id];
    await act(h, h.leader(0), created.id, 'submissions', { items: [{ anchor: 'b3', content: '适用范围明确为在岗职工', sourceOpinionIds: [fromThree, fromSix] }], note: '高温津贴标准另行规定,不列入' });
    await act(h, h.leader(1), created.id, 'submissions', { items: [{ anchor: 'b4', content: '夜班津贴提高到每班60元', sourceOpinionIds: [opinionsBy(document, '代表5')[0].id] }] });
    // The third delegation's leader is away: the secretariat consolidates on its behalf (代为汇总).
    document = await act(h, h.secretary, created.id, 'submissions', {
      delegationId: h.congress.delegationIds[2],
      items: [{ anchor: 'b2', content: '补充施行日期', sourceOpinionIds: [opinionsBy(document, '代表6')[0].id] }],
    });
    const round1 = document.rounds[0];
    expect(round1.submissions.map((entry: any) => [entry.delegationName, entry.submittedByName])).toEqual([
      ['第1代表团', '代表1'],
      ['第2代表团', '代表2'],
      ['第3代表团', expect.any(String)],
    ]);
    expect(opinionsBy(document, '列席1')[0].fate).toBe('dropped');
    expect(opinionsBy(document, '代表4')[0].fate).toBe('included');

    // 二下: the drafting department answers every consolidated opinion; the round cannot close before.
    await act(h, h.secretary, created.id, 'end-consolidation');
    const [scope, night, commence] = round1.consolidated;
    await act(h, h.drafter, created.id, 'responses', { consolidatedId: scope.id, outcome: 'adopted', changedAnchors: ['b3'] });
    const refused = await h.app.inject({ method: 'POST', url: `/api/documents/${created.id}/close-round`, headers: h.secretary });
    expectError(refused, 409, 'DOCUMENT_UNANSWERED');
    expect(refused.json().details).toMatchObject({ unanswered: 2, roundNumber: 1 });
    await act(h, h.drafter, created.id, 'responses', { consolidatedId: night.id, outcome: 'partly_adopted', reason: '考虑企业承受能力,提高到每班50元', changedAnchors: ['b4'] });
    await act(h, h.drafter, created.id, 'responses', { consolidatedId: commence.id, outcome: 'adopted', changedAnchors: ['b6'] });
    document = await act(h, h.secretary, created.id, 'close-round');
    expect(document).toMatchObject({ state: 'revising', adoption: { consolidated: 3, adopted: 2, partlyAdopted: 1, notAdopted: 0, unanswered: 0 } });

    // The revision carries the adoption report and a diff whose changes name the opinions they answer.
    await saveDraft(h, h.drafter, created.id, PAY_SCHEME_V2);
    const preview = (await call(h.app, { method: 'GET', url: `/api/documents/${created.id}/draft/preview`, headers: h.drafter })).version;
    expect(preview.diff.counts).toEqual({ unchanged: 3, changed: 2, added: 1, removed: 0 });
    document = await act(h, h.secretary, created.id, 'issue', { deadline: inDays(h, 5) });
    const version2 = document.currentVersion;
    expect(version2).toMatchObject({
      number: 2,
      previousVersionId: version1,
      adoptionReport: { roundNumber: 1, counts: { opinions: 5, consolidated: 3, adopted: 2, partlyAdopted: 1, notAdopted: 0, dropped: 1 } },
    });
    expect(version2.diff.changes.filter((change: any) => change.kind !== 'unchanged').map((change: any) => [change.kind, change.newAnchor, change.answers])).toEqual([
      ['changed', 'b3', [scope.id]],
      ['changed', 'b4', [night.id]],
      ['added', 'b6', [commence.id]],
    ]);
    expect(version2.adoptionReport.markdown).toContain('处理:部分采纳。考虑企业承受能力,提高到每班50元');

    // 二上: one more opinion, consolidated and answered; the last round closes into the vote.
    await opinion(h, h.representative(7), created.id, 'b4', '同意修改稿,建议夜班津贴每年调整');
    const second = await view(h, h.leader(1), created.id);
    await act(h, h.secretary, created.id, 'end-collection');
    await act(h, h.leader(1), created.id, 'submissions', { items: [{ anchor: 'b4', content: '建议夜班津贴每年调整', sourceOpinionIds: second.rounds[1].opinions.map((entry: any) => entry.id) }] });
    await act(h, h.leader(0), created.id, 'submissions', { items: [], note: '本团同意修改稿' });
    document = await act(h, h.secretary, created.id, 'end-consolidation');
    await act(h, h.drafter, created.id, 'responses', { consolidatedId: document.rounds[1].consolidated[0].id, outcome: 'not_adopted', reason: '津贴调整按集体协商机制另行确定' });
    document = await act(h, h.secretary, created.id, 'close-round');
    expect(document).toMatchObject({ state: 'final', stateName: '待表决', adoption: { consolidated: 4, adopted: 2, partlyAdopted: 1, notAdopted: 1 } });

    // The final text goes on a secret ballot; nine representatives, 5 yes passes (more than 4.5).
    document = await call(h.app, { method: 'POST', url: `/api/documents/${created.id}/ballot`, headers: h.secretary, payload: {} }).then((body) => body.document);
    expect(document.state).toBe('voting');
    const [vote] = document.votes;
    expect(vote).toMatchObject({ itemIndex: 0, itemTitle: '关于《工资分配方案》的表决', versionId: version2.id, outcome: null, ballot: { secrecy: 'secret', state: 'draft' } });
    expect(vote.ballot.items[0]).toMatchObject({ kind: 'approval', passingRule: 'all_majority', majorityWording: 'majorityStrict' });
    await call(h.app, { method: 'POST', url: `/api/ballots/${vote.ballotId}/open`, headers: h.secretary, payload: {} });
    await castAll(h.congress, vote.ballotId, [['yes'], ['yes'], ['yes'], ['yes'], ['yes'], ['no'], ['no'], ['abstain']]);
    await closeBallot(h.congress, vote.ballotId);
    await publishBallot(h.congress, vote.ballotId);

    document = await view(h, h.representative(8), created.id);
    expect(document).toMatchObject({ state: 'approved', outcome: 'approved', votes: [{ outcome: 'approved', versionId: version2.id }] });
    expect(document.votes[0].ballot.result.items[0]).toMatchObject({ counts: { yes: 5, no: 2, abstain: 1 }, base: 9, required: 5, passed: true });
    expect(document.history.map((entry: any) => entry.event)).toEqual([
      'create',
      'issue',
      'endCollection',
      'consolidate',
      'consolidate',
      'consolidate',
      'endConsolidation',
      'closeRound',
      'saveDraft',
      'issue',
      'endCollection',
      'consolidate',
      'consolidate',
      'endConsolidation',
      'closeFinalRound',
      'putToVote',
      'ballotApproved',
    ]);
    expect(document.allowedEvents).toEqual([]);

    // The printable record holds both rounds' tables, the figures and the vote.
    const { record } = await call(h.app, { method: 'GET', url: `/api/documents/${created.id}/record`, headers: h.secretary });
    expect(record.rounds.map((round: any) => [round.names.down, round.opinions, round.report.counts.consolidated])).toEqual([
      ['一下', 5, 3],
      ['二下', 1, 1],
    ]);
    expect(record.rounds[0].originals).toHaveLength(5);
    expect(record.adoption).toEqual({ consolidated: 4, adopted: 2, partlyAdopted: 1, notAdopted: 1, unanswered: 0 });
    expect(record.votes[0]).toMatchObject({ outcome: 'approved', ballot: { state: 'published' } });
  });

  it('fails with four yes of nine however few vote against, and a rejected document starts a new round', async () => {
    const h = await start();
    const created = await createDocument(h, { rounds: 1 });
    await quickRound(h, created.id);
    let document = await call(h.app, { method: 'POST', url: `/api/documents/${created.id}/ballot`, headers: h.secretary, payload: {} }).then((body) => body.document);
    const ballotId = document.votes[0].ballotId;
    await call(h.app, { method: 'POST', url: `/api/ballots/${ballotId}/open`, headers: h.secretary, payload: {} });
    await castAll(h.congress, ballotId, [['yes'], ['yes'], ['yes'], ['yes'], ['no'], ['abstain']]);
    await closeBallot(h.congress, ballotId);
    await publishBallot(h.congress, ballotId);
    document = await view(h, h.secretary, created.id);
    expect(document).toMatchObject({ state: 'rejected', outcome: 'rejected' });
    expect(document.allowedEvents).toEqual(['startRound']);
    expectError(await h.app.inject({ method: 'POST', url: `/api/documents/${created.id}/new-round`, headers: h.secretary, payload: { reason: ' ' } }), 400, 'VALIDATION_FAILED');
    document = await act(h, h.secretary, created.id, 'new-round', { reason: '按代表意见修改后重新征求意见' });
    expect(document).toMatchObject({ state: 'revising', roundsPlanned: 2 });
    await saveDraft(h, h.drafter, created.id, PAY_SCHEME_V2);
    document = await act(h, h.secretary, created.id, 'issue', { deadline: inDays(h, 3) });
    expect(document).toMatchObject({ state: 'collecting', currentRound: 2, currentVersion: { number: 2 } });
  });

  it('puts two documents on one ballot sheet, item by item, each with its own result', async () => {
    const h = await start();
    const pay = await createDocument(h, { rounds: 1 });
    const rules = await createDocument(h, { rounds: 1, title: '考勤管理办法', kind: 'rules' });
    await quickRound(h, pay.id);
    await quickRound(h, rules.id);
    const first = (await call(h.app, { method: 'POST', url: `/api/documents/${pay.id}/ballot`, headers: h.secretary, payload: { ballotTitle: '第三届第二次职代会表决票' } })).document;
    const ballotId = first.votes[0].ballotId;
    const second = (await call(h.app, { method: 'POST', url: `/api/documents/${rules.id}/ballot`, headers: h.secretary, payload: { ballotId } })).document;
    expect(second.votes[0]).toMatchObject({ ballotId, itemIndex: 1, itemTitle: '关于《考勤管理办法》的表决' });
    expect(second.votes[0].ballot.items.map((item: any) => item.title)).toEqual(['关于《工资分配方案》的表决', '关于《考勤管理办法》的表决']);
    await call(h.app, { method: 'POST', url: `/api/ballots/${ballotId}/open`, headers: h.secretary, payload: {} });
    const papers = Array.from({ length: 9 }, (_, index) => [index < 6 ? 'yes' : 'no', index < 3 ? 'yes' : 'no']);
    await castAll(h.congress, ballotId, papers);
    await closeBallot(h.congress, ballotId);
    await publishBallot(h.congress, ballotId);
    expect((await view(h, h.secretary, pay.id)).outcome).toBe('approved');
    expect((await view(h, h.secretary, rules.id)).outcome).toBe('rejected');
  });

  it('goes back to awaiting the vote when its draft ballot is deleted before opening, and the same text goes on the next ballot', async () => {
    const h = await start();
    const created = await createDocument(h, { rounds: 1 });
    await quickRound(h, created.id);
    await saveDraft(h, h.drafter, created.id, PAY_SCHEME_V2);
    let document = (await call(h.app, { method: 'POST', url: `/api/documents/${created.id}/ballot`, headers: h.secretary, payload: {} })).document;
    const [first] = document.votes;
    expect(document.versions.map((version: any) => [version.number, version.issuedFor])).toEqual([
      [1, 'round'],
      [2, 'vote'],
    ]);
    await call(h.app, { method: 'DELETE', url: `/api/ballots/${first.ballotId}`, headers: h.secretary });
    document = await view(h, h.secretary, created.id);
    expect(document).toMatchObject({ state: 'final', votes: [] });
    expect(document.history.at(-1)).toMatchObject({ event: 'ballotWithdrawn', from: 'voting', to: 'final' });
    document = (await call(h.app, { method: 'POST', url: `/api/documents/${created.id}/ballot`, headers: h.secretary, payload: {} })).document;
    expect(document.votes[0]).toMatchObject({ versionId: first.versionId, outcome: null });
  });
});
