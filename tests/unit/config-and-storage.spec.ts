// Start-up: a bad environment is refused with every bad variable named, production needs a real
// secret, and the database opens with the settings "an acknowledged vote is never lost" rests on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connection.js';

function refusal(environment: Record<string, string>): string {
  try {
    loadConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('the configuration', () => {
  it('takes the defaults: port 3000 on 127.0.0.1, the database under db/', () => {
    const config = loadConfig({});
    expect([config.PORT, config.HOST, config.DATABASE_PATH]).toEqual([3000, '127.0.0.1', 'db/yishi.sqlite']);
  });

  it('names every bad variable at once', () => {
    const message = refusal({ PORT: 'eighty', LOG_LEVEL: 'loud', TRUST_PROXY: 'maybe' });
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('TRUST_PROXY');
  });

  it('refuses production without a secret key, and a half-given first account', () => {
    expect(refusal({ NODE_ENV: 'production' })).toMatch(/SECRET_KEY: is required in production/);
    expect(refusal({ ADMIN_USER: 'chief' })).toMatch(/ADMIN_PASSWORD/);
    expect(refusal({ ADMIN_USER: 'chief', ADMIN_PASSWORD: 'short' })).toMatch(/ADMIN_PASSWORD: must be at least 12 characters/);
  });
});

describe('the secret key from a file (SECRET_KEY_FILE, systemd LoadCredential=)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'yishi-key-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads the key from the file, without its line end, and production accepts it', () => {
    const path = join(folder, 'secret_key');
    writeFileSync(path, 'a-secret-kept-in-a-file-0123456789abcdef\n', { mode: 0o600 });
    const config = loadConfig({ NODE_ENV: 'production', SECRET_KEY_FILE: path });
    expect(config.SECRET_KEY).toBe('a-secret-kept-in-a-file-0123456789abcdef');
  });

  it('refuses a missing file, a short key, and a key given twice', () => {
    expect(refusal({ SECRET_KEY_FILE: join(folder, 'absent') })).toMatch(/SECRET_KEY_FILE: cannot read .*absent \(ENOENT\)/);
    const short = join(folder, 'short');
    writeFileSync(short, 'too short');
    expect(refusal({ SECRET_KEY_FILE: short })).toMatch(/SECRET_KEY: must be at least 32 characters/);
    expect(refusal({ SECRET_KEY_FILE: short, SECRET_KEY: 'x'.repeat(40) })).toMatch(/not both/);
  });
});

describe('the database file', () => {
  it('opens in WAL mode with synchronous=FULL, foreign keys and secure_delete', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'yishi-pragmas-'));
    const connection = await openDatabase(join(directory, 'yishi.sqlite'));
    try {
      const pragma = (name: string) => connection.sqlite.pragma(name, { simple: true });
      expect(pragma('journal_mode')).toBe('wal');
      expect(pragma('synchronous')).toBe(2); // FULL
      expect(pragma('foreign_keys')).toBe(1);
      expect(pragma('secure_delete')).toBe(1);
    } finally {
      await connection.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
