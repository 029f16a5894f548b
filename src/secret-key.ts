// The server's secret key (keys the hashes of access codes and session tokens): SECRET_KEY, or a
// random key kept in a file beside the database (<database>.key), made on first start and never committed.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Config } from './config.js';

export function loadSecretKey(config: Config): Buffer {
  if (config.SECRET_KEY) return Buffer.from(config.SECRET_KEY, 'utf8');
  if (config.DATABASE_PATH === ':memory:') return randomBytes(32);
  const path = `${config.DATABASE_PATH}.key`;
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}
