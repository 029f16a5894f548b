// What officers are told about storage: free space against the reserve, scrubs still owed, and who
// stores how much (figures per person and group, never the drafts themselves).
import type { Actor } from '../actors.js';
import type { AppContext } from '../context.js';
import { memberBytes, quotaLimits } from './quotas.js';
import * as repository from './repository.js';

function isOfficer(actor: Actor): boolean {
  return actor.kind === 'account' && (actor.role === 'secretary' || actor.role === 'scrutineer');
}

/**
 * The storage part of /api/health. Anyone learns whether writes are held back and how many scrubs
 * are owed; only officers get the byte figures (how much to upload to reach the reserve) and which
 * ballots wait for their scrub.
 */
export async function storageHealth(context: Pick<AppContext, 'db' | 'storage'>, actor: Actor) {
  const [status, pending] = await Promise.all([context.storage.status(), repository.pendingScrubs(context.db)]);
  const open = { refusingWrites: status.refusing, pendingScrubs: pending.length };
  if (!isOfficer(actor)) return open;
  return { ...open, freeBytes: status.freeBytes, reserveBytes: status.reserveBytes, inFlightBytes: status.inFlightBytes, pendingScrubBallots: pending };
}

/** Usage by member and by group (delegation or drafting department), biggest first, with the totals and limits. */
export async function usageReport(context: Pick<AppContext, 'db' | 'config'>) {
  const [members, departments, departmentNames] = await Promise.all([repository.memberUsage(context.db, 'all'), repository.departmentUsage(context.db, 'all'), repository.departmentNames(context.db)]);
  const people = new Map((await repository.findPeople(context.db, [...members.keys()])).map((person) => [person.id, person]));
  const memberRows = [...members.values()]
    .map((row) => {
      const person = people.get(row.memberId);
      return { ...row, name: person?.name ?? '', delegationId: person?.delegationId ?? null, delegationName: person?.delegationName ?? null, bytes: memberBytes(row) };
    })
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  const delegations = new Map<string, { kind: 'delegation'; id: string | null; name: string | null; members: number; bytes: number }>();
  for (const row of memberRows) {
    const key = row.delegationId ?? '';
    const group = delegations.get(key) ?? { kind: 'delegation' as const, id: row.delegationId, name: row.delegationName, members: 0, bytes: 0 };
    group.members += 1;
    group.bytes += row.bytes;
    delegations.set(key, group);
  }
  const departmentRows = departments.map((row) => ({
    kind: 'department' as const,
    id: row.departmentId,
    name: row.departmentId ? (departmentNames.get(row.departmentId) ?? null) : null,
    versions: row.versions,
    files: row.files,
    bytes: row.bytes,
  }));
  const groups = [...delegations.values(), ...departmentRows].sort((a, b) => b.bytes - a.bytes);
  const totals = {
    bytes: groups.reduce((sum, group) => sum + group.bytes, 0),
    drafts: memberRows.reduce((sum, row) => sum + row.drafts, 0),
    motions: memberRows.reduce((sum, row) => sum + row.motions, 0),
    attachments: memberRows.reduce((sum, row) => sum + row.attachments, 0),
    attachmentBytes: memberRows.reduce((sum, row) => sum + row.attachmentBytes, 0),
    opinions: memberRows.reduce((sum, row) => sum + row.opinions, 0),
    documentFiles: departmentRows.reduce((sum, row) => sum + row.files, 0),
  };
  return { limits: quotaLimits(context.config), totals, members: memberRows, groups };
}
