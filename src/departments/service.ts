// Departments (部门) that handle motions and draft documents, managed by the secretary; handler accounts belong to one.
import { randomId } from '../access/codes.js';
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type CoreContext, nowIso } from '../context.js';
import type { DepartmentTable } from '../db/database.js';
import { fail } from '../errors.js';
import * as repository from './repository.js';

export function presentDepartment(row: DepartmentTable) {
  return { id: row.id, name: row.name, disabled: row.disabled === 1, createdAt: row.created_at };
}

export async function getDepartment(context: Pick<CoreContext, 'db'>, departmentId: string): Promise<DepartmentTable> {
  return (await repository.findDepartment(context.db, departmentId)) ?? fail('DEPARTMENT_NOT_FOUND');
}

export async function listDepartments(context: Pick<CoreContext, 'db'>) {
  return (await repository.listDepartments(context.db)).map(presentDepartment);
}

export async function createDepartment(context: CoreContext, actor: AccountActor, name: string) {
  if (await repository.findDepartmentByName(context.db, name)) fail('DEPARTMENT_EXISTS');
  const row: DepartmentTable = { id: randomId(context.random), name, disabled: 0, created_at: nowIso(context) };
  await repository.insertDepartment(context.db, row);
  await recordAudit(context, actor, 'department.created', { detail: { departmentId: row.id, name } });
  return presentDepartment(row);
}

export async function updateDepartment(context: CoreContext, actor: AccountActor, departmentId: string, patch: { name?: string | undefined; disabled?: boolean | undefined }) {
  await getDepartment(context, departmentId);
  if (patch.name !== undefined) {
    const sameName = await repository.findDepartmentByName(context.db, patch.name);
    if (sameName && sameName.id !== departmentId) fail('DEPARTMENT_EXISTS');
  }
  await repository.updateDepartment(context.db, departmentId, {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.disabled === undefined ? {} : { disabled: patch.disabled ? 1 : 0 }),
  });
  await recordAudit(context, actor, 'department.updated', { detail: { departmentId, ...patch } });
  return presentDepartment(await getDepartment(context, departmentId));
}
