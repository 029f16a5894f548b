// `npm run restore -- <backup file>`: puts a backup made by `npm run backup` in place of the database
// at DATABASE_PATH, with the server stopped; the database it replaces is kept aside, not deleted.
import { ConfigError, loadConfig } from '../config.js';
import { RestoreRefused, restoreDatabase } from '../db/restore.js';

const USAGE = 'usage: npm run restore -- <backup file>';

function main(argv: string[]): void {
  const [backup, ...rest] = argv;
  if (!backup || rest.length > 0) throw new Error(USAGE);
  const config = loadConfig();
  if (config.DATABASE_PATH === ':memory:') throw new Error('DATABASE_PATH is :memory:; there is no file to restore into');
  const { setAside, migrations } = restoreDatabase(backup, config.DATABASE_PATH);
  console.log(`Restored ${backup} to ${config.DATABASE_PATH} (${migrations} migrations; the server brings it up to date at start) / 恢复完成`);
  if (setAside) console.log(`The database it replaced is kept at ${setAside} / 原数据库已保留`);
  if (!config.SECRET_KEY) console.log(`Without SECRET_KEY the server keys codes and sign-ins with ${config.DATABASE_PATH}.key: it must be the key that went with the backup`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof RestoreRefused || error instanceof Error ? error.message : error);
  process.exit(1);
}
