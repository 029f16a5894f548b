// Paper and phones in one ballot (纸电同步). The secretary issues numbered papers to named
// representatives before the close; issuing takes their participation, so nobody votes both ways.
// After the close the tellers (scrutineer accounts) say how many papers came out of the box, enter
// each in a batch, and a second teller confirms each paper (by entering it again, blind) or the
// batch's totals (counted by hand). Finishing the count tallies phones and papers as one ballot.
//
// Who sees what: the secretary, who knows who holds a paper, sees the count's figures only; the
// tellers see the papers they enter (they hold them in their hands) and never who holds which.
// Once counted, the valid papers join the ballot box and their entries are deleted, so the stored
// ballot says how many voted on paper, never what the paper voters chose as a group.
import { randomId } from '../access/codes.js';
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { nowIso, transact } from '../context.js';
import type { MeetingTable, PaperEntryTable } from '../db/database.js';
import { fail } from '../errors.js';
import { getMeeting } from '../meetings/service.js';
import type { ManualItemCounts } from './kinds/index.js';
import * as papers from './paper-repository.js';
import { type BatchTotalsInput, combineCount, contentKey, type PaperContent, type PaperInput, readPaper, totalsDiffer } from './paper-rules.js';
import * as repository from './repository.js';
import { parseItems, type StoredResult, tallyAnswers } from './results.js';
import type { ItemAnswer } from './rules.js';
import { scrubPendingBallots } from './scrub.js';
import { type PaperCountEvent, paperCountMachine, paperCountState } from './paper-workflow.js';
import { sealCount } from './seal.js';
import { type BallotDeps, electorateFor, getBallot, viewBallot } from './service.js';
import type { BallotTable } from '../db/database.js';

/**
 * Papers are handed out before the ballot opens (发票), never while it is open: an issue refused
 * because its holder had voted on a phone would tell the secretary who has voted, and when (the
 * attendance oracle of issue 9, by another door). Only an electronic, secret ballot takes papers.
 */
function assertTakesPapers(ballot: BallotTable): void {
  if (ballot.method !== 'electronic') fail('BALLOT_STATE', { state: ballot.state, reason: 'a manual ballot takes counts, not papers' });
  if (ballot.secrecy !== 'secret') fail('PAPER_NOT_FOR_NAMED');
  if (ballot.state !== 'draft') fail('BALLOT_STATE', { state: ballot.state, reason: 'papers are issued and taken back before the ballot opens' });
}

async function assertMayHoldPaper(context: BallotDeps, meeting: MeetingTable, memberId: string): Promise<{ name: string }> {
  const member = await papers.findMember(context.db, memberId);
  if (!member || member.term_id !== meeting.term_id) fail('MEMBER_NOT_FOUND', { memberId });
  if (member.role !== 'representative') fail('NOT_ELIGIBLE', { memberId });
  if (meeting.sitting === 'joint' && !(await context.jointRolls.includes(context.db, meeting.id, memberId))) fail('JOINT_NOT_ON_ROLL', { memberId });
  return member;
}

/** The papers issued for a ballot, by serial: for the secretary, who hands them over. */
export async function listIssuedPapers(context: BallotDeps, ballotId: string) {
  const ballot = await getBallot(context, ballotId);
  const rows = await papers.listIssued(context.db, ballot.id);
  return { ballotId, papers: rows.map((row) => ({ memberId: row.member_id, name: row.name, staffNumber: row.staff_number, serial: row.serial, issuedAt: row.issued_at })) };
}

/**
 * Issues numbered papers to named representatives, all or none, before the ballot opens: a holder
 * can no longer vote on a phone (their participation row is taken with the paper).
 */
export async function issuePapers(context: BallotDeps, actor: AccountActor, ballotId: string, memberIds: readonly string[]) {
  const meetingId = await transact(context, async (inside) => {
    const ballot = await getBallot(inside, ballotId);
    assertTakesPapers(ballot);
    const meeting = await getMeeting(inside, ballot.meeting_id);
    const rows: { memberId: string; serial: number }[] = [];
    let serial = await papers.nextSerial(inside.db, ballotId);
    for (const memberId of new Set(memberIds)) {
      await assertMayHoldPaper(inside, meeting, memberId);
      if (await papers.findIssue(inside.db, ballotId, memberId)) fail('PAPER_ALREADY_ISSUED', { memberId });
      // A draft has no votes: a participation row already there is a paper issued by a racing call.
      if (!(await papers.takeParticipation(inside.db, ballotId, memberId))) fail('PAPER_ALREADY_ISSUED', { memberId });
      await papers.insertIssue(inside.db, { ballot_id: ballotId, member_id: memberId, serial, issued_at: nowIso(inside), issued_by: actor.id });
      rows.push({ memberId, serial });
      serial += 1;
    }
    await recordAudit(inside, actor, 'ballot.papers-issued', { meetingId: meeting.id, ballotId, detail: { papers: rows } });
    return meeting.id;
  });
  // The open ballot's registry learns its paper holders when it opens (src/ballots/service.ts openBallot).
  context.events.publish({ type: 'ballot.updated', meetingId, ballotId });
  return listIssuedPapers(context, ballotId);
}

