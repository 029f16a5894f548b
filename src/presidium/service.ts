// The presidium (主席团): proposed by the secretariat, elected at the session's preparatory meeting
// (by an election ballot, or by approving the proposed list, usually by show of hands), then fixed.
// Each sitting's presiding chair (执行主席) comes from it; the preparatory meeting, which elects it,
// is chaired by anyone of the term (the union's chair). Tellers (总监票人, 监票人, 计票人) per ballot.
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { ballotItemUse, ballotOutcome, getBallot, recordBallotUse } from '../ballots/service.js';
import { parseItems } from '../ballots/items.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import type { BallotTellerTable } from '../db/database.js';
import { fail } from '../errors.js';
import { getMeeting, presentMeeting } from '../meetings/service.js';
import { getTermRules } from '../roster/service.js';
import { getSession } from '../sessions/service.js';
import { presidiumChecks } from './composition.js';
import * as repository from './repository.js';
import type { ElectInput, PresidiumInput, TellersInput } from './schemas.js';
import { tellersStanding } from './teller-rule.js';

type Reader = Pick<AppContext, 'db'>;

export async function readPresidium(context: Reader, sessionId: string) {
  const session = await getSession(context, sessionId);
  const [rows, election, rules, representatives] = await Promise.all([
    repository.listPresidium(context.db, sessionId),
    repository.findElection(context.db, sessionId),
    getTermRules(context, session.term_id),
    repository.countRepresentatives(context.db, session.term_id),
  ]);
  const members = rows.map((row) => ({ memberId: row.member_id, name: row.name, delegationName: row.delegation_name, tags: JSON.parse(row.tags) as string[] }));
  const count = Number(representatives.count);
  const manual = election ? (await ballotOutcome(context, election.ballot_id)).manual : false;
  return {
    sessionId,
    termId: session.term_id,
    representatives: count,
    members,
    elected: election ? { ballotId: election.ballot_id, itemId: election.item_id, by: election.elected_by, at: election.elected_at, manual } : null,
    checks: presidiumChecks(
      rules.presidium,
      count,
      members.map((member) => member.tags),
    ),
  };
}

/** Refuses anyone who is not a representative of the term (an attendee, another term's member, no one). */
async function assertRepresentatives(context: Reader, termId: string, memberIds: readonly string[]): Promise<void> {
  const found = await repository.membersOfTerm(context.db, termId, memberIds);
  const representatives = new Set(found.filter((row) => row.role === 'representative').map((row) => row.id));
  const invalid = memberIds.filter((id) => !representatives.has(id));
  if (invalid.length > 0) fail('PRESIDIUM_MEMBER_INVALID', { memberIds: invalid });
}

/**
 * The members an election elected. A candidate whose id is a member id of the term is that member
 * (ballots built from the roster); otherwise, as the console numbers candidates c1, c2 …, the one
 * member of the term with the candidate's name (or the write-in's). Names no one or several bear
 * are returned apart, for the refusal to list.
 */
async function electedMembers(context: Reader, termId: string, candidates: readonly { id: string; name: string }[], elected: readonly string[]) {
  const members = await repository.termMembers(context.db, termId);
  const ids = new Set(members.map((member) => member.id));
  const resolved: string[] = [];
  const unknown: string[] = [];
  for (const id of elected) {
    if (ids.has(id)) {
      resolved.push(id);
      continue;
    }
    const name = (id.startsWith('write-in:') ? id.slice('write-in:'.length) : (candidates.find((candidate) => candidate.id === id)?.name ?? '')).trim();
    const named = members.filter((member) => member.name.trim() === name);
    if (named.length === 1) resolved.push(named[0]!.id);
    else unknown.push(name || id);
  }
  return { resolved: [...new Set(resolved)], unknown };
}

export async function proposePresidium(context: CoreContext, actor: AccountActor, sessionId: string, input: PresidiumInput) {
  await transact(context, async (inside) => {
    const session = await getSession(inside, sessionId);
    if (await repository.findElection(inside.db, sessionId)) fail('PRESIDIUM_ELECTED');
    await assertRepresentatives(inside, session.term_id, input.memberIds);
    await repository.replacePresidium(inside.db, sessionId, input.memberIds);
    await recordAudit(inside, actor, 'presidium.proposed', { detail: { sessionId, memberIds: input.memberIds } });
  });
  return readPresidium(context, sessionId);
}

