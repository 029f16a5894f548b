// Bad input and forbidden moves on documents: each is a 4xx with a stable code, the state named
// where it matters, and nothing changed.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../support/congress.js';
import { act, attempt, createDocument, type DocumentHall, documentHall, inDays, opinion, opinionsBy, PAY_SCHEME_V2, quickRound, saveDraft, view } from '../support/documents.js';
import { makeDocx, makeZip } from '../support/docx.js';
import { fileUpload } from '../support/multipart.js';
import { expectError, rowCount } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(): Promise<DocumentHall> {
  const hall = await documentHall(6);
  app = hall.app;
  return hall;
}

/** The rows that any move could touch, to show a refusal changed nothing. */
function snapshot(h: DocumentHall) {
  const tables = [
    'document',
    'document_version',
    'document_round',
    'document_opinion',
    'document_submission',
    'document_consolidated',
    'document_response',
    'document_ballot_item',
    'state_transition',
    'ballot',
  ];
  const counts = Object.fromEntries(tables.map((table) => [table, rowCount(h.app, table)]));
  const states = h.app.yishi.sqlite.prepare('SELECT id, state, updated_at, rounds_planned FROM document ORDER BY id').all();
  const versions = h.app.yishi.sqlite.prepare('SELECT id, text, issued_at FROM document_version ORDER BY id').all();
  return { counts, states, versions };
}

async function collecting(h: DocumentHall) {
  const document = await createDocument(h);
  await act(h, h.secretary, document.id, 'issue', { deadline: inDays(h, 7) });
  return document.id as string;
}

