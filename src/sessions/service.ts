// Sessions (第N次会议): a term's preparatory meeting and plenary sittings, grouped; an extraordinary
// session (临时会议) is a session of its own kind. Which sitting may join which session is decided here.
import { randomId } from '../access/codes.js';
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import type { CongressSessionTable } from '../db/database.js';
import { chineseNumber } from '../credentials/rules.js';
import { fail } from '../errors.js';
import type { MeetingSitting } from '../meetings/workflow.js';
import { getTerm } from '../roster/service.js';
import * as repository from './repository.js';
import type { SessionCloseInput, SessionInput, SessionKind, SessionPatch } from './schemas.js';

type Reader = Pick<AppContext, 'db'>;

/**
 * What follows a new session, in the creating transaction: other domains add their part (the joint
 * meetings put their decisions awaiting confirmation on its agenda) without sessions knowing them.
 */
type SessionCreatedHook = (context: CoreContext, termId: string) => Promise<void>;
const sessionCreatedHooks = new Set<SessionCreatedHook>();
export function afterSessionCreated(hook: SessionCreatedHook): () => void {
  sessionCreatedHooks.add(hook);
  return () => sessionCreatedHooks.delete(hook);
}
async function sessionCreated(context: CoreContext, termId: string): Promise<void> {
  for (const hook of sessionCreatedHooks) await hook(context, termId);
}

export async function getSession(context: Reader, sessionId: string): Promise<CongressSessionTable> {
  return (await repository.findSession(context.db, sessionId)) ?? fail('SESSION_NOT_FOUND');
}

export async function presentSession(context: Reader, row: CongressSessionTable) {
  const sittings = await repository.listSittings(context.db, row.id);
  return {
    id: row.id,
    termId: row.term_id,
    number: row.number,
    kind: row.kind,
    title: row.title,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    meetingIds: sittings.map((sitting) => sitting.id),
  };
}

/** A staff general assembly (职工大会) is not a representatives' congress (职工代表大会): papers name it as it is. */
export function congressBody(sittings: readonly { kind: string }[]): '职工大会' | '职工代表大会' {
  return sittings.some((meeting) => meeting.kind === 'general_assembly') ? '职工大会' : '职工代表大会';
}

export function defaultSessionTitle(number: number, kind: SessionKind): string {
  // In Chinese numerals, as the papers name it (第三届职工代表大会第二次会议).
  return kind === 'extraordinary' ? `第${chineseNumber(number)}次临时会议` : `第${chineseNumber(number)}次会议`;
}

export async function createSession(context: CoreContext, actor: AccountActor, termId: string, input: SessionInput) {
  await getTerm(context, termId);
  if (await repository.findSessionByNumber(context.db, termId, input.number)) fail('SESSION_EXISTS');
  const row: CongressSessionTable = {
    id: randomId(context.random),
    term_id: termId,
    number: input.number,
    kind: input.kind,
    title: input.title ?? defaultSessionTitle(input.number, input.kind),
    created_at: nowIso(context),
    agenda_adopted_at: null,
    agenda_adopted_ballot_id: null,
    closed_at: null,
  };
  await repository.insertSession(context.db, row);
  await recordAudit(context, actor, 'session.created', { detail: { sessionId: row.id, number: row.number, kind: row.kind } });
  await sessionCreated(context, termId);
  return presentSession(context, row);
}

export async function updateSession(context: CoreContext, actor: AccountActor, sessionId: string, patch: SessionPatch) {
  await getSession(context, sessionId);
  await repository.updateSessionTitle(context.db, sessionId, patch.title);
  await recordAudit(context, actor, 'session.updated', { detail: { sessionId, ...patch } });
  return presentSession(context, await getSession(context, sessionId));
}

export async function listSessions(context: Reader, termId: string) {
  await getTerm(context, termId);
  return Promise.all((await repository.listSessions(context.db, termId)).map((row) => presentSession(context, row)));
}

/** Which sittings a session of each kind holds: a regular one its plenary sittings, an extraordinary one its own; both may have a preparatory meeting. */
const SITTINGS_OF: Record<SessionKind, readonly MeetingSitting[]> = {
  regular: ['preparatory', 'plenary'],
  extraordinary: ['preparatory', 'extraordinary'],
};

/**
 * The session a new or changed meeting belongs to, from its sitting and either a session id or a
 * session number (a number the term has no session for yet makes a regular session of it). A joint
 * meeting belongs to none; a session has at most one preparatory meeting.
 */
