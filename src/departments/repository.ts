// SQL for departments (部门): the units that handle motions and draft documents.
import type { Kysely } from 'kysely';
import type { Database, DepartmentTable } from '../db/database.js';

type Executor = Kysely<Database>;

export function listDepartments(db: Executor) {
  return db.selectFrom('department').selectAll().orderBy('name').execute();
}

export function findDepartment(db: Executor, id: string) {
  return db.selectFrom('department').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDepartmentByName(db: Executor, name: string) {
  return db.selectFrom('department').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertDepartment(db: Executor, department: DepartmentTable): Promise<void> {
  await db.insertInto('department').values(department).execute();
}

export async function updateDepartment(db: Executor, id: string, changes: Partial<Pick<DepartmentTable, 'name' | 'disabled'>>): Promise<void> {
  await db.updateTable('department').set(changes).where('id', '=', id).execute();
}