/**
 * The preparatory meeting's settled ballot elects the presidium: an election item's elected
 * candidates (member ids) become the list, or an approval item that passed adopts the proposed list.
 */
export async function electPresidium(context: CoreContext, actor: AccountActor, sessionId: string, input: ElectInput) {
  await transact(context, async (inside) => {
    const session = await getSession(inside, sessionId);
    if (await repository.findElection(inside.db, sessionId)) fail('PRESIDIUM_ELECTED');
    const ballot = await getBallot(inside, input.ballotId);
    const sitting = await getMeeting(inside, ballot.meeting_id);
    if (sitting.session_id !== sessionId || sitting.sitting !== 'preparatory') fail('PRESIDIUM_BALLOT_INVALID', { reason: 'the ballot is not of the session’s preparatory meeting' });
    const outcome = await ballotOutcome(inside, input.ballotId);
    const candidates = outcome.items.filter((item) => (input.itemId ? item.id === input.itemId : item.kind === 'election' || item.kind === 'approval'));
    if (candidates.length !== 1) fail('PRESIDIUM_BALLOT_INVALID', { reason: input.itemId ? 'no such item' : 'name the item (itemId): the ballot has none or several election or approval items' });
    const item = candidates[0]!;
    if (item.kind !== 'election' && item.kind !== 'approval') fail('PRESIDIUM_BALLOT_INVALID', { reason: 'the item is neither an election nor an approval', kind: item.kind });
    if (!outcome.settled) fail('PRESIDIUM_BALLOT_NOT_SETTLED');
    if (item.kind === 'election') {
      if (!item.elected || item.elected.length === 0) fail('PRESIDIUM_NOT_ADOPTED', { reason: 'no one was elected' });
      const stored = parseItems(ballot).find((entry) => entry.id === item.id);
      const candidates = stored && stored.kind === 'election' ? stored.candidates : [];
      const { resolved, unknown } = await electedMembers(inside, session.term_id, candidates, item.elected);
      if (unknown.length > 0) fail('PRESIDIUM_MEMBER_INVALID', { reason: 'elected candidates not found on the roster by id or by name', names: unknown });
      await assertRepresentatives(inside, session.term_id, resolved);
      await repository.replacePresidium(inside.db, sessionId, resolved);
    } else {
      if (item.passed !== true) fail('PRESIDIUM_NOT_ADOPTED');
      const list = await repository.listPresidium(inside.db, sessionId);
      if (list.length === 0) fail('PRESIDIUM_LIST_EMPTY');
      // The hall approved the list as it stood when it voted: a list changed since was never voted on.
      const voted = await repository.listProposedWhenVoted(inside.db, sessionId, input.ballotId);
      if (voted?.join() !== list.map((entry) => entry.member_id).join()) fail('PRESIDIUM_NOT_ADOPTED', { reason: 'the list is not the one the hall voted on' });
    }
    // An item decides one thing once: the same vote cannot also adopt the agenda or the credentials report.
    const used = await ballotItemUse(inside.db, input.ballotId, item.id);
    if (used) fail('PRESIDIUM_BALLOT_INVALID', { reason: `the ballot item has already served (${used})` });
    await recordBallotUse(inside.db, { ballotId: input.ballotId, itemId: item.id, purpose: 'presidium_election', subjectId: sessionId, at: nowIso(context) });
    await repository.insertElection(inside.db, { session_id: sessionId, ballot_id: input.ballotId, item_id: item.id, elected_by: item.kind, elected_at: nowIso(context) });
    await recordAudit(inside, actor, 'presidium.elected', { meetingId: ballot.meeting_id, ballotId: input.ballotId, detail: { sessionId, itemId: item.id, by: item.kind, manual: outcome.manual } });
  });
  return readPresidium(context, sessionId);
}

/**
 * A sitting's presiding chair. A plenary or extraordinary sitting's chair comes from the session's
 * elected presidium; a preparatory or joint meeting's may be anyone of the term (the union chairs the
 * preparatory meeting, before there is a presidium).
 */
