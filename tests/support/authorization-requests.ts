// For every route, a well-formed request on a target of its own (a fresh ballot, motion, member…)
// in the state the move needs, so the only thing that can refuse it is who is asking.
import { makeDocx } from './docx.js';
import {
  arrange,
  type DocumentStage,
  type DocumentTarget,
  freshBallot,
  freshDocument,
  freshMeeting,
  freshMember,
  freshMotion,
  freshTerm,
  type Headers,
  type HallWorld,
  motionWithAttachment,
  PDF,
  type Role,
} from './hall-world.js';
import { motionFields } from './motions.js';
import { fileUpload } from './multipart.js';

export interface RouteCase {
  url: string;
  payload?: string | Buffer | object;
  /** Extra headers (a multipart content type); the role's credentials are added by the test. */
  headers?: Headers;
  /** The request ends the session it rides: sign the role in afresh for it. */
  freshSession?: boolean;
  /**
   * The code the target answers with for a reason of its own, past the permission (a ballot that
   * cannot adopt, nothing to confirm): a request that shows the role is let through without building
   * everything a success needs. The cross-site test accepts exactly this refusal from the same origin.
   */
  refusal?: string;
}

type Build = (world: HallWorld, role: Role) => Promise<RouteCase>;

/** The session (第N次会议) the main meeting sits in. */
const mainSession = (world: HallWorld): Promise<string> => sessionOf(world, world.meetingId);
/** A proposal for an extraordinary session of the hall's term (a representatives' one collects signatures). */
async function freshProposal(world: HallWorld, proposer: 'unit' | 'representatives' = 'representatives'): Promise<string> {
  const body = { proposer, subject: `议题${world.next()}`, reasons: '理由' };
  return (await arrange(world, { method: 'POST', url: `/api/terms/${world.termId}/extraordinary-proposals`, payload: body }, 201)).proposal.id;
}

/** A representative who never votes in the matrix's ballots: they hold its papers. */
const paperHolder = (world: HallWorld) => world.congress.representatives.at(-1)!.memberId;

/** A ballot closed with one paper out: its count is under way. */
async function countingBallot(world: HallWorld): Promise<string> {
  const ballotId = await freshBallot(world, 'draft');
  await arrange(world, { method: 'POST', url: `/api/ballots/${ballotId}/papers`, payload: { memberIds: [paperHolder(world)] } }, 201);
  await arrange(world, { method: 'POST', url: `/api/ballots/${ballotId}/open`, payload: {} });
  await arrange(world, { method: 'POST', url: `/api/ballots/${ballotId}/close` });
  return ballotId;
}

/** A counting ballot whose one paper came back, and a batch the teller opened for it. */
async function paperBatch(world: HallWorld): Promise<{ ballotId: string; batchId: string }> {
  const ballotId = await countingBallot(world);
  const teller = { headers: world.as.scrutineer };
  await arrange(world, { method: 'PUT', url: `/api/ballots/${ballotId}/paper-count/collected`, payload: { collected: 1 }, ...teller });
  const status = await arrange(world, { method: 'POST', url: `/api/ballots/${ballotId}/paper-count/batches`, ...teller }, 201);
  return { ballotId, batchId: status.batches.at(-1).id };
}

const receipt = (world: HallWorld) => `receipt-${world.next()}-abcdefghij`;
const csv = (world: HallWorld) => `姓名,工号,身份\n导入代表${world.next()},I-${world.next()},代表\n`;

type Stage = Parameters<typeof freshMotion>[1];
const onPaperFor = (role: Role) => ({ paper: role === 'secretary' });

/** A committee's or department's move on a fresh motion of the representative role. */
const moveOn =
  (stage: Stage, path: string, payload?: (world: HallWorld) => Promise<object> | object): Build =>
  async (world) => ({
    url: `/api/motions/${await freshMotion(world, stage)}/${path}`,
    ...(payload ? { payload: await payload(world) } : {}),
  });

/** A proposer's move: the representative role's own motion, or for the secretary a paper motion (代录). */
const proposerMove =
  (stage: Stage, path: string, payload?: object): Build =>
  async (world, role) => ({
    url: `/api/motions/${await freshMotion(world, stage, onPaperFor(role))}/${path}`,
    ...(payload ? { payload } : {}),
  });

const inDays = (world: HallWorld, days: number) => new Date(world.clock.now.getTime() + days * 86_400_000).toISOString();

/** A move through the documents' state table, on a fresh document in the stage it needs. */
const documentMove =
  (stage: DocumentStage, path: string, payload?: (target: DocumentTarget, world: HallWorld) => object): Build =>
  async (world) => {
    const target = await freshDocument(world, stage);
    return { url: `/api/documents/${target.documentId}/${path}`, ...(payload ? { payload: payload(target, world) } : {}) };
  };

