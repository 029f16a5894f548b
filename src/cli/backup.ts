// `npm run backup -- <destination>`: an online backup of the database at DATABASE_PATH, safe to run
// while the server is up and a vote is open (SQLite's backup API copies one consistent snapshot).
import { ConfigError, loadConfig } from '../config.js';
import { backupDatabase } from '../db/backup.js';

const USAGE = 'usage: npm run backup -- <destination file>';

async function main(argv: string[]): Promise<void> {
  const [destination, ...rest] = argv;
  if (!destination || rest.length > 0) throw new Error(USAGE);
  const config = loadConfig();
  if (config.DATABASE_PATH === ':memory:') throw new Error('DATABASE_PATH is :memory:; there is no file to back up');
  const { pages, milliseconds } = await backupDatabase(config.DATABASE_PATH, destination);
  console.log(`Backed up ${config.DATABASE_PATH} to ${destination}: ${pages} pages in ${Math.round(milliseconds)} ms / 备份完成`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
