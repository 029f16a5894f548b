// A fingerprint of every row of every table, to prove a barrage of requests changed nothing.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** Hash per table: SELECT * ordered by every column, so the fingerprint ignores storage order. */
export function tableChecksums(app: FastifyInstance): Record<string, string> {
  const sqlite = app.yishi.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const checksums: Record<string, string> = {};
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((column) => `"${column.name.replaceAll('"', '""')}"`);
    const order = columns.length ? ` ORDER BY ${columns.join(', ')}` : '';
    const rows = sqlite.prepare(`SELECT * FROM ${quoted}${order}`).raw().all() as unknown[][];
    const hash = createHash('sha256');
    for (const row of rows) hash.update(JSON.stringify(row.map((cell) => (Buffer.isBuffer(cell) ? `x'${cell.toString('hex')}'` : typeof cell === 'bigint' ? cell.toString() : cell)))).update('\n');
    checksums[name] = `${rows.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  return checksums;
}