/** A paper handed back before the ballot opens (a mistake, or the holder votes on a phone after all): audited, with its reason. */
export async function takeBackPaper(context: BallotDeps, actor: AccountActor, ballotId: string, memberId: string, reason: string) {
  const meetingId = await transact(context, async (inside) => {
    const ballot = await getBallot(inside, ballotId);
    assertTakesPapers(ballot);
    const issue = (await papers.findIssue(inside.db, ballotId, memberId)) ?? fail('PAPER_NOT_ISSUED', { memberId });
    await papers.deleteIssue(inside.db, ballotId, memberId);
    await papers.releaseParticipation(inside.db, ballotId, memberId);
    await recordAudit(inside, actor, 'ballot.paper-taken-back', { meetingId: ballot.meeting_id, ballotId, detail: { memberId, serial: issue.serial, reason } });
    return ballot.meeting_id;
  });
  context.events.publish({ type: 'ballot.updated', meetingId, ballotId });
  return listIssuedPapers(context, ballotId);
}

/** A move of the paper count (src/ballots/paper-workflow.ts), on a ballot whose count is under way. */
async function countUnderWay(context: BallotDeps, actor: AccountActor, ballotId: string, event: PaperCountEvent) {
  const ballot = await getBallot(context, ballotId);
  const count = await papers.findCount(context.db, ballotId);
  paperCountMachine.next(paperCountState(ballot.state, count), event, [actor.role]);
  return { ballot, count: count! };
}

function entryContent(entry: Pick<PaperEntryTable, 'answers' | 'invalid_reason'>): PaperContent {
  return entry.answers === null ? ({ invalid: entry.invalid_reason } as PaperContent) : { answers: JSON.parse(entry.answers) as ItemAnswer[] };
}

function accountNames(context: BallotDeps, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  return papers.accountNames(context.db, [...new Set(ids.filter((id): id is string => id !== null))]);
}

/**
 * Where the paper count stands, in figures: for every officer. A teller sees, besides, the papers
 * they entered themselves (to correct a slip), never another teller's (the second entry is blind).
 */
export async function paperCountStatus(context: BallotDeps, actor: AccountActor, ballotId: string) {
  const ballot = await getBallot(context, ballotId);
  const issued = await papers.countIssued(context.db, ballotId);
  const count = await papers.findCount(context.db, ballotId);
  const batches = await papers.listBatches(context.db, ballotId);
  const entries = await papers.listEntries(context.db, ballotId);
  const names = await accountNames(context, [...batches.flatMap((batch) => [batch.opened_by, batch.totals_confirmed_by]), count?.collected_by ?? null]);
  const stored = ballot.result ? (JSON.parse(ballot.result) as StoredResult) : null;
  const state = paperCountState(ballot.state, count);
  return {
    ballotId,
    state,
    issued,
    collected: count?.collected ?? null,
    collectedBy: count?.collected_by ? (names.get(count.collected_by) ?? null) : null,
    entered: state === 'counted' ? (stored?.papers?.returned ?? 0) : entries.length,
    confirmed: state === 'counted' ? (stored?.papers?.returned ?? 0) : entries.filter((entry) => entry.confirmed_by !== null).length,
    invalid: state === 'counted' ? (stored?.papers?.invalid ?? 0) : entries.filter((entry) => entry.answers === null).length,
    batches: batches.map((batch) => {
      const own = entries.filter((entry) => entry.batch_id === batch.id);
      return {
        id: batch.id,
        number: batch.number,
        openedBy: batch.opened_by ? (names.get(batch.opened_by) ?? null) : null,
        papers: own.length,
        confirmed: own.filter((entry) => entry.confirmed_by !== null).length,
        totalsConfirmedBy: batch.totals_confirmed_by ? (names.get(batch.totals_confirmed_by) ?? null) : null,
        mine:
          actor.role === 'scrutineer'
            ? own.filter((entry) => entry.entered_by === actor.id).map((entry) => ({ id: entry.entry_key, confirmed: entry.confirmed_by !== null, ...entryContent(entry) }))
            : [],
      };
    }),
  };
}

