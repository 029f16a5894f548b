// Proposals to convene an extraordinary session (临时会议): the unit (行政) or the union (工会) proposes
// and the secretary records it; or the representatives do, at least the term's proposalShare of them
// (default 1/3), signing from their phones. Convening makes a session of kind 'extraordinary' and links
// it, so the session's record shows who proposed it. Signatures are public (a petition, not a ballot):
// officers see who signed, members the count against the threshold and whether they signed.
import { randomId } from '../access/codes.js';
import { requireMember } from '../access/permissions.js';
import type { AccountActor, Actor, MemberActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type CoreContext, nowIso, transact } from '../context.js';
import type { ExtraordinaryProposalTable } from '../db/database.js';
import { fail } from '../errors.js';
import { getTerm, getTermRules } from '../roster/service.js';
import { atLeast } from '../roster/term-rules.js';
import { createSession } from '../sessions/service.js';
import * as repository from './repository.js';
import type { ConveneInput, Proposal, ProposalInput } from './schemas.js';
import { type ExtraordinaryEvent, extraordinaryMachine } from './workflow.js';

type Reader = Pick<CoreContext, 'db'>;

/** Signatures needed from a term's representatives: ⌈share × representatives⌉, and never fewer than one. */
export function signatureThreshold(share: { numerator: number; denominator: number }, representatives: number): number {
  return Math.max(1, atLeast(share, representatives));
}

/** Whether a proposal may be convened: the unit's and the union's at once, the representatives' at the threshold. */
export function proposalReached(proposer: ExtraordinaryProposalTable['proposer'], signatures: number, threshold: number): boolean {
  return proposer !== 'representatives' || signatures >= threshold;
}

/** The threshold now, and the figures it comes from. */
export async function termThreshold(context: Reader, termId: string): Promise<{ threshold: number; representatives: number }> {
  const [rules, representatives] = await Promise.all([getTermRules(context, termId), repository.countRepresentatives(context.db, termId)]);
  return { threshold: signatureThreshold(rules.extraordinary.proposalShare, representatives), representatives };
}

/** A member asks only about their own term; an officer about any. */
function assertSameTerm(actor: Actor, termId: string): void {
  if (actor.kind === 'member' && actor.termId !== termId) fail('FORBIDDEN');
}

async function present(context: Reader, rows: ExtraordinaryProposalTable[], viewer: Actor): Promise<Proposal[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const figures = new Map<string, { threshold: number; representatives: number }>();
  for (const termId of new Set(rows.map((row) => row.term_id))) figures.set(termId, await termThreshold(context, termId));
  const counts = await repository.countSignatures(context.db, ids);
  const mine = viewer.kind === 'member' ? await repository.signedBy(context.db, ids, viewer.memberId) : null;
  const officer = viewer.kind === 'account';
  return Promise.all(
    rows.map(async (row) => {
      const { threshold, representatives } = figures.get(row.term_id)!;
      const signatures = counts.get(row.id) ?? 0;
      return {
        id: row.id,
        termId: row.term_id,
        proposer: row.proposer,
        subject: row.subject,
        reasons: row.reasons,
        state: row.state,
        createdAt: row.created_at,
        createdBy: row.created_by,
        signatures,
        threshold,
        representatives,
        reached: proposalReached(row.proposer, signatures, threshold),
        signedByMe: mine ? mine.has(row.id) : null,
        signers: officer ? await repository.listSigners(context.db, row.id) : null,
        sessionId: row.session_id,
        convenedAt: row.convened_at,
        convenedBy: row.convened_by,
        withdrawnAt: row.withdrawn_at,
      };
    }),
  );
}

export async function presentOne(context: Reader, row: ExtraordinaryProposalTable, viewer: Actor): Promise<Proposal> {
  return (await present(context, [row], viewer))[0]!;
}

export async function getProposalRow(context: Reader, id: string): Promise<ExtraordinaryProposalTable> {
  return (await repository.findProposal(context.db, id)) ?? fail('EXTRAORDINARY_PROPOSAL_NOT_FOUND');
}

export async function listProposals(context: Reader, viewer: Actor, termId: string): Promise<Proposal[]> {
  await getTerm(context, termId);
  assertSameTerm(viewer, termId);
  return present(context, await repository.listProposals(context.db, termId), viewer);
}

export async function getProposal(context: Reader, viewer: Actor, id: string): Promise<Proposal> {
  const row = await getProposalRow(context, id);
  assertSameTerm(viewer, row.term_id);
  return presentOne(context, row, viewer);
}

/** The proposal a session was convened on, or null (a regular session, or one made by hand). */
export async function proposalOfSession(context: Reader, viewer: Actor, sessionId: string): Promise<Proposal | null> {
  const row = await repository.findProposalBySession(context.db, sessionId);
  return row ? presentOne(context, row, viewer) : null;
}

function changed(context: Pick<CoreContext, 'events'>, row: ExtraordinaryProposalTable): void {
  context.events.publish({ type: 'extraordinary.changed', termId: row.term_id, proposalId: row.id });
}

