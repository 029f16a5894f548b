// Opens the SQLite file with the durability settings the vote path relies on, and runs migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../db/migrations/index.js';
import type { Database } from './database.js';

export type SqliteHandle = BetterSqlite3.Database;

export interface DatabaseConnection {
  db: Kysely<Database>;
  /** The raw handle, for the few hot paths that prepare statements once (the vote batch). */
  sqlite: SqliteHandle;
  close(): Promise<void>;
}

/**
 * WAL with synchronous=FULL: every commit is fsynced to the WAL before it returns, so a vote
 * acknowledged after its commit survives a crash or power loss (NORMAL may lose the last commits
 * on power loss). secure_delete overwrites deleted content, so nothing removed lingers in free pages.
 */
export function applyPragmas(sqlite: SqliteHandle): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('wal_autocheckpoint = 1000');
}

/** Distinct statements kept prepared: the app has a few hundred query shapes; a bound keeps odd ones from piling up. */
const PREPARED_STATEMENTS = 1_000;

/**
 * Kysely's SQLite driver prepares every query anew; preparing was a tenth of the server's time when a
 * whole hall reconnected (about ten small queries per phone). This hands it each SQL text's statement
 * once prepared. Safe because the driver runs a statement to completion synchronously (no streaming
 * here), and SQLite re-prepares a statement by itself after a schema change.
 */
export function withPreparedStatements(sqlite: SqliteHandle): Pick<SqliteHandle, 'prepare' | 'close'> {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(source: string) {
      let statement = prepared.get(source);
      if (!statement) {
        if (prepared.size >= PREPARED_STATEMENTS) prepared.clear();
        statement = sqlite.prepare(source);
        prepared.set(source, statement);
      }
      return statement;
    },
    close() {
      prepared.clear();
      return sqlite.close();
    },
  } as Pick<SqliteHandle, 'prepare' | 'close'>;
}

export async function openDatabase(path: string): Promise<DatabaseConnection> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  applyPragmas(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withPreparedStatements(sqlite) }) });
  await migrateToLatest(db);
  return {
    db,
    sqlite,
    async close() {
      await db.destroy();
    },
  };
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