/** How many papers the tellers took out of the box (收回票数): said before the papers are entered, and again if recounted. */
export async function declareCollected(context: BallotDeps, actor: AccountActor, ballotId: string, collected: number) {
  await transact(context, async (inside) => {
    const { ballot } = await countUnderWay(inside, actor, ballotId, 'collect');
    const entered = await papers.countEntries(inside.db, ballotId);
    if (collected < entered) fail('PAPERS_EXCEED_COLLECTED', { collected, entered });
    await papers.setCollected(inside.db, ballotId, collected, actor.id, nowIso(inside));
    await recordAudit(inside, actor, 'ballot.papers-collected', { meetingId: ballot.meeting_id, ballotId, detail: { collected, issued: await papers.countIssued(inside.db, ballotId) } });
  });
  return paperCountStatus(context, actor, ballotId);
}

export async function openBatch(context: BallotDeps, actor: AccountActor, ballotId: string) {
  await transact(context, async (inside) => {
    const { ballot } = await countUnderWay(inside, actor, ballotId, 'openBatch');
    const number = await papers.nextBatchNumber(inside.db, ballotId);
    await papers.insertBatch(inside.db, {
      id: randomId(context.random),
      ballot_id: ballotId,
      number,
      opened_by: actor.id,
      opened_at: nowIso(inside),
      totals_confirmed_by: null,
      totals_confirmed_at: null,
    });
    await recordAudit(inside, actor, 'ballot.paper-batch-opened', { meetingId: ballot.meeting_id, ballotId, detail: { number } });
  });
  return paperCountStatus(context, actor, ballotId);
}

async function batchOf(context: BallotDeps, ballotId: string, batchId: string) {
  return (await papers.findBatch(context.db, ballotId, batchId)) ?? fail('PAPER_BATCH_NOT_FOUND');
}

/** One returned paper, as the teller reads it. The entry carries no serial, no time and no order. */
export async function enterPaper(context: BallotDeps, actor: AccountActor, ballotId: string, batchId: string, input: PaperInput) {
  const entry = await transact(context, async (inside) => {
    const { ballot, count } = await countUnderWay(inside, actor, ballotId, 'enter');
    const batch = await batchOf(inside, ballotId, batchId);
    if (batch.totals_confirmed_at) fail('PAPER_BATCH_CONFIRMED');
    // What the paper says is checked first: a typo is named as such, whatever else is wrong.
    const content = readPaper(parseItems(ballot), input);
    if (count.collected === null) fail('PAPERS_COLLECTED_UNKNOWN');
    // More papers came back than went out: the round is void (选举法 §44), nothing to enter.
    if (count.collected > (await papers.countIssued(inside.db, ballotId))) fail('PAPER_COUNT_STATE', { reason: 'more papers collected than issued: the round is void; finish the count' });
    const entered = await papers.countEntries(inside.db, ballotId);
    if (entered >= count.collected) fail('PAPERS_EXCEED_COLLECTED', { collected: count.collected, entered });
    const row: PaperEntryTable = {
      ballot_id: ballotId,
      entry_key: randomId(context.random),
      batch_id: batchId,
      answers: 'answers' in content ? JSON.stringify(content.answers) : null,
      invalid_reason: 'invalid' in content ? content.invalid : null,
      entered_by: actor.id,
      confirmed_by: null,
    };
    await papers.insertEntry(inside.db, row);
    return { id: row.entry_key, confirmed: false, ...content };
  });
  return entry;
}

/** A slip corrected: an unconfirmed entry is taken out by the teller who made it. */
export async function removePaper(context: BallotDeps, actor: AccountActor, ballotId: string, entryId: string) {
  await transact(context, async (inside) => {
    await countUnderWay(inside, actor, ballotId, 'remove');
    const entry = await papers.findEntry(inside.db, ballotId, entryId);
    if (!entry || entry.entered_by !== actor.id) fail('PAPER_ENTRY_NOT_FOUND');
    if (entry.confirmed_by) fail('PAPER_ENTRY_CONFIRMED');
    await papers.deleteEntry(inside.db, ballotId, entryId);
  });
}

/**
 * The second teller enters a paper of the batch again, without seeing the first entries: it
 * confirms one unconfirmed entry made by another teller that says the same. None: PAPER_NOT_MATCHED.
 */
export async function checkPaper(context: BallotDeps, actor: AccountActor, ballotId: string, batchId: string, input: PaperInput) {
  return transact(context, async (inside) => {
    const { ballot } = await countUnderWay(inside, actor, ballotId, 'check');
    await batchOf(inside, ballotId, batchId);
    const key = contentKey(readPaper(parseItems(ballot), input));
    const open = (await papers.listBatchEntries(inside.db, batchId)).filter((entry) => entry.confirmed_by === null);
    if (open.length > 0 && open.every((entry) => entry.entered_by === actor.id)) fail('SAME_TELLER');
    const match = open.find((entry) => entry.entered_by !== actor.id && contentKey(entryContent(entry)) === key) ?? fail('PAPER_NOT_MATCHED');
    await papers.confirmEntry(inside.db, ballotId, match.entry_key, actor.id);
    return { confirmed: true as const };
  });
}