export async function setPresidingChair(context: CoreContext, actor: AccountActor, meetingId: string, memberId: string | null) {
  await transact(context, async (inside) => {
    const meeting = await getMeeting(inside, meetingId);
    if (meeting.state === 'closed') fail('MEETING_STATE', { state: meeting.state });
    if (memberId !== null) {
      const [member] = await repository.membersOfTerm(inside.db, meeting.term_id, [memberId]);
      if (!member) fail('MEMBER_NOT_FOUND');
      if (meeting.sitting === 'plenary' || meeting.sitting === 'extraordinary') {
        if (!meeting.session_id || !(await repository.findElection(inside.db, meeting.session_id))) fail('PRESIDIUM_NOT_ELECTED');
        const presidium = await repository.listPresidium(inside.db, meeting.session_id);
        if (!presidium.some((row) => row.member_id === memberId)) fail('PRESIDING_CHAIR_INVALID');
      }
    }
    await repository.setPresidingChair(inside.db, meetingId, memberId);
    await recordAudit(inside, actor, 'meeting.presiding-chair', { meetingId, detail: { memberId } });
  });
  context.events.publish({ type: 'meeting.updated', meetingId });
  return presentMeeting(await getMeeting(context, meetingId));
}

export async function listTellers(context: Reader, ballotId: string) {
  await getBallot(context, ballotId);
  return (await repository.listTellers(context.db, ballotId)).map((row) => ({
    memberId: row.member_id,
    name: row.name,
    delegationName: row.delegation_name,
    role: row.role,
    chosenBy: row.chosen_by,
    electedByBallotId: row.elected_by_ballot_id,
  }));
}

/**
 * Names (or records the election of) a ballot's tellers, replacing any before, while the ballot is a
 * draft. Tellers are members of the term, at most one 总监票人, and never a candidate on this ballot;
 * elected tellers must be among those the given settled ballot elected.
 */
export async function setTellers(context: CoreContext, actor: AccountActor, ballotId: string, input: TellersInput) {
  const meetingId = await transact(context, async (inside) => {
    const ballot = await getBallot(inside, ballotId);
    if (ballot.state !== 'draft') fail('BALLOT_STATE', { state: ballot.state, reason: 'tellers change only while the ballot is a draft' });
    const meeting = await getMeeting(inside, ballot.meeting_id);
    const ids = input.tellers.map((teller) => teller.memberId);
    const members = await repository.membersOfTerm(inside.db, meeting.term_id, ids);
    const byId = new Map(members.map((member) => [member.id, member]));
    const strangers = ids.filter((id) => !byId.has(id));
    if (strangers.length > 0) fail('TELLERS_INVALID', { reason: 'not members of the term', memberIds: strangers });
    if (input.tellers.filter((teller) => teller.role === 'chief_scrutineer').length > 1) fail('TELLERS_INVALID', { reason: 'at most one chief scrutineer (总监票人)' });
    if (input.electedByBallotId) {
      const election = await getBallot(inside, input.electedByBallotId);
      if (election.id === ballotId || (await getMeeting(inside, election.meeting_id)).term_id !== meeting.term_id) fail('TELLERS_INVALID', { reason: 'the electing ballot is not of this term' });
      const outcome = await ballotOutcome(inside, election.id);
      if (!outcome.settled) fail('PRESIDIUM_BALLOT_NOT_SETTLED');
      const candidates = parseItems(election).flatMap((item) => (item.kind === 'election' ? item.candidates : []));
      const { resolved } = await electedMembers(
        inside,
        meeting.term_id,
        candidates,
        outcome.items.flatMap((item) => (item.kind === 'election' ? (item.elected ?? []) : [])),
      );
      const elected = new Set(resolved);
      const notElected = ids.filter((id) => !elected.has(id));
      if (notElected.length > 0) fail('TELLERS_INVALID', { reason: 'not elected by that ballot', memberIds: notElected });
    }
    const clashes = tellersStanding(
      parseItems(ballot),
      input.tellers.map((teller) => ({ memberId: teller.memberId, name: byId.get(teller.memberId)!.name })),
    );
    if (clashes.length > 0) fail('TELLER_IS_CANDIDATE', { tellers: clashes });
    const rows: BallotTellerTable[] = input.tellers.map((teller) => ({
      ballot_id: ballotId,
      member_id: teller.memberId,
      role: teller.role,
      chosen_by: input.electedByBallotId ? 'elected' : 'named',
      elected_by_ballot_id: input.electedByBallotId ?? null,
    }));
    await repository.replaceTellers(inside.db, ballotId, rows);
    await recordAudit(inside, actor, 'ballot.tellers', {
      meetingId: meeting.id,
      ballotId,
      detail: { tellers: input.tellers, electedByBallotId: input.electedByBallotId ?? null },
    });
    return meeting.id;
  });
  context.events.publish({ type: 'ballot.updated', meetingId, ballotId });
  return listTellers(context, ballotId);
}
