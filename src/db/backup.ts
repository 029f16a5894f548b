// The online backup: a consistent copy of a live database, taken through SQLite's backup API while
// the server keeps voting, so nothing has to stop and no half-written commit is ever copied.
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export interface BackupResult {
  pages: number;
  milliseconds: number;
}

/** Every remaining page in one step: a step is one read transaction, so the copy is one snapshot. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies `sourcePath` into a new file at `destinationPath` from a connection of its own. Copying in
 * one step means a commit made meanwhile cannot restart the copy; WAL readers do not block writers.
 */
export async function backupDatabase(sourcePath: string, destinationPath: string): Promise<BackupResult> {
  if (existsSync(destinationPath)) throw new Error(`${destinationPath} exists already; a backup never overwrites a file`);
  const started = performance.now();
  const source = new BetterSqlite3(sourcePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const progress = await source.backup(destinationPath, { progress: () => ALL_PAGES });
    const copy = new BetterSqlite3(destinationPath, { fileMustExist: true });
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the backup failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    return { pages: progress.totalPages, milliseconds: performance.now() - started };
  } finally {
    source.close();
  }
}
