// Terms (届), delegations (代表团/组), the roster of representatives and attendees, and its import.
import { randomId } from '../access/codes.js';
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import type { Database, MemberTable } from '../db/database.js';
import { chineseNumber } from '../credentials/rules.js';
import { fail } from '../errors.js';
import * as repository from './repository.js';
import type { DelegationInput, MemberInput, MemberPatch, TermInput } from './schemas.js';
import { canonicalTag } from './tags.js';
import { applyTermRulesPatch, parseTermRules, type TermRules, type TermRulesPatch } from './term-rules.js';

/** What the roster routes use: the core, and the worker that reads an uploaded roster. */
export type RosterDeps = CoreContext & Pick<AppContext, 'heavyWork'>;

export async function getTerm(context: Pick<AppContext, 'db'>, termId: string) {
  return (await repository.findTerm(context.db, termId)) ?? fail('TERM_NOT_FOUND');
}

export async function createTerm(context: CoreContext, actor: AccountActor, input: TermInput) {
  if (await repository.findTermByNumber(context.db, input.number)) fail('TERM_EXISTS');
  const term = { id: randomId(context.random), number: input.number, title: input.title ?? `第${chineseNumber(input.number)}届`, created_at: nowIso(context), rules: '{}' };
  await repository.insertTerm(context.db, term);
  await recordAudit(context, actor, 'term.created', { detail: { number: term.number } });
  return presentTerm(term);
}

/** The term's rules with every default filled in (src/roster/term-rules.ts). */
export async function getTermRules(context: Pick<AppContext, 'db'>, termId: string): Promise<TermRules> {
  return parseTermRules((await getTerm(context, termId)).rules);
}

/** Changes the parts the patch names, checked whole; audited with the patch. */
export async function updateTermRules(context: CoreContext, actor: AccountActor, termId: string, patch: TermRulesPatch): Promise<TermRules> {
  return transact(context, async (inside) => {
    const rules = applyTermRulesPatch(await getTermRules(inside, termId), patch);
    await repository.updateTermRules(inside.db, termId, JSON.stringify(rules));
    await recordAudit(inside, actor, 'term.rules-updated', { detail: patch });
    return rules;
  });
}

export function presentTerm(term: { id: string; number: number; title: string; created_at: string }) {
  return { id: term.id, number: term.number, title: term.title, createdAt: term.created_at };
}

export async function listTerms(context: CoreContext) {
  return (await repository.listTerms(context.db)).map(presentTerm);
}

export async function listDelegations(context: CoreContext, termId: string) {
  await getTerm(context, termId);
  const rows = await repository.listDelegations(context.db, termId);
  return rows.map((row) => ({ id: row.id, termId: row.term_id, name: row.name, leaderMemberId: row.leader_member_id }));
}

async function checkLeader(context: CoreContext, delegationId: string, leaderMemberId: string | null | undefined) {
  if (!leaderMemberId) return;
  const leader = await repository.findMember(context.db, leaderMemberId);
  if (!leader) fail('MEMBER_NOT_FOUND');
  if (leader.delegation_id !== delegationId) fail('LEADER_NOT_IN_DELEGATION');
}

export async function createDelegation(context: CoreContext, actor: AccountActor, termId: string, input: DelegationInput) {
  await getTerm(context, termId);
  const delegation = { id: randomId(context.random), term_id: termId, name: input.name, leader_member_id: null };
  await repository.insertDelegation(context.db, delegation);
  await recordAudit(context, actor, 'delegation.created', { detail: { termId, name: input.name } });
  return { id: delegation.id, termId, name: delegation.name, leaderMemberId: null };
}

export async function updateDelegation(context: CoreContext, actor: AccountActor, delegationId: string, input: Partial<DelegationInput>) {
  const delegation = (await repository.findDelegation(context.db, delegationId)) ?? fail('DELEGATION_NOT_FOUND');
  await checkLeader(context, delegationId, input.leaderMemberId);
  await repository.updateDelegation(context.db, delegationId, {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.leaderMemberId === undefined ? {} : { leader_member_id: input.leaderMemberId }),
  });
  await recordAudit(context, actor, 'delegation.updated', { detail: { delegationId, ...input } });
  const updated = (await repository.findDelegation(context.db, delegationId))!;
  return { id: updated.id, termId: delegation.term_id, name: updated.name, leaderMemberId: updated.leader_member_id };
}

