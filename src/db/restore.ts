// Putting a backup in place of the database: only a sound Yishi database this version knows how to
// open, never under a running server, and never losing the file it replaces.
import { chownSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, type Stats, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrations } from '../../db/migrations/index.js';

export class RestoreRefused extends Error {}

export interface RestoreResult {
  /** Where the replaced database (with its -wal and -shm, if any) was kept; null if there was none. */
  setAside: string | null;
  migrations: number;
}

/** The files SQLite keeps for one database. */
const COMPANIONS = ['', '-wal', '-shm'];

/**
 * Integrity first (a backup copied off a failing disk must not replace a sound database), then
 * the migrations: a Yishi database records them in kysely_migration, and one this version does not
 * know was made by a newer Yishi, whose tables this server would misread.
 */
export function checkBackup(backupPath: string): number {
  if (!existsSync(backupPath)) throw new RestoreRefused(`${backupPath} does not exist`);
  let backup: BetterSqlite3.Database;
  try {
    backup = new BetterSqlite3(backupPath, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreRefused(`${backupPath} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    const check = readOrRefuse(backupPath, () => backup.pragma('integrity_check', { simple: true }));
    if (check !== 'ok') throw new RestoreRefused(`${backupPath} failed its integrity check: ${String(check)}`);
    const hasMigrations = backup.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (!hasMigrations) throw new RestoreRefused(`${backupPath} is not a Yishi database (no migrations recorded)`);
    const applied = (backup.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((row) => row.name);
    const unknown = applied.filter((name) => !(name in migrations));
    if (unknown.length > 0) throw new RestoreRefused(`${backupPath} was made by a newer Yishi (migrations this version does not know: ${unknown.join(', ')})`);
    if (applied.length === 0) throw new RestoreRefused(`${backupPath} is not a Yishi database (no migrations recorded)`);
    return applied.length;
  } finally {
    backup.close();
  }
}

function readOrRefuse<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new RestoreRefused(`${path} is not a readable database: ${(error as Error).message}`);
  }
}

/**
 * Whether a server has the database open. A server keeps a connection open for its whole life, and
 * a WAL connection holds a shared lock that an exclusive one cannot get past; without waiting, the
 * attempt fails at once. Closing this connection also folds a crashed server's WAL into the file, so
 * the copy set aside stands on its own.
 */
function assertNotInUse(databasePath: string): void {
  const probe = new BetterSqlite3(databasePath, { fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new RestoreRefused(`${databasePath} is in use: stop the server first / 请先停止服务器`);
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * Replaces the database at `databasePath` with the backup. The backup is first copied beside the
 * target and flushed (a full disk fails here, with the old database untouched); then the old database
 * is renamed aside (<path>.before-restore-<time>, with its -wal and -shm), never deleted, and the copy
 * renamed into place, so the server never finds a half-copied file where it looks.
 */
export function restoreDatabase(backupPath: string, databasePath: string, now: Date = new Date()): RestoreResult {
  const known = checkBackup(backupPath);
  const replaced: Stats | null = existsSync(databasePath) ? statSync(databasePath) : null;
  if (replaced) assertNotInUse(databasePath);
  mkdirSync(dirname(databasePath), { recursive: true });
  const incoming = join(dirname(databasePath), `.restoring-${process.pid}.sqlite`);
  try {
    copyFileSync(backupPath, incoming);
    // Run by root for a service's database: the restored file stays the service user's, or it could not write it.
    if (replaced && process.getuid?.() === 0) chownSync(incoming, replaced.uid, replaced.gid);
    flush(incoming);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  let setAside: string | null = null;
  if (replaced) {
    setAside = `${databasePath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of COMPANIONS) {
      if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, setAside + suffix);
    }
  }
  renameSync(incoming, databasePath);
  flush(dirname(databasePath));
  return { setAside, migrations: known };
}

function flush(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}
