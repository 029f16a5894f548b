// A whole congress with one person in every role (anonymous, representative, attendee, handler,
// committee, scrutineer, secretary, display), and ways to make a fresh ballot, meeting, member,
// motion or document in any state through the real API, so each request under test acts on its own target.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { call, type Congress, cookieFrom, createApp, createCongress, signIn } from './congress.js';
import { makeDocx } from './docx.js';
import { DEPARTMENTS, motionFields, TestClock } from './motions.js';
import { fileUpload } from './multipart.js';
import { bearer, display } from './requests.js';

export const ROLES = ['anonymous', 'representative', 'attendee', 'handler', 'committee', 'scrutineer', 'secretary', 'display'] as const;
export type Role = (typeof ROLES)[number];
export type Headers = Record<string, string>;

const DAY = 86_400_000;
const OFFICER_PASSWORD = 'officer-password-123';
const OFFICER_USERNAMES = { handler: 'chengban', committee: 'tiwei', scrutineer: 'jianpiao' } as const;

export type BallotState = 'draft' | 'open' | 'closed' | 'published';
export type MotionStage = 'draft' | 'seconding' | 'review' | 'returned' | 'accepted' | 'assigned' | 'replied' | 'rated';

export interface HallWorld {
  app: FastifyInstance;
  congress: Congress;
  clock: TestClock;
  meetingId: string;
  termId: string;
  departmentIds: string[];
  displayToken: string;
  /**
   * Credentials of each role; the representative is representatives[0], who leads the first
   * delegation (团长), the attendee attendees[0], of that delegation too. The handler is of
   * departmentIds[0], which drafts the documents made here.
   */
  as: Record<Role, Headers>;
  /** Signs the role in afresh (a new session), for requests that end the session they ride. */
  freshCredentials(role: Role): Promise<Headers>;
  /** A unique number for names, staff numbers and term numbers. */
  next(): number;
}

export async function buildHallWorld(): Promise<HallWorld> {
  const clock = new TestClock();
  // Every route's case drafts its own motion, many by one representative: quotas are another test's business.
  const app = await createApp({ SESSION_HOURS: 720, RATE_LIMIT_PER_MINUTE: 0, QUOTA_MEMBER_DRAFTS: 0 }, { clock: clock.read });
  try {
    const congress = await createCongress(app, { representatives: 6, attendees: 1 });
    const secretary = { cookie: congress.secretary };
    const departmentIds: string[] = [];
    for (const name of DEPARTMENTS.slice(0, 2)) departmentIds.push((await call(app, { method: 'POST', url: '/api/departments', headers: secretary, payload: { name } }, 201)).department.id);
    const account = async (username: string, role: string, departmentId?: string) => {
      await call(app, { method: 'POST', url: '/api/accounts', headers: secretary, payload: { username, password: OFFICER_PASSWORD, role, ...(departmentId ? { departmentId } : {}) } }, 201);
      return { cookie: await signIn(app, username, OFFICER_PASSWORD) };
    };
    // The representative role leads its delegation: a leader is a representative with one more move (consolidating).
    await call(app, { method: 'PATCH', url: `/api/delegations/${congress.delegationIds[0]}`, headers: secretary, payload: { leaderMemberId: congress.representatives[0]!.memberId } });
    const handler = await account(OFFICER_USERNAMES.handler, 'handler', departmentIds[0]);
    const committee = await account(OFFICER_USERNAMES.committee, 'committee');
    const scrutineer = await account(OFFICER_USERNAMES.scrutineer, 'scrutineer');
    await call(app, {
      method: 'PUT',
      url: `/api/meetings/${congress.meetingId}/motion-settings`,
      headers: secretary,
      payload: { opensAt: new Date(clock.now.getTime() - DAY).toISOString(), closesAt: new Date(clock.now.getTime() + 10 * DAY).toISOString() },
    });
    const { token: displayToken } = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: secretary }, 201);
    const as: Record<Role, Headers> = {
      anonymous: {},
      representative: bearer(congress.representatives[0]!.token),
      attendee: bearer(congress.attendees[0]!.token),
      handler,
      committee,
      scrutineer,
      secretary,
      display: display(displayToken),
    };
    let counter = 100;
    const freshCredentials = async (role: Role): Promise<Headers> => {
      if (role === 'secretary') return { cookie: await signIn(app) };
      if (role === 'handler' || role === 'committee' || role === 'scrutineer') return { cookie: await signIn(app, OFFICER_USERNAMES[role], OFFICER_PASSWORD) };
      const person = role === 'representative' ? congress.representatives[0] : role === 'attendee' ? congress.attendees[0] : undefined;
      if (person) {
        const joined = await app.inject({ method: 'POST', url: '/api/join', payload: { code: person.code } });
        return { cookie: cookieFrom(joined) };
      }
      return as[role];
    };
    return { app, congress, clock, meetingId: congress.meetingId, termId: congress.termId, departmentIds, displayToken, as, freshCredentials, next: () => ++counter };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** Shorthand for a request the secretary (or another role) makes while arranging a case. */