/** Route key (`METHOD url`, as Fastify spells it) → how to make a valid request to it. */
export const routeCases: Record<string, Build> = {
  // The pages, the API documents and the static files: no credentials involved.
  'GET /': async () => ({ url: '/' }),
  'GET /assets/*': async () => ({ url: '/assets/no-such-file.js' }),
  'GET /admin': async () => ({ url: '/admin' }),
  'GET /admin/*': async () => ({ url: '/admin/meetings' }),
  'GET /join': async () => ({ url: '/join' }),
  'GET /v/:code': async (world) => ({ url: `/v/${world.congress.representatives[0]!.code}` }),
  'GET /display/:token': async (world) => ({ url: `/display/${world.displayToken}` }),
  'GET /results/:ballotId': async (world) => ({ url: `/results/${await freshBallot(world, 'published')}` }),
  'GET /api/docs': async () => ({ url: '/api/docs' }),
  'GET /api/docs/static/*': async () => ({ url: '/api/docs/static/swagger-ui.css' }),
  'GET /api/docs/json': async () => ({ url: '/api/docs/json' }),
  'GET /api/docs/yaml': async () => ({ url: '/api/docs/yaml' }),
  'GET /api/docs/static/index.html': async () => ({ url: '/api/docs/static/index.html' }),
  'GET /api/docs/static/swagger-initializer.js': async () => ({ url: '/api/docs/static/swagger-initializer.js' }),
  'GET /api/openapi.json': async () => ({ url: '/api/openapi.json' }),
  'GET /api/health': async () => ({ url: '/api/health' }),

  // Sessions and accounts.
  'POST /api/auth/login': async () => ({ url: '/api/auth/login', payload: { username: 'secretary', password: 'correct horse battery staple' } }),
  'POST /api/auth/logout': async () => ({ url: '/api/auth/logout', freshSession: true }),
  'GET /api/auth/me': async () => ({ url: '/api/auth/me' }),
  'GET /api/accounts': async () => ({ url: '/api/accounts' }),
  'POST /api/accounts': async (world) => ({ url: '/api/accounts', payload: { username: `jianpiao${world.next()}`, password: 'scrutineer-password-1', role: 'scrutineer' } }),
  'PATCH /api/accounts/:id': async (world) => {
    const { account } = await world.app
      .inject({ method: 'POST', url: '/api/accounts', headers: world.as.secretary, payload: { username: `lin${world.next()}`, password: 'scrutineer-password-1', role: 'scrutineer' } })
      .then((response) => response.json());
    return { url: `/api/accounts/${account.id}`, payload: { disabled: true } };
  },

  // The roster and access codes (on a term with no meeting in session).
  'GET /api/terms': async () => ({ url: '/api/terms' }),
  'POST /api/terms': async (world) => ({ url: '/api/terms', payload: { number: world.next() } }),
  'GET /api/terms/:termId/delegations': async (world) => ({ url: `/api/terms/${world.termId}/delegations` }),
  'POST /api/terms/:termId/delegations': async (world) => ({ url: `/api/terms/${await freshTerm(world)}/delegations`, payload: { name: `代表团${world.next()}` } }),
  'PATCH /api/delegations/:id': async (world) => {
    const { delegation } = await world.app
      .inject({ method: 'POST', url: `/api/terms/${await freshTerm(world)}/delegations`, headers: world.as.secretary, payload: { name: `代表团${world.next()}` } })
      .then((response) => response.json());
    return { url: `/api/delegations/${delegation.id}`, payload: { name: `改名${world.next()}` } };
  },
  'DELETE /api/delegations/:id': async (world) => {
    const { delegation } = await world.app
      .inject({ method: 'POST', url: `/api/terms/${await freshTerm(world)}/delegations`, headers: world.as.secretary, payload: { name: `代表团${world.next()}` } })
      .then((response) => response.json());
    return { url: `/api/delegations/${delegation.id}` };
  },
  'GET /api/terms/:termId/members': async (world) => ({ url: `/api/terms/${world.termId}/members` }),
  'POST /api/terms/:termId/members': async (world) => ({ url: `/api/terms/${await freshTerm(world)}/members`, payload: { name: `新代表${world.next()}`, staffNumber: `S-${world.next()}` } }),
  'PATCH /api/members/:id': async (world) => ({ url: `/api/members/${await freshMember(world)}`, payload: { name: `改名${world.next()}` } }),
  'DELETE /api/members/:id': async (world) => ({ url: `/api/members/${await freshMember(world)}` }),
  'POST /api/terms/:termId/members/import': async (world) => {
    const upload = fileUpload(csv(world), '名册.csv', 'text/csv');
    return { url: `/api/terms/${await freshTerm(world)}/members/import`, payload: upload.payload, headers: upload.headers };
  },
  'POST /api/members/:id/code': async (world) => ({ url: `/api/members/${await freshMember(world)}/code` }),
  'DELETE /api/members/:id/code': async (world) => {
    const memberId = await freshMember(world);
    await world.app.inject({ method: 'POST', url: `/api/members/${memberId}/code`, headers: world.as.secretary });
    return { url: `/api/members/${memberId}/code` };
  },
  'POST /api/terms/:termId/codes': async (world) => {
    const termId = await freshTerm(world);
    await freshMember(world, termId);
    return { url: `/api/terms/${termId}/codes`, payload: { scope: 'missing' } };
  },
  'POST /api/join': async (world) => ({ url: '/api/join', payload: { code: world.congress.representatives[3]!.code } }),

  // The credentials report of the main meeting's session; adopting it by a draft ballot of another
  // meeting is refused for its own reason (409), past the permission.
  'GET /api/sessions/:sessionId/credentials': async (world) => ({ url: `/api/sessions/${await mainSession(world)}/credentials` }),
  'GET /api/sessions/:sessionId/credentials/docx': async (world) => ({ url: `/api/sessions/${await mainSession(world)}/credentials/docx` }),
  'POST /api/sessions/:sessionId/credentials/adopt': async (world) => ({
    url: `/api/sessions/${await mainSession(world)}/credentials/adopt`,
    payload: { ballotId: await freshBallot(world, 'draft') },
    refusal: 'CREDENTIALS_BALLOT_INVALID',
  }),

  // Meetings, attendance and the live snapshot.
  'GET /api/meetings': async () => ({ url: '/api/meetings' }),
  'POST /api/meetings': async (world) => ({ url: '/api/meetings', payload: { termId: await freshTerm(world), title: `会议${world.next()}`, kind: 'congress', sessionNumber: 1 } }),
  'GET /api/meetings/:id': async (world) => ({ url: `/api/meetings/${world.meetingId}` }),
  'PATCH /api/meetings/:id': async (world) => ({ url: `/api/meetings/${await freshMeeting(world, false)}`, payload: { title: `改名${world.next()}` } }),
  'POST /api/meetings/:id/open': async (world) => ({ url: `/api/meetings/${await freshMeeting(world, false)}/open` }),
  'POST /api/meetings/:id/close': async (world) => ({ url: `/api/meetings/${await freshMeeting(world, true)}/close` }),
  'POST /api/meetings/:id/display-token': async (world) => ({ url: `/api/meetings/${await freshMeeting(world, false)}/display-token` }),
  'POST /api/meetings/:id/display/page': async (world) => ({ url: `/api/meetings/${world.meetingId}/display/page`, payload: { ballotId: await freshBallot(world, 'published'), step: 'next' } }),
  'GET /api/meetings/:id/live': async (world) => ({ url: `/api/meetings/${world.meetingId}/live` }),
  'GET /api/me': async () => ({ url: '/api/me' }),
  'GET /api/meetings/:id/attendance': async (world) => ({ url: `/api/meetings/${world.meetingId}/attendance` }),
  'GET /api/meetings/:id/script': async (world) => ({ url: `/api/meetings/${world.meetingId}/script` }),
  'GET /api/meetings/:id/script/docx': async (world) => ({ url: `/api/meetings/${world.meetingId}/script/docx` }),
  'PUT /api/meetings/:id/attendance/:memberId': async (world) => ({
    url: `/api/meetings/${world.meetingId}/attendance/${world.congress.representatives[5]!.memberId}`,
    payload: { status: 'present' },
  }),
  'POST /api/meetings/:id/check-in': async (world) => ({ url: `/api/meetings/${world.meetingId}/check-in` }),

  // Ballots.
  'GET /api/meetings/:id/ballots': async (world) => ({ url: `/api/meetings/${world.meetingId}/ballots` }),
  'POST /api/meetings/:id/ballots': async (world) => ({ url: `/api/meetings/${world.meetingId}/ballots`, payload: { title: `议题${world.next()}`, items: [{ kind: 'approval', title: '议题' }] } }),
  'GET /api/ballots/:id': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'open')}` }),
  'PATCH /api/ballots/:id': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'draft')}`, payload: { title: `改名${world.next()}` } }),
  'DELETE /api/ballots/:id': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'draft')}` }),
  'POST /api/ballots/:id/open': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'draft')}/open`, payload: {} }),
  'POST /api/ballots/:id/close': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'open')}/close` }),
  'DELETE /api/ballots/:id/confirmations/:step': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'open')}/confirmations/close` }),
  'PUT /api/ballots/:id/manual-result': async (world) => ({
    url: `/api/ballots/${await freshBallot(world, 'draft', { method: 'manual' })}/manual-result`,
    payload: { present: 6, cast: 6, items: [{ kind: 'approval', yes: 5, no: 1, abstain: 0 }] },
  }),
  'POST /api/ballots/:id/publish': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'closed')}/publish` }),
  'POST /api/ballots/:id/revote': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'closed')}/revote` }),
  'POST /api/ballots/:id/items/:itemId/new-election': async (world) => {
    // An election counted with nobody voting: both seats are empty.
    const title = `选举第${world.next()}届委员`;
    const items = [{ kind: 'election', title, seats: 2, candidates: ['甲', '乙', '丙'].map((name, index) => ({ id: `c${index + 1}`, name })) }];
    const { ballot } = await arrange(world, { method: 'POST', url: `/api/meetings/${world.meetingId}/ballots`, payload: { title, items } }, 201);
    await arrange(world, { method: 'POST', url: `/api/ballots/${ballot.id}/open` });
    await arrange(world, { method: 'POST', url: `/api/ballots/${ballot.id}/close` });
    return { url: `/api/ballots/${ballot.id}/items/${ballot.items[0].id}/new-election` };
  },
  'POST /api/ballots/:id/votes': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'open')}/votes`, payload: { answers: ['yes'], receipt: receipt(world) } }),
  'POST /api/ballots/:id/receipts/check': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'open')}/receipts/check`, payload: { receipt: receipt(world) } }),
  'GET /api/ballots/:id/receipts': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'published')}/receipts` }),
  'GET /api/ballots/:id/named-votes': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'closed', { secrecy: 'named' })}/named-votes` }),
  'GET /api/ballots/:id/papers': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'draft')}/papers` }),
  'POST /api/ballots/:id/papers': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'draft')}/papers`, payload: { memberIds: [paperHolder(world)] } }),
  'DELETE /api/ballots/:id/papers/:memberId': async (world) => {
    const ballotId = await freshBallot(world, 'draft');
    await arrange(world, { method: 'POST', url: `/api/ballots/${ballotId}/papers`, payload: { memberIds: [paperHolder(world)] } }, 201);
    return { url: `/api/ballots/${ballotId}/papers/${paperHolder(world)}`, payload: { reason: '发错了' } };
  },
  'GET /api/ballots/:id/paper-count': async (world) => ({ url: `/api/ballots/${await countingBallot(world)}/paper-count` }),
  'PUT /api/ballots/:id/paper-count/collected': async (world) => ({ url: `/api/ballots/${await countingBallot(world)}/paper-count/collected`, payload: { collected: 1 } }),
  'POST /api/ballots/:id/paper-count/batches': async (world) => ({ url: `/api/ballots/${await countingBallot(world)}/paper-count/batches` }),
  'POST /api/ballots/:id/paper-count/batches/:batchId/papers': async (world) => {
    const { ballotId, batchId } = await paperBatch(world);
    return { url: `/api/ballots/${ballotId}/paper-count/batches/${batchId}/papers`, payload: { answers: ['yes'] } };
  },
  'DELETE /api/ballots/:id/paper-count/papers/:entryId': async (world) => {
    const { ballotId, batchId } = await paperBatch(world);
    const entry = await arrange(world, { method: 'POST', url: `/api/ballots/${ballotId}/paper-count/batches/${batchId}/papers`, headers: world.as.scrutineer, payload: { answers: ['no'] } }, 201);
    return { url: `/api/ballots/${ballotId}/paper-count/papers/${entry.id}` };
  },
  // The matrix has one teller: a check of an empty batch, or totals by the batch's own teller, are refused past the permission.
  'POST /api/ballots/:id/paper-count/batches/:batchId/check': async (world) => {
    const { ballotId, batchId } = await paperBatch(world);
    return { url: `/api/ballots/${ballotId}/paper-count/batches/${batchId}/check`, payload: { answers: ['yes'] }, refusal: 'PAPER_NOT_MATCHED' };
  },
  'POST /api/ballots/:id/paper-count/batches/:batchId/totals': async (world) => {
    const { ballotId, batchId } = await paperBatch(world);
    return {
      url: `/api/ballots/${ballotId}/paper-count/batches/${batchId}/totals`,
      payload: { papers: 0, invalid: 0, items: [{ kind: 'approval', yes: 0, no: 0, abstain: 0 }] },
      refusal: 'SAME_TELLER',
    };
  },
  'POST /api/ballots/:id/paper-count/finish': async (world) => {
    const ballotId = await countingBallot(world);
    // The paper was not returned: none collected, none to enter.
    await arrange(world, { method: 'PUT', url: `/api/ballots/${ballotId}/paper-count/collected`, headers: world.as.scrutineer, payload: { collected: 0 } });
    return { url: `/api/ballots/${ballotId}/paper-count/finish` };
  },
  'GET /api/public/ballots/:id': async (world) => ({ url: `/api/public/ballots/${await freshBallot(world, 'published')}` }),
  'GET /api/ballots/:id/notice.pdf': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'published')}/notice.pdf` }),
  'GET /api/audit': async () => ({ url: '/api/audit' }),
  'GET /api/audit/verify': async () => ({ url: '/api/audit/verify' }),
  'GET /api/storage/usage': async () => ({ url: '/api/storage/usage' }),

  // Motions: departments, settings, the tracker and the exports.
  'GET /api/departments': async () => ({ url: '/api/departments' }),
  'POST /api/departments': async (world) => ({ url: '/api/departments', payload: { name: `部门${world.next()}` } }),
  'PATCH /api/departments/:id': async (world) => {
    const { department } = await world.app
      .inject({ method: 'POST', url: '/api/departments', headers: world.as.secretary, payload: { name: `部门${world.next()}` } })
      .then((response) => response.json());
    return { url: `/api/departments/${department.id}`, payload: { name: `改名${world.next()}` } };
  },
  'GET /api/meetings/:id/motion-settings': async (world) => ({ url: `/api/meetings/${world.meetingId}/motion-settings` }),
  'PUT /api/meetings/:id/motion-settings': async (world) => ({ url: `/api/meetings/${await freshMeeting(world, false)}/motion-settings`, payload: { opensAt: null, closesAt: null } }),
  'GET /api/motions/dashboard': async (world) => ({ url: `/api/motions/dashboard?meetingId=${world.meetingId}` }),
  'GET /api/motions/register': async (world) => ({ url: `/api/motions/register?meetingId=${world.meetingId}&format=csv` }),
  'GET /api/motions/report': async (world) => ({ url: `/api/motions/report?meetingId=${world.meetingId}&format=csv` }),

  // Motions themselves: the representative role is the proposer, except where it seconds.
  'GET /api/motions': async () => ({ url: '/api/motions' }),
  'POST /api/meetings/:id/motions': async (world, role) => ({
    url: `/api/meetings/${world.meetingId}/motions`,
    payload: { ...motionFields(`提案${world.next()}`), ...(role === 'secretary' ? { proposerMemberId: world.congress.representatives[0]!.memberId } : {}) },
  }),
  'GET /api/motions/:id': async (world) => ({ url: `/api/motions/${await freshMotion(world, 'assigned')}` }),
  'PATCH /api/motions/:id': async (world, role) => ({ url: `/api/motions/${await freshMotion(world, 'draft', onPaperFor(role))}`, payload: { subject: `改名${world.next()}` } }),
  'POST /api/motions/:id/submit': proposerMove('draft', 'submit'),
  'POST /api/motions/:id/resubmit': proposerMove('returned', 'resubmit'),
  'POST /api/motions/:id/withdraw': proposerMove('seconding', 'withdraw'),
  // Another representative's motion; the secretary names the seconder of a paper one.
  'POST /api/motions/:id/seconders': async (world, role) => ({
    url: `/api/motions/${await freshMotion(world, 'seconding', { proposer: 3, ...onPaperFor(role) })}/seconders`,
    ...(role === 'secretary' ? { payload: { memberId: world.congress.representatives[0]!.memberId } } : {}),
  }),
  'POST /api/motions/:id/accept': moveOn('review', 'accept'),
  'POST /api/motions/:id/reject': moveOn('review', 'reject', () => ({ reason: '不属于提案范围' })),
  'POST /api/motions/:id/merge': moveOn('review', 'merge', async (world) => ({ targetMotionId: await freshMotion(world, 'review', { proposer: 1 }) })),
  'POST /api/motions/:id/return': moveOn('review', 'return', () => ({ reason: '请补充具体措施' })),
  'POST /api/motions/:id/escalate': moveOn('review', 'escalate'),
  'POST /api/motions/:id/assign': moveOn('accepted', 'assign', (world) => ({ leadDepartmentId: world.departmentIds[0], coDepartmentIds: [world.departmentIds[1]] })),
  'POST /api/motions/:id/decline': moveOn('assigned', 'decline', () => ({ reason: '不属于本部门职责' })),
  'POST /api/motions/:id/extend': moveOn('assigned', 'extend', () => ({ reason: '需要协调预算', days: 30 })),
  'POST /api/motions/:id/reply': moveOn('assigned', 'reply', () => ({ content: '已研究落实。', grade: 'A' })),
  'POST /api/motions/:id/rating': proposerMove('replied', 'rating', { rating: 'satisfied' }),
  'POST /api/motions/:id/resolve': moveOn('rated', 'resolve'),
  'POST /api/motions/:id/attachments': async (world, role) => {
    const upload = fileUpload(PDF, '说明.pdf', 'application/pdf');
    return { url: `/api/motions/${await freshMotion(world, 'draft', onPaperFor(role))}/attachments`, payload: upload.payload, headers: upload.headers };
  },
  'GET /api/motions/:id/attachments/:attachmentId': async (world, role) => {
    const [motionId, attachmentId] = await motionWithAttachment(world, onPaperFor(role));
    return { url: `/api/motions/${motionId}/attachments/${attachmentId}` };
  },
  'DELETE /api/motions/:id/attachments/:attachmentId': async (world, role) => {
    const [motionId, attachmentId] = await motionWithAttachment(world, onPaperFor(role));
    return { url: `/api/motions/${motionId}/attachments/${attachmentId}` };
  },

  // Documents (二上二下): each case on a fresh document of the main meeting, drafted by the handler's department.
  'GET /api/meetings/:id/documents': async (world) => ({ url: `/api/meetings/${world.meetingId}/documents` }),
  'GET /api/documents': async () => ({ url: '/api/documents' }),
  'POST /api/meetings/:id/documents': async (world) => ({
    url: `/api/meetings/${world.meetingId}/documents`,
    payload: { title: `集体合同(草案)${world.next()}`, kind: 'collective_contract', draftingDepartmentId: world.departmentIds[0], rounds: 2, text: '第一条 总则。' },
  }),
  'GET /api/documents/:id': async (world) => ({ url: `/api/documents/${(await freshDocument(world, 'collecting')).documentId}` }),
  'PATCH /api/documents/:id': async (world) => ({ url: `/api/documents/${(await freshDocument(world, 'drafting')).documentId}`, payload: { title: `改名${world.next()}`, rounds: 2 } }),
  'PUT /api/documents/:id/draft': async (world) => ({
    url: `/api/documents/${(await freshDocument(world, 'drafting')).documentId}/draft`,
    payload: { text: '第一条 改写后的条文。\n\n第二条 新增的条文。' },
  }),
  'POST /api/documents/:id/draft/docx': async (world) => {
    const upload = fileUpload(await makeDocx(['第一条 上传的条文。']), '草案.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    return { url: `/api/documents/${(await freshDocument(world, 'drafting')).documentId}/draft/docx`, payload: upload.payload, headers: upload.headers };
  },
  'GET /api/documents/:id/draft/preview': async (world) => ({ url: `/api/documents/${(await freshDocument(world, 'drafting')).documentId}/draft/preview` }),
  'GET /api/documents/:id/versions/:versionId': async (world) => {
    const target = await freshDocument(world, 'collecting');
    return { url: `/api/documents/${target.documentId}/versions/${target.versionId}` };
  },
  'GET /api/documents/:id/versions/:versionId/original': async (world) => {
    const target = await freshDocument(world, 'collecting', { docx: true });
    return { url: `/api/documents/${target.documentId}/versions/${target.versionId}/original` };
  },
  'POST /api/documents/:id/issue': documentMove('drafting', 'issue', (_, world) => ({ deadline: inDays(world, 7) })),
  'POST /api/documents/:id/deadline': documentMove('collecting', 'deadline', (_, world) => ({ deadline: inDays(world, 10) })),
  'POST /api/documents/:id/opinions': documentMove('collecting', 'opinions', (target) => ({ anchor: 'b2', content: '建议写明适用于劳务派遣职工', versionId: target.versionId })),
  'POST /api/documents/:id/end-collection': documentMove('collecting', 'end-collection'),
  // The leader's own delegation, named as the secretary must when consolidating on its behalf (代为汇总).
  'POST /api/documents/:id/submissions': documentMove('consolidating', 'submissions', (target, world) => ({
    delegationId: world.congress.delegationIds[0],
    items: [{ anchor: 'b2', content: '本团建议明确适用范围', sourceOpinionIds: [target.opinionId] }],
  })),
  'POST /api/documents/:id/end-consolidation': documentMove('consolidated', 'end-consolidation'),
  'POST /api/documents/:id/responses': documentMove('responding', 'responses', (target) => ({
    consolidatedId: target.consolidatedId,
    outcome: 'partly_adopted',
    reason: '部分采纳',
    changedAnchors: ['b2'],
  })),
  'POST /api/documents/:id/close-round': async (world) => {
    const target = await freshDocument(world, 'responding');
    await arrange(world, { method: 'POST', url: `/api/documents/${target.documentId}/responses`, payload: { consolidatedId: target.consolidatedId, outcome: 'adopted' } });
    return { url: `/api/documents/${target.documentId}/close-round` };
  },
  'POST /api/documents/:id/changed-anchors': documentMove('revising', 'changed-anchors', (target) => ({ consolidatedId: target.consolidatedId, changedAnchors: ['b2'] })),
  'POST /api/documents/:id/new-round': documentMove('rejected', 'new-round', () => ({ reason: '未获全体代表过半数通过,修改后再征求意见' })),
  'POST /api/documents/:id/ballot': documentMove('final', 'ballot', () => ({ passingRule: 'all_majority' })),
  'GET /api/documents/:id/opinion-counts': async (world) => ({ url: `/api/documents/${(await freshDocument(world, 'consolidating')).documentId}/opinion-counts` }),
  'GET /api/documents/:id/record': async (world) => ({ url: `/api/documents/${(await freshDocument(world, 'revising')).documentId}/record` }),
  'GET /api/documents/:id/record/docx': async (world) => ({ url: `/api/documents/${(await freshDocument(world, 'revising')).documentId}/record/docx` }),

  // Extraordinary sessions (临时会议): proposals of the hall's term, each fresh.
  'GET /api/terms/:termId/extraordinary-proposals': async (world) => ({ url: `/api/terms/${world.termId}/extraordinary-proposals` }),
  'POST /api/terms/:termId/extraordinary-proposals': async (world) => ({
    url: `/api/terms/${world.termId}/extraordinary-proposals`,
    payload: { proposer: 'union', subject: `议题${world.next()}`, reasons: '理由' },
  }),
  'GET /api/extraordinary-proposals/:id': async (world) => ({ url: `/api/extraordinary-proposals/${await freshProposal(world)}` }),
  'POST /api/extraordinary-proposals/:id/signatures': async (world) => ({ url: `/api/extraordinary-proposals/${await freshProposal(world)}/signatures` }),
  'DELETE /api/extraordinary-proposals/:id/signatures/mine': async (world) => ({ url: `/api/extraordinary-proposals/${await freshProposal(world)}/signatures/mine` }),
  'POST /api/extraordinary-proposals/:id/convene': async (world) => ({ url: `/api/extraordinary-proposals/${await freshProposal(world, 'unit')}/convene`, payload: {} }),
  'POST /api/extraordinary-proposals/:id/withdraw': async (world) => ({ url: `/api/extraordinary-proposals/${await freshProposal(world)}/withdraw` }),
  'GET /api/sessions/:sessionId/proposal': async (world) => {
    const { session } = await arrange(world, { method: 'POST', url: `/api/extraordinary-proposals/${await freshProposal(world, 'unit')}/convene`, payload: {} }, 201);
    return { url: `/api/sessions/${session.id}/proposal` };
  },
  // Presidium, presiding chairs and tellers (issue 12, item 3): a refusal for a reason of the
  // target's (an unsettled ballot, say) still shows the role was let through.
  'GET /api/sessions/:sessionId/presidium': async (world) => ({ url: `/api/sessions/${await sessionOf(world, world.meetingId)}/presidium` }),
  'PUT /api/sessions/:sessionId/presidium': async (world) => ({ url: `/api/sessions/${await sessionOf(world, await spareMeeting(world, false))}/presidium`, payload: { memberIds: [] } }),
  'POST /api/sessions/:sessionId/presidium/elect': async (world) => ({
    url: `/api/sessions/${await sessionOf(world, await spareMeeting(world, false))}/presidium/elect`,
    payload: { ballotId: await freshBallot(world, 'draft') },
    refusal: 'PRESIDIUM_BALLOT_INVALID',
  }),
  'PUT /api/meetings/:id/presiding-chair': async (world) => ({ url: `/api/meetings/${await spareMeeting(world, false)}/presiding-chair`, payload: { memberId: null } }),
  'GET /api/ballots/:id/tellers': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'draft')}/tellers` }),
  'PUT /api/ballots/:id/tellers': async (world) => ({ url: `/api/ballots/${await freshBallot(world, 'draft')}/tellers`, payload: { tellers: [] } }),

  // Sessions, term rules, the agenda and joint meetings (issue 12): reads on the hall's term and
  // session (so its screen may read the agenda), changes on a fresh meeting's session or a fresh term.
  // A refusal for a reason of the target's (a ballot that cannot adopt, nothing to confirm) still
  // shows the role was let through.
  'GET /api/terms/:termId/sessions': async (world) => ({ url: `/api/terms/${world.termId}/sessions` }),
  'POST /api/terms/:termId/sessions': async (world) => ({ url: `/api/terms/${await spareTerm(world)}/sessions`, payload: { number: 1 } }),
  'GET /api/sessions/:sessionId': async (world) => ({ url: `/api/sessions/${await mainSession(world)}` }),
  // A session of its own (in a term of its own), with no sittings yet: the main one has gathered every route's ballots and
  // documents by now, and rendering all their papers is not what this request is about.
  'GET /api/sessions/:sessionId/archive': async (world) => {
    const { session } = await arrange(world, { method: 'POST', url: `/api/terms/${await spareTerm(world)}/sessions`, payload: { number: 1 } }, 201);
    return { url: `/api/sessions/${session.id}/archive` };
  },
  'PATCH /api/sessions/:sessionId': async (world) => ({ url: `/api/sessions/${await sessionOf(world, await spareMeeting(world, false))}`, payload: { title: `改名${world.next()}` } }),
  'GET /api/terms/:termId/rules': async (world) => ({ url: `/api/terms/${world.termId}/rules` }),
  // What follows a session's close (issue 13): reads on the hall's term and session, changes on a
  // fresh session of a spare term (no sittings, so it may close), closed or published as the move needs.
  'POST /api/sessions/:sessionId/close': async (world) => ({ url: `/api/sessions/${await freshSession(world)}/close`, payload: {} }),
  'POST /api/sessions/:sessionId/reopen': async (world) => ({ url: `/api/sessions/${await freshSession(world, 'closed')}/reopen` }),
  'GET /api/terms/:termId/aftermath': async (world) => ({ url: `/api/terms/${world.termId}/aftermath` }),
  'GET /api/sessions/:sessionId/aftermath': async (world) => ({ url: `/api/sessions/${await mainSession(world)}/aftermath` }),
  'POST /api/sessions/:sessionId/notice/publish': async (world) => ({ url: `/api/sessions/${await freshSession(world, 'closed')}/notice/publish`, payload: {} }),
  'POST /api/sessions/:sessionId/notice/withdraw': async (world) => ({ url: `/api/sessions/${await freshSession(world, 'published')}/notice/withdraw`, payload: { reason: '内容需更正' } }),
  'GET /api/public/sessions/:sessionId': async (world) => ({ url: `/api/public/sessions/${await freshSession(world, 'published')}` }),
  'GET /public/sessions/:sessionId': async (world) => ({ url: `/public/sessions/${await freshSession(world, 'published')}` }),
  'GET /api/sessions/:sessionId/report': async (world) => ({ url: `/api/sessions/${await mainSession(world)}/report` }),
  'GET /api/sessions/:sessionId/report/docx': async (world) => ({ url: `/api/sessions/${await mainSession(world)}/report/docx` }),
  'GET /api/sessions/:sessionId/notice/docx': async (world) => ({ url: `/api/sessions/${await freshSession(world, 'published')}/notice/docx` }),
  'POST /api/sessions/:sessionId/report/sent': async (world) => ({
    url: `/api/sessions/${await freshSession(world, 'closed')}/report/sent`,
    payload: { sentOn: world.clock.now.toISOString().slice(0, 10), sentTo: '市总工会' },
  }),
  'PATCH /api/terms/:termId/rules': async (world) => ({ url: `/api/terms/${await spareTerm(world)}/rules`, payload: { majorityWording: 'majorityInclusive' } }),
  'GET /api/sessions/:sessionId/agenda': async (world) => ({ url: `/api/sessions/${await mainSession(world)}/agenda` }),
  'POST /api/sessions/:sessionId/agenda': async (world) => ({
    url: `/api/sessions/${await sessionOf(world, await spareMeeting(world, false))}/agenda`,
    payload: { kind: 'other', title: `议程${world.next()}` },
  }),
  'PUT /api/sessions/:sessionId/agenda/order': async (world) => {
    const sessionId = await sessionOf(world, await spareMeeting(world, false));
    const first = await freshAgendaItem(world, sessionId);
    const second = await freshAgendaItem(world, sessionId);
    const { agenda } = await arrange(world, { method: 'GET', url: `/api/sessions/${sessionId}/agenda` });
    const others = (agenda.items as { id: string }[]).map((item) => item.id).filter((id) => id !== first && id !== second);
    return { url: `/api/sessions/${sessionId}/agenda/order`, payload: { itemIds: [second, first, ...others] } };
  },
  'POST /api/sessions/:sessionId/agenda/adopt': async (world) => ({
    url: `/api/sessions/${await sessionOf(world, await spareMeeting(world, false))}/agenda/adopt`,
    payload: { ballotId: await freshBallot(world, 'draft') },
    refusal: 'AGENDA_ADOPTION_BALLOT_INVALID',
  }),
  'GET /api/agenda-items/:id': async (world) => ({ url: `/api/agenda-items/${await freshAgendaItem(world, await mainSession(world))}` }),
  'PATCH /api/agenda-items/:id': async (world) => ({
    url: `/api/agenda-items/${await freshAgendaItem(world, await sessionOf(world, await spareMeeting(world, false)))}`,
    payload: { title: `改名${world.next()}` },
  }),
  'DELETE /api/agenda-items/:id': async (world) => ({ url: `/api/agenda-items/${await freshAgendaItem(world, await sessionOf(world, await spareMeeting(world, false)))}` }),
  'PUT /api/meetings/:id/current-item': async (world) => {
    const meetingId = await spareMeeting(world, true);
    return { url: `/api/meetings/${meetingId}/current-item`, payload: { itemId: await freshAgendaItem(world, await sessionOf(world, meetingId)) } };
  },
  'GET /api/meetings/:id/roll': async (world) => ({ url: `/api/meetings/${await freshJointMeeting(world)}/roll` }),
  'PUT /api/meetings/:id/roll': async (world) => ({ url: `/api/meetings/${await freshJointMeeting(world)}/roll`, payload: { members: [] } }),
  'GET /api/terms/:termId/joint-decisions': async (world) => ({ url: `/api/terms/${world.termId}/joint-decisions` }),
  'POST /api/agenda-items/:id/confirmation-ballot': async (world) => {
    const meetingId = await spareMeeting(world, true);
    const itemId = await freshAgendaItem(world, await sessionOf(world, meetingId), 'joint_confirmation');
    return { url: `/api/agenda-items/${itemId}/confirmation-ballot`, payload: { meetingId }, refusal: 'JOINT_NOTHING_TO_CONFIRM' };
  },

  // Resolutions of the main meeting's session, each case on a fresh one.
  'GET /api/sessions/:sessionId/resolutions': async (world) => ({ url: `/api/sessions/${await mainSession(world)}/resolutions` }),
  'POST /api/sessions/:sessionId/resolutions': async (world) => ({ url: `/api/sessions/${await mainSession(world)}/resolutions`, payload: { subject: `工作报告${world.next()}` } }),
  'GET /api/resolutions/:id': async (world) => ({ url: `/api/resolutions/${await freshResolution(world)}` }),
  'GET /api/sessions/:sessionId/resolutions/docx': async (world) => ({ url: `/api/sessions/${await mainSession(world)}/resolutions/docx?include=voted` }),
  'GET /api/resolutions/:id/docx': async (world) => ({ url: `/api/resolutions/${await freshResolution(world)}/docx` }),
  'PATCH /api/resolutions/:id': async (world) => ({ url: `/api/resolutions/${await freshResolution(world)}`, payload: { body: `正文${world.next()}` } }),
  'DELETE /api/resolutions/:id': async (world) => ({ url: `/api/resolutions/${await freshResolution(world)}` }),
  'POST /api/resolutions/:id/redraft': async (world) => ({ url: `/api/resolutions/${await freshResolution(world)}/redraft` }),
  'POST /api/resolutions/:id/ballot': async (world) => ({ url: `/api/resolutions/${await freshResolution(world)}/ballot`, payload: { meetingId: world.meetingId } }),
};