export async function deleteDelegation(context: CoreContext, actor: AccountActor, delegationId: string) {
  const delegation = (await repository.findDelegation(context.db, delegationId)) ?? fail('DELEGATION_NOT_FOUND');
  if ((await repository.countMembersInDelegation(context.db, delegationId)) > 0) fail('DELEGATION_NOT_EMPTY');
  await repository.deleteDelegation(context.db, delegationId);
  await recordAudit(context, actor, 'delegation.deleted', { detail: { termId: delegation.term_id, name: delegation.name } });
}

/** Tags as the credentials report counts them: known spellings (一线, frontline) as their category tag. */
function canonicalTags(tags: string[]): string[] {
  return [...new Set(tags.map(canonicalTag))];
}

type MemberRow = MemberTable & { delegation_name?: string | null };

export function presentMember(row: MemberRow, activeCodes?: Set<string>) {
  return {
    id: row.id,
    termId: row.term_id,
    name: row.name,
    staffNumber: row.staff_number,
    delegationId: row.delegation_id,
    delegationName: row.delegation_name ?? null,
    role: row.role,
    tags: JSON.parse(row.tags) as string[],
    ...(activeCodes ? { hasCode: activeCodes.has(row.id) } : {}),
  };
}

export async function listMembers(context: CoreContext, termId: string) {
  await getTerm(context, termId);
  const [rows, codes] = await Promise.all([repository.listMembers(context.db, termId), repository.listActiveCodeHolders(context.db, termId)]);
  const active = new Set(codes.map((code) => code.member_id));
  return rows.map((row) => presentMember(row, active));
}

async function assertRosterUnlocked(context: CoreContext, termId: string) {
  if (await repository.termHasMeetingInSession(context.db, termId)) fail('ROSTER_LOCKED');
}

async function assertDelegationInTerm(context: CoreContext, termId: string, delegationId: string | null | undefined) {
  if (!delegationId) return;
  const delegation = await repository.findDelegation(context.db, delegationId);
  if (!delegation || delegation.term_id !== termId) fail('DELEGATION_NOT_FOUND');
}

export async function addMember(context: CoreContext, actor: AccountActor, termId: string, input: MemberInput) {
  await getTerm(context, termId);
  await assertRosterUnlocked(context, termId);
  await assertDelegationInTerm(context, termId, input.delegationId);
  const row: MemberTable = {
    id: randomId(context.random),
    term_id: termId,
    name: input.name,
    staff_number: input.staffNumber,
    delegation_id: input.delegationId ?? null,
    role: input.role,
    tags: JSON.stringify(canonicalTags(input.tags ?? [])),
  };
  await repository.insertMembers(context.db, [row]);
  context.events.publish({ type: 'roster.changed', termId });
  await recordAudit(context, actor, 'member.added', { detail: { termId, staffNumber: row.staff_number, role: row.role } });
  return presentMember(row);
}

export async function getMember(context: Pick<AppContext, 'db'>, memberId: string) {
  return (await repository.findMember(context.db, memberId)) ?? fail('MEMBER_NOT_FOUND');
}

export async function updateMember(context: CoreContext, actor: AccountActor, memberId: string, patch: MemberPatch) {
  const member = await getMember(context, memberId);
  if (patch.role !== undefined && patch.role !== member.role) await assertRosterUnlocked(context, member.term_id);
  await assertDelegationInTerm(context, member.term_id, patch.delegationId);
  await repository.updateMember(context.db, memberId, {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.staffNumber === undefined ? {} : { staff_number: patch.staffNumber }),
    ...(patch.delegationId === undefined ? {} : { delegation_id: patch.delegationId }),
    ...(patch.role === undefined ? {} : { role: patch.role }),
    ...(patch.tags === undefined ? {} : { tags: JSON.stringify(canonicalTags(patch.tags)) }),
  });
  if (patch.delegationId !== undefined) await repository.clearLeaderOutsideDelegation(context.db, memberId, patch.delegationId);
  if (patch.role !== undefined) context.events.publish({ type: 'roster.changed', termId: member.term_id });
  await recordAudit(context, actor, 'member.updated', { detail: { memberId, fields: Object.keys(patch) } });
  return presentMember((await repository.findMember(context.db, memberId))!);
}