export async function arrange<T = any>(world: HallWorld, options: InjectOptions, expected = 200): Promise<T> {
  return call<T>(world.app, { headers: world.as.secretary, ...options }, expected);
}

/** A term with no meeting in session, so its roster can change. */
export async function freshTerm(world: HallWorld): Promise<string> {
  return (await arrange(world, { method: 'POST', url: '/api/terms', payload: { number: world.next() } }, 201)).term.id;
}

export async function freshMember(world: HallWorld, termId?: string): Promise<string> {
  const term = termId ?? (await freshTerm(world));
  const number = world.next();
  return (await arrange(world, { method: 'POST', url: `/api/terms/${term}/members`, payload: { name: `新代表${number}`, staffNumber: `N-${number}` } }, 201)).member.id;
}

export async function freshMeeting(world: HallWorld, open: boolean): Promise<string> {
  const termId = await freshTerm(world);
  const { meeting } = await arrange(world, { method: 'POST', url: '/api/meetings', payload: { termId, title: `会议${world.next()}`, kind: 'congress', sessionNumber: 1 } }, 201);
  if (open) await arrange(world, { method: 'POST', url: `/api/meetings/${meeting.id}/open` });
  return meeting.id;
}

export interface BallotOptions {
  secrecy?: 'secret' | 'named';
  method?: 'electronic' | 'manual';
}

/** A ballot of the main meeting (everyone present) in the given state; closed ones hold one vote. */
export async function freshBallot(world: HallWorld, state: BallotState, options: BallotOptions = {}): Promise<string> {
  const title = `关于第${world.next()}号事项的决议`;
  const body = { title, items: [{ kind: 'approval', title }], ...options };
  const { ballot } = await arrange(world, { method: 'POST', url: `/api/meetings/${world.meetingId}/ballots`, payload: body }, 201);
  if (state === 'draft') return ballot.id;
  await arrange(world, { method: 'POST', url: `/api/ballots/${ballot.id}/open` });
  if (state === 'open') return ballot.id;
  const voter = world.congress.representatives[1]!;
  await call(world.app, { method: 'POST', url: `/api/ballots/${ballot.id}/votes`, headers: bearer(voter.token), payload: { answers: ['yes'], receipt: `receipt-${world.next()}-0123456789` } }, 201);
  await arrange(world, { method: 'POST', url: `/api/ballots/${ballot.id}/close` });
  if (state === 'closed') return ballot.id;
  await arrange(world, { method: 'POST', url: `/api/ballots/${ballot.id}/publish` });
  return ballot.id;
}

const representative = (world: HallWorld, index: number) => bearer(world.congress.representatives[index]!.token);