/** A draft resolution of the main meeting's session, made by the secretary. */
async function freshResolution(world: HallWorld): Promise<string> {
  const url = `/api/sessions/${await mainSession(world)}/resolutions`;
  return (await arrange(world, { method: 'POST', url, payload: { subject: `工作报告${world.next()}` } }, 201)).resolution.id;
}

/** The session a meeting belongs to (every meeting of the hall world sits in one). */
async function sessionOf(world: HallWorld, meetingId: string): Promise<string> {
  return (await arrange(world, { method: 'GET', url: `/api/meetings/${meetingId}` })).meeting.sessionId;
}

/** An item at the end of a session's agenda (not yet adopted), made by the secretary. */
async function freshAgendaItem(world: HallWorld, sessionId: string, kind = 'other'): Promise<string> {
  return (await arrange(world, { method: 'POST', url: `/api/sessions/${sessionId}/agenda`, payload: { kind, title: `议程${world.next()}` } }, 201)).item.id;
}

/** A joint meeting (联席会议) of a fresh term, in no session. */
async function freshJointMeeting(world: HallWorld): Promise<string> {
  return (await arrange(world, { method: 'POST', url: '/api/meetings', payload: { termId: await spareTerm(world), title: `联席会议${world.next()}`, sitting: 'joint' } }, 201)).meeting.id;
}

