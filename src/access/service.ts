// Issuing, revoking and using personal access codes; a representative's sign-in session.
import type { AccountActor, MemberActor, MemberRole } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type CoreContext, nowIso } from '../context.js';
import { fail } from '../errors.js';
import * as roster from '../roster/service.js';
import { getMember, getTerm } from '../roster/service.js';
import * as accounts from '../accounts/service.js';
import type { AttemptLimiter } from './attempt-limiter.js';
import { formatCode, generateCode, hashSecret, normalizeCode, randomToken } from './codes.js';

/** The link a card's QR code opens: under PUBLIC_URL, else under the origin the secretary used. */
export function joinUrl(context: CoreContext, code: string, origin: string): string {
  return `${(context.config.PUBLIC_URL ?? origin).replace(/\/$/, '')}/v/${formatCode(code)}`;
}

async function issueFor(context: CoreContext, origin: string, member: { id: string; name: string; staff_number: string }, delegationName: string | null) {
  const code = generateCode(context.random);
  const at = nowIso(context);
  await roster.revokeCodesOfMember(context, member.id, at);
  await roster.insertAccessCode(context, { code_hash: hashSecret(context.secretKey, code), member_id: member.id, issued_at: at, revoked_at: null });
  // The QR code is drawn from joinUrl where the card is printed: thousands of SVGs made here at once
  // held some 360 MB of a 10,000-member congress's server memory long after the cards were out.
  return { memberId: member.id, name: member.name, staffNumber: member.staff_number, delegationName, code: formatCode(code), joinUrl: joinUrl(context, code, origin) };
}

/**
 * Issues (or reissues, revoking the old one) a member's code. The plain code is returned once.
 * `origin` is where the secretary reached the server (used for the join link without PUBLIC_URL).
 */
export async function issueCode(context: CoreContext, actor: AccountActor, memberId: string, origin: string) {
  const member = await getMember(context, memberId);
  const delegation = member.delegation_id ? await roster.findDelegation(context, member.delegation_id) : undefined;
  const issued = await issueFor(context, origin, member, delegation?.name ?? null);
  // After the old code is revoked in the database: the sockets it opened go, and cannot come back with it.
  context.events.publish({ type: 'member.revoked', memberId });
  await recordAudit(context, actor, 'code.issued', { detail: { memberId } });
  return issued;
}

/** Codes for everyone on the term's roster who has none (or everyone, to reprint all cards). */
export async function issueCodes(context: CoreContext, actor: AccountActor, termId: string, scope: 'missing' | 'all', origin: string) {
  await getTerm(context, termId);
  const [members, holders] = await Promise.all([roster.listMemberRows(context, termId), roster.listActiveCodeHolders(context, termId)]);
  const holding = new Set(holders.map((holder) => holder.member_id));
  const chosen = members.filter((member) => scope === 'all' || !holding.has(member.id));
  const issued = [];
  for (const member of chosen) {
    issued.push(await issueFor(context, origin, member, member.delegation_name ?? null));
    if (holding.has(member.id)) context.events.publish({ type: 'member.revoked', memberId: member.id });
  }
  await recordAudit(context, actor, 'code.issued-bulk', { detail: { termId, scope, count: issued.length } });
  return issued;
}

export async function revokeCode(context: CoreContext, actor: AccountActor, memberId: string) {
  await getMember(context, memberId);
  await roster.revokeCodesOfMember(context, memberId, nowIso(context));
  context.events.publish({ type: 'member.revoked', memberId });
  await recordAudit(context, actor, 'code.revoked', { detail: { memberId } });
}

/** The app's context keeps codes' holders and sessions in memory; a script's reads the database each time. */
type CredentialReaders = roster.CodeHolderReader & accounts.SessionReader;

/** Who a representative is, as their own snapshot shows them. */
export interface MemberDescription {
  memberId: string;
  name: string;
  role: MemberRole;
  delegationName: string | null;
}

/** A representative found by their code: who they act as, and how their own snapshot shows them. */
export interface FoundMember {
  actor: MemberActor;
  you: MemberDescription;
}

type MemberRow = { id: string; term_id: string; name: string; role: MemberRole; delegation_id: string | null; delegation_name: string | null };

/**
 * Per row read: a kept row (src/roster/code-holders.ts) is the same object for every phone of a hall
 * that reconnects, until a write to its tables, and so gets the same frozen actor and description
 * (which the snapshot's text of it is kept by, src/meetings/live.ts).
 */
const foundMembers = new WeakMap<MemberRow, FoundMember>();

function foundMember(member: MemberRow): FoundMember {
  let found = foundMembers.get(member);
  if (!found) {
    found = Object.freeze({
      actor: Object.freeze({ kind: 'member', memberId: member.id, termId: member.term_id, name: member.name, role: member.role, delegationId: member.delegation_id } as const),
      you: Object.freeze({ memberId: member.id, name: member.name, role: member.role, delegationName: member.delegation_name }),
    });
    foundMembers.set(member, found);
  }
  return found;
}

/**
 * Checks a typed or scanned code, over HTTP or a socket handshake alike; every attempt counts against
 * the address from before the lookup, and only a right code is taken back.
 */
export async function memberForCode(context: CoreContext & CredentialReaders, limiter: AttemptLimiter, address: string, input: string): Promise<FoundMember & { codeHash: string }> {
  const keys = [`code:${address}`];
  limiter.reserve(keys);
  const code = normalizeCode(input);
  const codeHash = code ? hashSecret(context.secretKey, code) : null;
  const member = codeHash ? await roster.findMemberOfActiveCode(context, codeHash) : undefined;
  if (!member || !codeHash) fail('INVALID_CODE');
  limiter.forgive(keys);
  return { ...foundMember(member), codeHash };
}

export async function startMemberSession(context: CoreContext, limiter: AttemptLimiter, address: string, input: string) {
  const { actor, codeHash } = await memberForCode(context, limiter, address, input);
  const token = randomToken(context.random);
  const expires = new Date(context.clock().getTime() + context.config.SESSION_HOURS * 3_600_000);
  await accounts.insertSession(context, {
    token_hash: hashSecret(context.secretKey, token),
    account_id: null,
    member_id: actor.memberId,
    code_hash: codeHash,
    expires_at: expires.toISOString(),
  });
  return { token, actor };
}

export async function memberForToken(context: CoreContext, token: string): Promise<MemberActor | null> {
  return (await memberSessionForHash(context, hashSecret(context.secretKey, token)))?.actor ?? null;
}

/** A live representative session, by its stored hash: unexpired, its code still active, its member still on the roster. */
export async function memberSessionForHash(context: CoreContext & CredentialReaders, sessionHash: string): Promise<(FoundMember & { expiresAt: string }) | null> {
  const session = await accounts.findSession(context, sessionHash);
  if (!session?.member_id || !session.code_hash || session.expires_at < nowIso(context)) return null;
  const found = await memberForCodeHash(context, session.code_hash);
  return found && found.actor.memberId === session.member_id ? { ...found, expiresAt: session.expires_at } : null;
}

/** Who an active code names now (its member may have changed role since the card was printed). */
export async function memberForCodeHash(context: CoreContext & CredentialReaders, codeHash: string): Promise<FoundMember | null> {
  const member = await roster.findMemberOfActiveCode(context, codeHash);
  return member ? foundMember(member) : null;
}
