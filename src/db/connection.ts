// Opens the SQLite file with the durability settings the vote path relies on, and runs migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../db/migrations/index.js';
import { registerAuditChain } from '../audit/chain.js';
import type { Database } from './database.js';
import { TableWatch } from './table-watch.js';

export type SqliteHandle = BetterSqlite3.Database;

export interface DatabaseConnection {
  db: Kysely<Database>;
  /** The raw handle, for the few hot paths that prepare statements once (the vote batch). */
  sqlite: SqliteHandle;
  /** Writes to the tables whose reads are kept in memory, as the database reports them. */
  watch: TableWatch;
  close(): Promise<void>;
}

/**
 * WAL with synchronous=FULL: every commit is fsynced to the WAL before it returns, so it survives
 * a crash or power loss (NORMAL may lose the last commits on power loss). The vote batch alone
 * commits under NORMAL and is synced off the event loop before it is acknowledged (db/wal-sync.ts). secure_delete overwrites deleted content, so nothing removed lingers in free pages.
 */
export function applyPragmas(sqlite: SqliteHandle): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('wal_autocheckpoint = 1000');
  // SQLite's default page cache is 2 MB: a congress's file outgrows it, and every reconnecting phone's
  // lookups then went to the kernel for their pages. 64 MB holds a 10,000-member congress's hot pages.
  sqlite.pragma('cache_size = -65536');
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
  // The audit insert calls it (src/audit/chain.ts); every connection that writes is opened here.
  registerAuditChain(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withPreparedStatements(sqlite) }) });
  await migrateToLatest(db);
  return {
    db,
    sqlite,
    watch: new TableWatch(sqlite),
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