describe('refusals on documents', () => {
  it('names the current state when a move does not fit it, and changes nothing', async () => {
    const h = await start();
    const id = await collecting(h);
    const before = snapshot(h);
    const early = await attempt(h, h.secretary, id, 'close-round');
    expectError(early, 409, 'DOCUMENT_STATE');
    expect(early.json().details).toEqual({ state: 'collecting', stateZh: '征求意见中', event: 'closeRound' });
    expectError(await attempt(h, h.leader(0), id, 'submissions', { items: [] }), 409, 'DOCUMENT_STATE');
    expectError(await h.app.inject({ method: 'PUT', url: `/api/documents/${id}/draft`, headers: h.drafter, payload: { text: '改写已发出的版本' } }), 409, 'DOCUMENT_STATE');
    expectError(await attempt(h, h.secretary, id, 'ballot', {}), 409, 'DOCUMENT_STATE');
    expect(snapshot(h)).toEqual(before);
  });

  it('refuses each party what the table does not give it', async () => {
    const h = await start();
    const id = await collecting(h);
    const before = snapshot(h);
    expectError(await attempt(h, h.representative(3), id, 'end-collection'), 403, 'FORBIDDEN');
    expectError(await attempt(h, h.drafter, id, 'end-collection'), 403, 'FORBIDDEN');
    expectError(await attempt(h, h.committee, id, 'opinions', { anchor: 'b2', content: '委员会不提意见' }), 403, 'FORBIDDEN');
    expectError(await attempt(h, h.secretary, id, 'opinions', { anchor: 'b2', content: '秘书处不提意见' }), 403, 'FORBIDDEN');
    // A handler of another department does not even see the document.
    expectError(await h.app.inject({ method: 'GET', url: `/api/documents/${id}`, headers: h.otherHandler }), 404, 'DOCUMENT_NOT_FOUND');
    expectError(await h.app.inject({ method: 'GET', url: `/api/documents/${id}`, headers: { authorization: 'Bearer nonsense' } }), 401, 'UNAUTHENTICATED');
    expect(snapshot(h)).toEqual(before);
  });

  it('keeps a draft from representatives until it is issued', async () => {
    const h = await start();
    const document = await createDocument(h);
    expectError(await h.app.inject({ method: 'GET', url: `/api/documents/${document.id}`, headers: h.representative(1) }), 404, 'DOCUMENT_NOT_FOUND');
    const listed = await call(h.app, { method: 'GET', url: `/api/meetings/${h.congress.meetingId}/documents`, headers: h.representative(1) });
    expect(listed.documents).toEqual([]);
  });

  it('takes an opinion only on a block of the issued version, before the deadline, and says which rule it broke', async () => {
    const h = await start();
    const id = await collecting(h);
    const before = snapshot(h);
    expectError(await attempt(h, h.representative(1), id, 'opinions', { anchor: 'b99', content: '没有这一条' }), 400, 'DOCUMENT_ANCHOR_UNKNOWN');
    expectError(await attempt(h, h.representative(1), id, 'opinions', { anchor: '第三条', content: '锚点格式不对' }), 400, 'VALIDATION_FAILED');
    expectError(await attempt(h, h.representative(1), id, 'opinions', { anchor: 'b2', content: '   ' }), 400, 'VALIDATION_FAILED');
    expectError(await attempt(h, h.representative(1), id, 'opinions', { anchor: 'b2', content: '多余字段', memberId: 'x' }), 400, 'VALIDATION_FAILED');
    h.clock.advanceDays(8);
    const late = await attempt(h, h.representative(1), id, 'opinions', { anchor: 'b2', content: '超过截止时间' });
    expectError(late, 409, 'DOCUMENT_DEADLINE_PASSED');
    expect(snapshot(h)).toEqual(before);
    // The secretary may move the deadline; then the opinion is taken.
    expectError(await attempt(h, h.secretary, id, 'deadline', { deadline: inDays(h, -1) }), 400, 'DOCUMENT_DEADLINE_INVALID');
    await act(h, h.secretary, id, 'deadline', { deadline: inDays(h, 2) });
    await opinion(h, h.representative(1), id, 'b2', '延期后提交');
  });

  it('refuses a deadline in the past and an issue with no draft, issuing nothing', async () => {
    const h = await start();
    const document = await createDocument(h);
    const before = snapshot(h);
    expectError(await attempt(h, h.secretary, document.id, 'issue', { deadline: inDays(h, -1) }), 400, 'DOCUMENT_DEADLINE_INVALID');
    expectError(await attempt(h, h.secretary, document.id, 'issue', { deadline: 'next friday' }), 400, 'VALIDATION_FAILED');
    expect(snapshot(h)).toEqual(before);
    await quickRound(h, document.id);
    expectError(await attempt(h, h.secretary, document.id, 'issue', { deadline: inDays(h, 3) }), 409, 'DOCUMENT_NO_DRAFT');
  });

  it('refuses a submission that cites another delegation’s opinions or one opinion twice, and a leader sending for another delegation', async () => {
    const h = await start();
    const id = await collecting(h);
    await opinion(h, h.representative(3), id, 'b3', '第一代表团的意见');
    await opinion(h, h.representative(4), id, 'b4', '第二代表团的意见');
    await act(h, h.secretary, id, 'end-collection');
    const seen = await view(h, h.secretary, id);
    const [mine, theirs] = [opinionsBy(seen, '代表4')[0].id, opinionsBy(seen, '代表5')[0].id];
    const before = snapshot(h);
    expectError(await attempt(h, h.leader(0), id, 'submissions', { items: [{ anchor: 'b3', content: '汇总', sourceOpinionIds: [mine, theirs] }] }), 400, 'DOCUMENT_SUBMISSION_INVALID');
    expectError(
      await attempt(h, h.leader(0), id, 'submissions', {
        items: [
          { anchor: 'b3', content: '一', sourceOpinionIds: [mine] },
          { anchor: 'b3', content: '二', sourceOpinionIds: [mine] },
        ],
      }),
      400,
      'DOCUMENT_SUBMISSION_INVALID',
    );
    expectError(await attempt(h, h.leader(0), id, 'submissions', { delegationId: h.congress.delegationIds[1], items: [] }), 403, 'FORBIDDEN');
    expectError(await attempt(h, h.representative(3), id, 'submissions', { items: [] }), 403, 'FORBIDDEN');
    expectError(await attempt(h, h.secretary, id, 'submissions', { items: [] }), 400, 'VALIDATION_FAILED');
    expect(snapshot(h)).toEqual(before);
    // Consolidation cannot end while a delegation with opinions has not sent them up; the error names it.
    await act(h, h.leader(0), id, 'submissions', { items: [{ anchor: 'b3', content: '汇总', sourceOpinionIds: [mine] }] });
    const missing = await attempt(h, h.secretary, id, 'end-consolidation');
    expectError(missing, 409, 'DOCUMENT_SUBMISSIONS_MISSING');
    expect(missing.json().details).toEqual({ delegations: [{ id: h.congress.delegationIds[1], name: '第2代表团' }] });
  });

  it('wants a reason for anything not adopted, and an answer only from the drafters', async () => {
    const h = await start();
    const id = await collecting(h);
    await opinion(h, h.representative(3), id, 'b3', '意见');
    await act(h, h.secretary, id, 'end-collection');
    const seen = await view(h, h.secretary, id);
    await act(h, h.leader(0), id, 'submissions', { items: [{ anchor: 'b3', content: '意见', sourceOpinionIds: [seen.rounds[0].opinions[0].id] }] });
    const consolidatedId = (await act(h, h.secretary, id, 'end-consolidation')).rounds[0].consolidated[0].id;
    const before = snapshot(h);
    expectError(await attempt(h, h.drafter, id, 'responses', { consolidatedId, outcome: 'not_adopted' }), 400, 'VALIDATION_FAILED');
    expectError(await attempt(h, h.drafter, id, 'responses', { consolidatedId, outcome: 'maybe', reason: '?' }), 400, 'VALIDATION_FAILED');
    expectError(await attempt(h, h.drafter, id, 'responses', { consolidatedId: 'AAAAAAAAAAAAAAAA', outcome: 'adopted' }), 404, 'DOCUMENT_OPINION_NOT_FOUND');
    expectError(await attempt(h, h.otherHandler, id, 'responses', { consolidatedId, outcome: 'adopted' }), 404, 'DOCUMENT_NOT_FOUND');
    expectError(await attempt(h, h.committee, id, 'responses', { consolidatedId, outcome: 'adopted' }), 403, 'FORBIDDEN');
    expect(snapshot(h)).toEqual(before);
  });

  it('refuses to issue a revision whose responses name blocks it does not have', async () => {
    const h = await start();
    const document = await createDocument(h);
    await act(h, h.secretary, document.id, 'issue', { deadline: inDays(h, 7) });
    await opinion(h, h.representative(3), document.id, 'b3', '意见');
    await act(h, h.secretary, document.id, 'end-collection');
    const seen = await view(h, h.secretary, document.id);
    await act(h, h.leader(0), document.id, 'submissions', { items: [{ anchor: 'b3', content: '意见', sourceOpinionIds: [seen.rounds[0].opinions[0].id] }] });
    const consolidatedId = (await act(h, h.secretary, document.id, 'end-consolidation')).rounds[0].consolidated[0].id;
    await act(h, h.drafter, document.id, 'responses', { consolidatedId, outcome: 'adopted', changedAnchors: ['b40'] });
    await act(h, h.secretary, document.id, 'close-round');
    await saveDraft(h, h.drafter, document.id, PAY_SCHEME_V2);
    const before = snapshot(h);
    const refused = await attempt(h, h.secretary, document.id, 'issue', { deadline: inDays(h, 3) });
    expectError(refused, 400, 'DOCUMENT_ANCHOR_UNKNOWN');
    expect(refused.json().details).toMatchObject({ anchors: ['b40'] });
    expect(snapshot(h)).toEqual(before);
    // The drafters correct the link, and the revision goes down.
    await act(h, h.drafter, document.id, 'changed-anchors', { consolidatedId, changedAnchors: ['b3'] });
    const issued = await act(h, h.secretary, document.id, 'issue', { deadline: inDays(h, 3) });
    expect(issued.currentVersion.diff.changes.find((change: any) => change.newAnchor === 'b3').answers).toEqual([consolidatedId]);
  });

  it('refuses bad document fields, fewer rounds than held, and a ballot that cannot carry the document', async () => {
    const h = await start();
    const url = `/api/meetings/${h.congress.meetingId}/documents`;
    const before = snapshot(h);
    expectError(await h.app.inject({ method: 'POST', url, headers: h.secretary, payload: { title: '方案', kind: 'budget', draftingDepartmentName: '工会' } }), 400, 'VALIDATION_FAILED');
    expectError(
      await h.app.inject({ method: 'POST', url, headers: h.secretary, payload: { title: '方案', kind: 'rules', draftingDepartmentName: '工会', draftingDepartmentId: h.departmentId } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await h.app.inject({ method: 'POST', url, headers: h.secretary, payload: { title: '方案', kind: 'rules', draftingDepartmentName: '工会', rounds: 0 } }), 400, 'VALIDATION_FAILED');
    expectError(await h.app.inject({ method: 'POST', url, headers: h.secretary, payload: { title: '方案', kind: 'rules', draftingDepartmentId: 'AAAAAAAAAAAAAAAA' } }), 404, 'DEPARTMENT_NOT_FOUND');
    expectError(await h.app.inject({ method: 'POST', url, headers: h.drafter, payload: { title: '方案', kind: 'rules', draftingDepartmentName: '工会' } }), 403, 'FORBIDDEN');
    expect(snapshot(h)).toEqual(before);

    const document = await createDocument(h, { rounds: 1 });
    await quickRound(h, document.id);
    const held = await h.app.inject({ method: 'PATCH', url: `/api/documents/${document.id}`, headers: h.secretary, payload: { rounds: 2 } });
    expectError(held, 409, 'DOCUMENT_ROUNDS_INVALID');
    const { ballot: named } = await call(
      h.app,
      {
        method: 'POST',
        url: `/api/meetings/${h.congress.meetingId}/ballots`,
        headers: h.secretary,
        payload: { title: '记名表决', secrecy: 'named', items: [{ kind: 'approval', title: '记名事项' }] },
      },
      201,
    );
    const ready = snapshot(h);
    expectError(await attempt(h, h.secretary, document.id, 'ballot', { ballotId: named.id }), 409, 'DOCUMENT_BALLOT_INVALID');
    expectError(await attempt(h, h.secretary, document.id, 'ballot', { passingRule: 'most_votes' }), 400, 'VALIDATION_FAILED');
    expect(snapshot(h)).toEqual(ready);
  });
});

describe('a draft uploaded as a Word file', () => {
  function upload(h: DocumentHall, documentId: string, content: Buffer, filename: string, type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
    const body = fileUpload(content, filename, type);
    return h.app.inject({ method: 'POST', url: `/api/documents/${documentId}/draft/docx`, headers: { ...h.drafter, ...body.headers }, payload: body.payload });
  }

  it('becomes the draft’s text, paragraph by paragraph, and the original file is kept for download', async () => {
    const h = await start();
    const document = await createDocument(h, { text: undefined });
    const file = await makeDocx(['考勤管理办法', '第一条 为加强考勤管理,制定本办法。', '第二条 本办法适用于全体职工。']);
    const response = await upload(h, document.id, file, '考勤管理办法(征求意见稿).docx');
    expect(response.statusCode).toBe(200);
    const { draft } = response.json().document;
    expect(draft).toMatchObject({ source: 'docx', original: { filename: '考勤管理办法(征求意见稿).docx', size: file.length } });
    expect(draft.blocks.map((block: any) => block.label)).toEqual(['考勤管理办法', '第一条', '第二条']);
    const original = await h.app.inject({ method: 'GET', url: `/api/documents/${document.id}/versions/${draft.id}/original`, headers: h.secretary });
    expect(original.statusCode).toBe(200);
    expect(original.rawPayload.equals(file)).toBe(true);
    expect(original.headers['content-disposition']).toContain('attachment;');
  });

  it('refuses what is not a Word file, whatever it is called, and a zip with no document in it', async () => {
    const h = await start();
    const document = await createDocument(h);
    const before = snapshot(h);
    expectError(await upload(h, document.id, Buffer.from('%PDF-1.7 not word'), '方案.docx'), 415, 'DOCUMENT_FILE_TYPE');
    expectError(await upload(h, document.id, await makeZip(), '方案.docx'), 422, 'DOCUMENT_FILE_UNREADABLE');
    expect(snapshot(h)).toEqual(before);
  });
});