export async function sessionForSitting(
  context: CoreContext,
  termId: string,
  sitting: MeetingSitting,
  wanted: { sessionId?: string | null; sessionNumber?: number | null },
  meetingId?: string,
): Promise<{ session_id: string | null; session_number: number | null }> {
  if (sitting === 'joint') {
    if (wanted.sessionId || wanted.sessionNumber) fail('MEETING_SITTING_INVALID', { reason: 'a joint meeting sits between sessions and belongs to none' });
    return { session_id: null, session_number: null };
  }
  let session: CongressSessionTable | undefined;
  if (wanted.sessionId) {
    session = await getSession(context, wanted.sessionId);
    if (session.term_id !== termId) fail('SESSION_NOT_FOUND');
    if (wanted.sessionNumber && wanted.sessionNumber !== session.number) fail('MEETING_SITTING_INVALID', { reason: 'sessionNumber and sessionId disagree' });
  } else if (wanted.sessionNumber) {
    session = await repository.findSessionByNumber(context.db, termId, wanted.sessionNumber);
    if (!session) {
      const kind: SessionKind = sitting === 'extraordinary' ? 'extraordinary' : 'regular';
      session = {
        id: randomId(context.random),
        term_id: termId,
        number: wanted.sessionNumber,
        kind,
        title: defaultSessionTitle(wanted.sessionNumber, kind),
        created_at: nowIso(context),
        agenda_adopted_at: null,
        agenda_adopted_ballot_id: null,
        closed_at: null,
      };
      await repository.insertSession(context.db, session);
      await sessionCreated(context, termId);
    }
  }
  if (!session) {
    if (sitting !== 'plenary') fail('MEETING_SITTING_INVALID', { reason: `a ${sitting} sitting belongs to a session: give sessionId or sessionNumber` });
    return { session_id: null, session_number: null };
  }
  if (!SITTINGS_OF[session.kind].includes(sitting))
    fail('MEETING_SITTING_INVALID', { reason: `a ${session.kind} session holds ${SITTINGS_OF[session.kind].join(' and ')} sittings`, sitting, sessionKind: session.kind });
  if (sitting === 'preparatory') {
    const other = (await repository.listSittings(context.db, session.id)).find((row) => row.sitting === 'preparatory' && row.id !== meetingId);
    if (other) fail('MEETING_SITTING_INVALID', { reason: 'the session already has its preparatory meeting', meetingId: other.id });
  }
  return { session_id: session.id, session_number: session.number };
}

/**
 * 闭幕: a session closes once every sitting of it has closed (a sitting still in draft was never held:
 * it must be held or removed first). The date defaults to now; a given one may not be in the future.
 */
export async function closeSession(context: CoreContext, actor: AccountActor, sessionId: string, input: SessionCloseInput) {
  await transact(context, async (inside) => {
    const session = await getSession(inside, sessionId);
    if (session.closed_at) fail('SESSION_CLOSED', { closedAt: session.closed_at });
    const sittings = await repository.listSittings(inside.db, sessionId);
    const open = sittings.filter((sitting) => sitting.state !== 'closed');
    if (open.length > 0) fail('SESSION_SITTINGS_OPEN', { meetingIds: open.map((sitting) => sitting.id) });
    const now = nowIso(context);
    const closedAt = input.closedAt ? new Date(input.closedAt).toISOString() : now;
    if (closedAt > now) fail('SESSION_CLOSE_DATE_INVALID', { reason: 'the closing date is in the future' });
    if (closedAt < session.created_at) fail('SESSION_CLOSE_DATE_INVALID', { reason: 'the closing date is before the session was made' });
    await repository.setSessionClosedAt(inside.db, sessionId, closedAt);
    await recordAudit(inside, actor, 'session.closed', { detail: { sessionId, closedAt } });
  });
  return presentSession(context, await getSession(context, sessionId));
}

/** Reopens a closed session (a close entered by mistake): the caller checks nothing was published since. */
export async function reopenSession(context: CoreContext, actor: AccountActor, sessionId: string) {
  const session = await getSession(context, sessionId);
  if (!session.closed_at) fail('SESSION_NOT_CLOSED');
  await repository.setSessionClosedAt(context.db, sessionId, null);
  await recordAudit(context, actor, 'session.reopened', { detail: { sessionId, closedAt: session.closed_at } });
}