export async function removeMember(context: CoreContext, actor: AccountActor, memberId: string) {
  const member = await getMember(context, memberId);
  await assertRosterUnlocked(context, member.term_id);
  if (await repository.hasParticipated(context.db, memberId)) fail('ROSTER_LOCKED');
  await repository.deleteMember(context.db, memberId);
  context.events.publish({ type: 'member.revoked', memberId });
  context.events.publish({ type: 'roster.changed', termId: member.term_id });
  await recordAudit(context, actor, 'member.removed', { detail: { termId: member.term_id, staffNumber: member.staff_number } });
}

/** Before an uploaded roster is read: the term exists and its roster may change now. */
export async function checkRosterImportable(context: CoreContext, termId: string): Promise<void> {
  await getTerm(context, termId);
  await assertRosterUnlocked(context, termId);
}

/** All or nothing: any bad row aborts the import with the full per-row report. The file is read in the worker. */
export async function importRoster(context: RosterDeps, actor: AccountActor, termId: string, file: Buffer, format: 'csv' | 'xlsx') {
  await checkRosterImportable(context, termId);
  const [delegations, members] = await Promise.all([repository.listDelegations(context.db, termId), repository.listMembers(context.db, termId)]);
  const parsed = await context.heavyWork.run({
    kind: 'roster',
    file,
    format,
    context: { delegations: delegations.map((delegation) => delegation.name), existingStaffNumbers: members.map((member) => member.staff_number) },
  });
  // The roster may have locked (a meeting opened) while the file was read.
  await assertRosterUnlocked(context, termId);
  if (!parsed.ok) fail('ROSTER_IMPORT_FAILED', { problems: parsed.problems });
  const delegationIds = new Map(delegations.map((delegation) => [delegation.name, delegation.id]));
  const rows: MemberTable[] = parsed.rows.map((row) => ({
    id: randomId(context.random),
    term_id: termId,
    name: row.name,
    staff_number: row.staffNumber,
    delegation_id: row.delegation ? delegationIds.get(row.delegation)! : null,
    role: row.role,
    tags: JSON.stringify(row.tags),
  }));
  await transact(context, async (inside) => {
    await repository.insertMembers(inside.db, rows);
    await recordAudit(inside, actor, 'roster.imported', { detail: { termId, format, count: rows.length } });
  });
  context.events.publish({ type: 'roster.changed', termId });
  return { imported: rows.length };
}

// What other domains read from the roster. They come here rather than to the repository, so the
// roster's tables have one owner; these return rows as stored (undefined when absent).
type Reader = Pick<AppContext, 'db'>;

export function findMember(context: Reader, memberId: string) {
  return repository.findMember(context.db, memberId);
}

/** A member with their delegation's name, as a socket describes who is connected. */
export function findMemberWithDelegation(context: Reader, memberId: string) {
  return repository.findMemberWithDelegation(context.db, memberId);
}

export function findDelegation(context: Reader, delegationId: string) {
  return repository.findDelegation(context.db, delegationId);
}

export function listDelegationRows(context: Reader, termId: string) {
  return repository.listDelegations(context.db, termId);
}

export function listMemberRows(context: Reader, termId: string) {
  return repository.listMembers(context.db, termId);
}

/**
 * The term's members in id order, a page at a time, with their role, delegation and categories: what
 * the credentials report counts, without holding a 10,000-member roster's rows at once.
 */
export async function* memberCredentialRows(context: Reader, termId: string, pageSize = 1000) {
  let afterId: string | null = null;
  for (;;) {
    const rows = await repository.listMemberCredentialsPage(context.db, termId, afterId, pageSize);
    yield* rows;
    if (rows.length < pageSize) return;
    afterId = rows.at(-1)!.id;
  }
}

// Access codes are stored beside the roster (a code belongs to a member); the access domain issues
// and checks them through these.
export function listActiveCodeHolders(context: Reader, termId: string) {
  return repository.listActiveCodeHolders(context.db, termId);
}

/** The app's context keeps who each code names in memory (code-holders.ts); a script's reads the database each time. */
export type CodeHolderReader = Reader & Partial<Pick<AppContext, 'codeHolders'>>;

export function findMemberOfActiveCode(context: CodeHolderReader, codeHash: string) {
  return context.codeHolders ? context.codeHolders.find(context.db, codeHash) : repository.findMemberOfActiveCode(context.db, codeHash);
}

export function revokeCodesOfMember(context: Reader, memberId: string, at: string): Promise<void> {
  return repository.revokeCodesOfMember(context.db, memberId, at);
}

export function insertAccessCode(context: Reader, code: Database['access_code']): Promise<void> {
  return repository.insertAccessCode(context.db, code);
}