export async function createProposal(context: CoreContext, actor: AccountActor, termId: string, input: ProposalInput): Promise<Proposal> {
  await getTerm(context, termId);
  const row: ExtraordinaryProposalTable = {
    id: randomId(context.random),
    term_id: termId,
    proposer: input.proposer,
    subject: input.subject,
    reasons: input.reasons,
    state: 'collecting',
    session_id: null,
    created_at: nowIso(context),
    created_by: actor.username,
    convened_at: null,
    convened_by: null,
    signatures_at_convening: null,
    threshold_at_convening: null,
    withdrawn_at: null,
  };
  await transact(context, async (inside) => {
    await repository.insertProposal(inside.db, row);
    await recordAudit(inside, actor, 'extraordinary.proposed', { detail: { proposalId: row.id, termId, proposer: row.proposer, subject: row.subject } });
    changed(inside, row);
  });
  return presentOne(context, row, actor);
}

/** A proposal a representative may sign or unsign: theirs to see, collecting, and a representatives' one. */
async function petitionFor(context: Reader, member: MemberActor, id: string, event: Extract<ExtraordinaryEvent, 'sign' | 'unsign'>): Promise<ExtraordinaryProposalTable> {
  const row = await getProposalRow(context, id);
  if (row.term_id !== member.termId) fail('FORBIDDEN');
  if (row.proposer !== 'representatives') fail('EXTRAORDINARY_NOT_PETITION', { proposer: row.proposer });
  extraordinaryMachine.next(row.state, event, ['representative']);
  return row;
}

/**
 * A representative signs, once: a second signature (a retry over the hall's Wi-Fi, or two phones at
 * once) changes nothing, because the primary key (proposal, member) keeps one row.
 */
export async function sign(context: CoreContext, actor: Actor, id: string): Promise<Proposal> {
  const member = requireMember(actor, 'extraordinary.sign');
  // In one transaction with the state check, so no signature lands after the proposal was convened.
  const row = await transact(context, async (inside) => {
    const petition = await petitionFor(inside, member, id, 'sign');
    if (await repository.insertSignature(inside.db, { proposal_id: petition.id, member_id: member.memberId, signed_at: nowIso(inside) })) changed(inside, petition);
    return petition;
  });
  return presentOne(context, row, member);
}

/** A representative takes back their own signature while the proposal still collects. */
export async function unsign(context: CoreContext, actor: Actor, id: string): Promise<Proposal> {
  const member = requireMember(actor, 'extraordinary.sign');
  const row = await transact(context, async (inside) => {
    const petition = await petitionFor(inside, member, id, 'unsign');
    if (await repository.deleteSignature(inside.db, petition.id, member.memberId)) changed(inside, petition);
    return petition;
  });
  return presentOne(context, row, member);
}

export async function withdrawProposal(context: CoreContext, actor: AccountActor, id: string): Promise<Proposal> {
  const row = await transact(context, async (inside) => {
    const current = await getProposalRow(inside, id);
    const state = extraordinaryMachine.next(current.state, 'withdraw', ['secretary']);
    const withdrawnAt = nowIso(inside);
    await repository.updateCollectingProposal(inside.db, id, { state, withdrawn_at: withdrawnAt });
    await recordAudit(inside, actor, 'extraordinary.withdrawn', { detail: { proposalId: id, termId: current.term_id } });
    changed(inside, current);
    return { ...current, state, withdrawn_at: withdrawnAt };
  });
  return presentOne(context, row, actor);
}

/**
 * Convenes the extraordinary session a proposal asks for: a representatives' proposal only at its
 * threshold (counted again inside the transaction), the unit's and the union's at once. The session and
 * the link commit together, with the count and threshold of that moment kept for the record.
 */
export async function convene(context: CoreContext, actor: AccountActor, id: string, input: ConveneInput) {
  return transact(context, async (inside) => {
    const row = await getProposalRow(inside, id);
    const state = extraordinaryMachine.next(row.state, 'convene', ['secretary']);
    const { threshold, representatives } = await termThreshold(inside, row.term_id);
    const signatures = (await repository.countSignatures(inside.db, [row.id])).get(row.id) ?? 0;
    if (!proposalReached(row.proposer, signatures, threshold)) fail('EXTRAORDINARY_THRESHOLD_NOT_REACHED', { signatures, threshold, representatives });
    const number = input.number ?? (await repository.nextSessionNumber(inside.db, row.term_id));
    const session = await createSession(inside, actor, row.term_id, { number, kind: 'extraordinary', title: input.title });
    const petition = row.proposer === 'representatives';
    const convened = {
      state,
      session_id: session.id,
      convened_at: nowIso(inside),
      convened_by: actor.username,
      signatures_at_convening: petition ? signatures : null,
      threshold_at_convening: petition ? threshold : null,
    };
    await repository.updateCollectingProposal(inside.db, row.id, convened);
    await recordAudit(inside, actor, 'extraordinary.convened', {
      detail: { proposalId: row.id, termId: row.term_id, proposer: row.proposer, sessionId: session.id, number, ...(petition ? { signatures, threshold, representatives } : {}) },
    });
    changed(inside, row);
    return { proposal: await presentOne(inside, { ...row, ...convened }, actor), session };
  });
}