/** The second teller's hand count of a batch: if it agrees with the entries, every entry of the batch is confirmed and the batch takes no more. */
export async function confirmBatchTotals(context: BallotDeps, actor: AccountActor, ballotId: string, batchId: string, totals: BatchTotalsInput) {
  await transact(context, async (inside) => {
    const { ballot } = await countUnderWay(inside, actor, ballotId, 'confirmTotals');
    const batch = await batchOf(inside, ballotId, batchId);
    if (batch.totals_confirmed_at) fail('PAPER_BATCH_CONFIRMED');
    const entries = await papers.listBatchEntries(inside.db, batchId);
    if (batch.opened_by === actor.id || entries.some((entry) => entry.entered_by === actor.id)) fail('SAME_TELLER');
    const differ = totalsDiffer(parseItems(ballot), entries.map(entryContent), { ...totals, items: totals.items as ManualItemCounts[] });
    if (differ.length > 0) fail('PAPER_TOTALS_DIFFER', { differ });
    await papers.confirmBatchTotals(inside.db, batchId, actor.id, nowIso(inside));
    await recordAudit(inside, actor, 'ballot.paper-batch-confirmed', { meetingId: ballot.meeting_id, ballotId, detail: { number: batch.number, papers: entries.length } });
  });
  return paperCountStatus(context, actor, ballotId);
}

/**
 * Phones and papers counted as one ballot. Every returned paper entered and confirmed first; more
 * papers returned than issued voids the round. The valid papers join the box, rewritten in key
 * order with the phones' and scrubbed from the log, and their entries go.
 */
export async function finishPaperCount(context: BallotDeps, actor: AccountActor, ballotId: string) {
  const meetingId = await transact(context, async (inside) => {
    const { ballot, count } = await countUnderWay(inside, actor, ballotId, 'finish');
    if (count.collected === null) fail('PAPERS_COLLECTED_UNKNOWN');
    const issued = await papers.countIssued(inside.db, ballotId);
    const entries = await papers.listEntries(inside.db, ballotId);
    const voided = count.collected > issued;
    if (!voided) {
      const confirmed = entries.filter((entry) => entry.confirmed_by !== null).length;
      if (entries.length !== count.collected || confirmed !== entries.length) fail('PAPER_COUNT_INCOMPLETE', { collected: count.collected, entered: entries.length, confirmed });
    }
    const meeting = await getMeeting(inside, ballot.meeting_id);
    const phones = (await repository.listBoxAnswers(inside.db, ballotId)).map((row) => JSON.parse(row.answers) as ItemAnswer[]);
    const combined = combineCount(phones, issued, count.collected, voided ? [] : entries.map(entryContent));
    const electorate = electorateFor(meeting, ballot.eligible ?? 0, ballot.present ?? 0, combined.cast);
    const tallied = tallyAnswers(parseItems(ballot), combined.answers, electorate);
    const result: StoredResult = { ...tallied, electronic: combined.electronic, papers: combined.papers, ...(combined.void ? { void: true } : {}) };
    if (!voided) {
      const valid = entries.filter((entry) => entry.answers !== null);
      await papers.insertBoxPapers(
        inside.db,
        valid.map((entry) => ({ ballot_id: ballotId, ballot_key: randomId(context.random), answers: entry.answers! })),
      );
    }
    await papers.deleteEntries(inside.db, ballotId);
    await repository.rewriteInKeyOrder(inside.db, ballotId);
    await repository.markScrubPending(inside.db, ballotId);
    if (!(await repository.updateBallotInState(inside.db, ballotId, 'closed', { ballots_cast: combined.cast, result: JSON.stringify(result) }))) fail('BALLOT_STATE', { state: ballot.state });
    await papers.finishCount(inside.db, ballotId, nowIso(inside));
    // The count is sealed as any other: the box as it now stays, phones and papers together.
    await sealCount(inside, actor, ballotId);
    await recordAudit(inside, actor, 'ballot.papers-counted', {
      meetingId: meeting.id,
      ballotId,
      detail: { cast: combined.cast, electronic: combined.electronic, issued, returned: count.collected, invalid: combined.papers.invalid, void: combined.void },
    });
    return meeting.id;
  });
  await scrubPendingBallots(context);
  // The ballot is counted now: everything that follows a count (resolutions, decisions, screens) hears the close again, with its result.
  context.events.publish({ type: 'ballot.closed', meetingId, ballotId });
  return viewBallot(context, await getBallot(context, ballotId), 'officer');
}
