// Quotas on what people store: per member (drafts; bytes of motions, their history and attachments,
// and opinions), per group (a member's delegation, a handler's drafting department) and in total.
// Services charge a write before making it, inside the write's own transaction where there is one,
// so two requests together cannot both take the last room.
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import { fail } from '../errors.js';
import * as repository from './repository.js';

const MB = 1024 * 1024;

export type QuotaName = 'member.drafts' | 'member.bytes' | 'delegation.bytes' | 'department.bytes' | 'total.bytes';

/** A write about to happen: whose it is and what it adds (negative when an edit shortens a text). */
export interface Charge {
  memberId?: string;
  departmentId?: string | null;
  drafts?: number;
  bytes: number;
}

export interface QuotaLimits {
  memberDrafts: number;
  memberBytes: number;
  groupBytes: number;
  totalBytes: number;
}

/** The configured limits in bytes; 0 means no limit. */
export function quotaLimits(config: Config): QuotaLimits {
  return {
    memberDrafts: config.QUOTA_MEMBER_DRAFTS,
    memberBytes: Math.round(config.QUOTA_MEMBER_MB * MB),
    groupBytes: Math.round(config.QUOTA_GROUP_MB * MB),
    totalBytes: Math.round(config.QUOTA_TOTAL_MB * MB),
  };
}

export function memberBytes(row: repository.MemberUsageRow | undefined): number {
  return row ? row.motionBytes + row.attachmentBytes + row.opinionBytes : 0;
}

function sumMembers(usage: Map<string, repository.MemberUsageRow>): number {
  let total = 0;
  for (const row of usage.values()) total += memberBytes(row);
  return total;
}

/** Everything the quotas count, over everyone. */
export async function totalBytes(db: AppContext['db']): Promise<number> {
  const [members, departments] = await Promise.all([repository.memberUsage(db, 'all'), repository.departmentUsage(db, 'all')]);
  return sumMembers(members) + departments.reduce((sum, row) => sum + row.bytes, 0);
}

/** How long the summed total is trusted before it is read from the rows again. */
const TOTAL_TTL_MS = 10_000;
/** Per app (keyed by its StorageSpace, which every transaction's context shares). */
const runningTotals = new WeakMap<object, { bytes: number; at: number }>();

/**
 * The total is a sum over every row: read it at most every ten seconds and add what is charged in
 * between, so a save does not rescan the whole database. A removal or a rolled-back write leaves it
 * high until the next reading: the error only ever refuses early, never lets a write past.
 */
async function runningTotal(context: Pick<AppContext, 'db' | 'storage'>): Promise<{ bytes: number; at: number }> {
  const cached = runningTotals.get(context.storage);
  if (cached && Date.now() - cached.at < TOTAL_TTL_MS) return cached;
  const fresh = { bytes: await totalBytes(context.db), at: Date.now() };
  runningTotals.set(context.storage, fresh);
  return fresh;
}

function check(quota: QuotaName, used: number, adding: number, limit: number): void {
  // Only growth is refused: a member over a quota lowered since may still shorten or remove things.
  if (limit > 0 && adding > 0 && used + adding > limit) fail('QUOTA_EXCEEDED', { quota, used, adding, limit });
}

/** Refuses a write that would take a member, their group or everyone past a quota (QUOTA_EXCEEDED). */
export async function assertWithinQuota(context: Pick<AppContext, 'db' | 'config' | 'storage'>, charge: Charge): Promise<void> {
  const limits = quotaLimits(context.config);
  const { db } = context;
  if (charge.memberId) {
    const mine = (await repository.memberUsage(db, { memberId: charge.memberId })).get(charge.memberId);
    check('member.drafts', mine?.drafts ?? 0, charge.drafts ?? 0, limits.memberDrafts);
    check('member.bytes', memberBytes(mine), charge.bytes, limits.memberBytes);
    const delegationId = await repository.delegationOf(db, charge.memberId);
    if (delegationId) check('delegation.bytes', sumMembers(await repository.memberUsage(db, { delegationId })), charge.bytes, limits.groupBytes);
  }
  if (charge.departmentId) {
    const [department] = await repository.departmentUsage(db, { departmentId: charge.departmentId });
    check('department.bytes', department?.bytes ?? 0, charge.bytes, limits.groupBytes);
  }
  if (limits.totalBytes > 0 && charge.bytes > 0) {
    const total = await runningTotal(context);
    check('total.bytes', total.bytes, charge.bytes, limits.totalBytes);
    total.bytes += charge.bytes;
  }
}

/** Bytes of text as SQLite stores it (UTF-8). */
export function textBytes(...texts: readonly (string | null | undefined)[]): number {
  return texts.reduce((sum, text) => sum + (text ? Buffer.byteLength(text, 'utf8') : 0), 0);
}

/** What an opinion or history row costs beyond its text (see repository.ts). */
export const ROW_OVERHEAD_BYTES = repository.ROW_OVERHEAD_BYTES;
