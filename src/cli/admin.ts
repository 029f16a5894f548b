// `npm run admin -- create <name> [--role secretary|scrutineer]`: makes an officer account.
// The password is asked for on a terminal, or read from standard input when piped.
// `npm run admin -- audit-verify`: checks the audit chain and the count hashes; exits 1 when broken.
import { randomBytes } from 'node:crypto';
import password from '@inquirer/password';
import { createAccount } from '../accounts/service.js';
import { verifyAuditLog } from '../audit/verify.js';
import type { AccountRole } from '../actors.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { AppError } from '../errors.js';

const USAGE = 'usage: npm run admin -- create <username> [--role secretary|scrutineer] | audit-verify';

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

/** Prints the verdict as one JSON line (for scripts) after a sentence (for people); false when broken. */
async function auditVerify(): Promise<boolean> {
  const config = loadConfig();
  const connection = await openDatabase(config.DATABASE_PATH);
  try {
    const verdict = await verifyAuditLog({ db: connection.db });
    if (verdict.ok) console.log(`Audit chain intact: ${verdict.rows} rows / 审计日志完整`);
    else console.log(`Audit chain BROKEN at row ${verdict.firstBrokenId ?? '-'}${verdict.ballotId ? ` (ballot ${verdict.ballotId})` : ''}: ${verdict.reason} / 审计日志被改动`);
    console.log(JSON.stringify(verdict));
    return verdict.ok;
  } finally {
    await connection.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, username, ...rest] = argv;
  if (command === 'audit-verify') {
    if (!(await auditVerify())) process.exitCode = 1;
    return;
  }
  const roleIndex = rest.indexOf('--role');
  const role = (roleIndex >= 0 ? rest[roleIndex + 1] : 'secretary') as AccountRole;
  if (command !== 'create' || !username || !['secretary', 'scrutineer'].includes(role)) throw new Error(USAGE);
  const config = loadConfig();
  const password = await readPassword();
  if (password.length < 12) throw new Error('The password needs at least 12 characters / 密码至少 12 个字符');
  const connection = await openDatabase(config.DATABASE_PATH);
  try {
    // Only what making an account needs: no vote queue, timers, worker or secret key to fake.
    await createAccount({ db: connection.db, clock: () => new Date(), random: randomBytes }, null, { username, password, role });
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