/**
 * A fresh term under the lowest number not yet taken. By the time the cases at the end of the
 * table run, world.next() has passed 999, the most a term's number may be, so freshTerm's numbers
 * would be refused; the numbers below where the counter started are still free.
 */
async function spareTerm(world: HallWorld): Promise<string> {
  const { terms } = await arrange<{ terms: { number: number }[] }>(world, { method: 'GET', url: '/api/terms' });
  const taken = new Set(terms.map((term) => term.number));
  let number = 1;
  while (taken.has(number)) number += 1;
  return (await arrange(world, { method: 'POST', url: '/api/terms', payload: { number } }, 201)).term.id;
}

/** A session of a spare term with no sittings (so it may close at once), open, closed or with its notice published. */
async function freshSession(world: HallWorld, stage: 'open' | 'closed' | 'published' = 'open'): Promise<string> {
  const { session } = await arrange(world, { method: 'POST', url: `/api/terms/${await spareTerm(world)}/sessions`, payload: { number: 1 } }, 201);
  if (stage !== 'open') await arrange(world, { method: 'POST', url: `/api/sessions/${session.id}/close`, payload: {} });
  if (stage === 'published') await arrange(world, { method: 'POST', url: `/api/sessions/${session.id}/notice/publish`, payload: {} });
  return session.id;
}

/** freshMeeting, in a spare term: a regular sitting of its first session. */
async function spareMeeting(world: HallWorld, open: boolean): Promise<string> {
  const { meeting } = await arrange(
    world,
    { method: 'POST', url: '/api/meetings', payload: { termId: await spareTerm(world), title: `会议${world.next()}`, kind: 'congress', sessionNumber: 1 } },
    201,
  );
  if (open) await arrange(world, { method: 'POST', url: `/api/meetings/${meeting.id}/open` });
  return meeting.id;
}
