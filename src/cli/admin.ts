// `npm run admin -- create <name> [--role secretary|scrutineer]`: makes an officer account.
// The password is asked for on a terminal, or read from standard input when piped.
import { randomBytes } from 'node:crypto';
import password from '@inquirer/password';
import { AttemptLimiter } from '../access/attempt-limiter.js';
import { createAccount } from '../accounts/service.js';
import type { AccountRole } from '../actors.js';
import { VoteQueue } from '../ballots/vote-queue.js';
import { VoteRepository } from '../ballots/vote-repository.js';
import { ConfigError, loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { openDatabase } from '../db/connection.js';
import { StorageSpace, statfsProbe } from '../storage/space.js';
import { AppError } from '../errors.js';
import { DomainEvents } from '../events.js';
import { HallFigures } from '../meetings/hall-figures.js';
import { BallotViews } from '../ballots/ballot-views.js';
import { MeetingRows } from '../meetings/meeting-rows.js';
import { loadSecretKey } from '../secret-key.js';
import { HeavyWorkPool } from '../workers/pool.js';
import { systemTimers } from '../timers.js';

const USAGE = 'usage: npm run admin -- create <username> [--role secretary|scrutineer]';

/** From a pipe, the first line; on a terminal, asked twice without echo (by @inquirer/password). */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  // Nothing is echoed, not even a mask (that would show the length), and it cannot be shown.
  const first = await password({ message: 'Password (密码):', toggleMask: false });
  const second = await password({ message: 'Again (再次输入):', toggleMask: false });
  if (first !== second) throw new Error('The passwords differ / 两次输入的密码不一致');
  return first;
}

async function main(argv: string[]): Promise<void> {
  const [command, username, ...rest] = argv;
  const roleIndex = rest.indexOf('--role');
  const role = (roleIndex >= 0 ? rest[roleIndex + 1] : 'secretary') as AccountRole;
  if (command !== 'create' || !username || !['secretary', 'scrutineer'].includes(role)) throw new Error(USAGE);
  const config = loadConfig();
  const password = await readPassword();
  if (password.length < 12) throw new Error('The password needs at least 12 characters / 密码至少 12 个字符');
  const connection = await openDatabase(config.DATABASE_PATH);
  const events = new DomainEvents();
  const silent = {
    info() {},
    error() {},
    warn() {},
    debug() {},
    fatal() {},
    trace() {},
    child() {
      return silent;
    },
    level: 'silent',
    silent() {},
  };
  const context: AppContext = {
    config,
    db: connection.db,
    sqlite: connection.sqlite,
    secretKey: loadSecretKey(config),
    clock: () => new Date(),
    timers: systemTimers,
    random: randomBytes,
    events,
    logger: silent as unknown as AppContext['logger'],
    votes: new VoteQueue(new VoteRepository(connection.sqlite), events, randomBytes, () => {}),
    codeAttempts: new AttemptLimiter(1, 1, () => 0),
    deadlines: new Map(),
    // Never used here; it starts no thread until a task arrives.
    heavyWork: new HeavyWorkPool(),
    storage: new StorageSpace(config, statfsProbe(config.DATABASE_PATH)),
    figures: new HallFigures(events),
    ballotViews: new BallotViews(connection.watch),
    meetingRows: new MeetingRows(connection.watch),
  };
  try {
    await createAccount(context, null, { username, password, role });
    console.log(`Created ${role} "${username}" / 已创建账号`);
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof AppError) console.error(`${error.code}: ${error.toBody().message}`);
  else if (error instanceof ConfigError || error instanceof Error) console.error(error.message);
  process.exit(1);
});