async function moveMotion(world: HallWorld, who: Headers, motionId: string, path: string, body?: object): Promise<void> {
  await call(world.app, { method: 'POST', url: `/api/motions/${motionId}/${path}`, headers: who, ...(body ? { payload: body } : {}) });
}

export interface MotionOptions {
  /** Representative index of the proposer; 0 is the representative role. */
  proposer?: number;
  /** Entered on paper by the secretary (代录), who then makes the proposer's and seconders' moves. */
  paper?: boolean;
}

/** A motion in the given stage, seconded by the two representatives after its proposer, assigned to the handler's department. */
export async function freshMotion(world: HallWorld, stage: MotionStage, options: MotionOptions = {}): Promise<string> {
  const proposer = options.proposer ?? 0;
  const proposerHeaders = options.paper ? world.as.secretary : representative(world, proposer);
  const fields = { ...motionFields(`提案${world.next()}`), ...(options.paper ? { proposerMemberId: world.congress.representatives[proposer]!.memberId } : {}) };
  const { motion } = await call(world.app, { method: 'POST', url: `/api/meetings/${world.meetingId}/motions`, headers: proposerHeaders, payload: fields }, 201);
  const id = motion.id as string;
  if (stage === 'draft') return id;
  await moveMotion(world, proposerHeaders, id, 'submit');
  if (stage === 'seconding') return id;
  for (const seconder of [proposer + 1, proposer + 2]) {
    if (options.paper) await moveMotion(world, world.as.secretary, id, 'seconders', { memberId: world.congress.representatives[seconder]!.memberId });
    else await moveMotion(world, representative(world, seconder), id, 'seconders');
  }
  if (stage === 'review') return id;
  if (stage === 'returned') {
    await moveMotion(world, world.as.committee, id, 'return', { reason: '请补充具体措施' });
    return id;
  }
  await moveMotion(world, world.as.committee, id, 'accept');
  if (stage === 'accepted') return id;
  await moveMotion(world, world.as.committee, id, 'assign', { leadDepartmentId: world.departmentIds[0], coDepartmentIds: [] });
  if (stage === 'assigned') return id;
  await moveMotion(world, world.as.handler, id, 'reply', { content: '已研究落实。', grade: 'A' });
  if (stage === 'replied') return id;
  await moveMotion(world, proposerHeaders, id, 'rating', { rating: 'satisfied' });
  return id;
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A draft motion of the representative role (or on paper) with one PDF attached: [motionId, attachmentId]. */
export async function motionWithAttachment(world: HallWorld, options: MotionOptions = {}): Promise<[string, string]> {
  const motionId = await freshMotion(world, 'draft', options);
  const upload = fileUpload(PDF, '说明.pdf', 'application/pdf');
  const uploader = options.paper ? world.as.secretary : representative(world, options.proposer ?? 0);
  const { motion } = await call(world.app, { method: 'POST', url: `/api/motions/${motionId}/attachments`, headers: { ...uploader, ...upload.headers }, payload: upload.payload }, 201);
  return [motionId, motion.attachments[0].id as string];
}

export type DocumentStage = 'drafting' | 'collecting' | 'consolidating' | 'consolidated' | 'responding' | 'revising' | 'final' | 'rejected';

export interface DocumentTarget {
  documentId: string;
  /** The draft while drafting; else the version issued in the last round. */
  versionId: string;
  /** representatives[2]'s opinion (the first delegation), from consolidating on. */
  opinionId: string | null;
  /** The first delegation's consolidated opinion, from consolidated on; answered (adopted) from revising on. */
  consolidatedId: string | null;
}

export interface DocumentOptions {
  /** The draft is a Word file uploaded by the secretary, so its version keeps an original. */
  docx?: boolean;
}

const DOCUMENT_TEXT = '# 总则\n\n第一条 为规范工资分配,制定本方案。\n\n第二条 本方案适用于全体职工。';

async function documentMove(world: HallWorld, who: Headers, documentId: string, path: string, body?: object, expected = 200): Promise<any> {
  return (await call(world.app, { method: 'POST', url: `/api/documents/${documentId}/${path}`, headers: who, ...(body ? { payload: body } : {}) }, expected)).document;
}

/**
 * A document of the main meeting drafted by departmentIds[0], in the given stage, through the
 * real API. 'consolidated' is consolidating with the first delegation's opinions sent up by its
 * leader (so consolidation may end); 'revising' is after round 1 of 2, 'final' and 'rejected'
 * after the only round (rejected: by a published secret ballot with one yes of six).
 */
export async function freshDocument(world: HallWorld, stage: DocumentStage, options: DocumentOptions = {}): Promise<DocumentTarget> {
  const secretary = world.as.secretary;
  const rounds = stage === 'revising' ? 2 : 1;
  const fields = { title: `工资分配方案${world.next()}`, kind: 'pay_scheme', draftingDepartmentId: world.departmentIds[0], rounds, ...(options.docx ? {} : { text: DOCUMENT_TEXT }) };
  let { document } = await arrange(world, { method: 'POST', url: `/api/meetings/${world.meetingId}/documents`, payload: fields }, 201);
  const documentId = document.id as string;
  if (options.docx) {
    const upload = fileUpload(
      await makeDocx(['第一条 为规范工资分配,制定本方案。', '第二条 本方案适用于全体职工。']),
      '工资分配方案.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    document = (await call(world.app, { method: 'POST', url: `/api/documents/${documentId}/draft/docx`, headers: { ...secretary, ...upload.headers }, payload: upload.payload })).document;
  }
  const target: DocumentTarget = { documentId, versionId: document.draft.id, opinionId: null, consolidatedId: null };
  if (stage === 'drafting') return target;
  document = await documentMove(world, secretary, documentId, 'issue', { deadline: new Date(world.clock.now.getTime() + 7 * DAY).toISOString() });
  target.versionId = document.rounds.at(-1).versionId;
  if (stage === 'collecting') return target;
  await documentMove(world, representative(world, 2), documentId, 'opinions', { anchor: 'b2', content: '建议明确适用范围' }, 201);
  document = await documentMove(world, secretary, documentId, 'end-collection');
  target.opinionId = document.rounds.at(-1).opinions[0].id;
  if (stage === 'consolidating') return target;
  document = await documentMove(world, world.as.representative, documentId, 'submissions', { items: [{ anchor: 'b2', content: '建议明确适用范围', sourceOpinionIds: [target.opinionId] }] });
  target.consolidatedId = document.rounds.at(-1).consolidated[0].id;
  if (stage === 'consolidated') return target;
  await documentMove(world, secretary, documentId, 'end-consolidation');
  if (stage === 'responding') return target;
  await documentMove(world, world.as.handler, documentId, 'responses', { consolidatedId: target.consolidatedId, outcome: 'adopted' });
  document = await documentMove(world, secretary, documentId, 'close-round');
  if (stage === 'revising' || stage === 'final') return target;
  const ballotId = (await documentMove(world, secretary, documentId, 'ballot', {})).votes.at(-1).ballotId as string;
  await arrange(world, { method: 'POST', url: `/api/ballots/${ballotId}/open` });
  await call(
    world.app,
    { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: representative(world, 1), payload: { answers: ['yes'], receipt: `receipt-${world.next()}-0123456789` } },
    201,
  );
  await arrange(world, { method: 'POST', url: `/api/ballots/${ballotId}/close` });
  await arrange(world, { method: 'POST', url: `/api/ballots/${ballotId}/publish` });
  // The result settles the document on first sight if the ballot watcher has not yet.
  const settled = (await arrange(world, { method: 'GET', url: `/api/documents/${documentId}` })).document;
  if (settled.state !== 'rejected') throw new Error(`the document should have been rejected, it is ${settled.state}`);
  return target;
}
