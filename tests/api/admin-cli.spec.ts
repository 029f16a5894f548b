// `npm run admin -- create <name>`: the account it makes can sign in, whether the password is piped
// in (scripts, provisioning) or typed at a terminal, where it is asked twice and never shown.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, signIn } from '../support/congress.js';

const PASSWORD = 'a long enough passphrase 议事';

let directory: string;
let databasePath: string;
let app: FastifyInstance | undefined;
let child: ChildProcess | undefined;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'yishi-admin-cli-'));
  databasePath = join(directory, 'yishi.sqlite');
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await app?.close();
  app = undefined;
  rmSync(directory, { recursive: true, force: true });
});

function environment() {
  return { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath, SECRET_KEY: 'admin-cli-test-secret-key-0123456789', LOG_LEVEL: 'silent' };
}

/** Runs the command with its standard input and output as pipes; collects what it prints. */
function run(command: string, args: string[]) {
  child = spawn(command, args, { env: environment(), stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters.filter((candidate) => output.includes(candidate.text))) waiter.resolve();
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const running = child;
  return {
    input: running.stdin!,
    output: () => output,
    seen: (text: string) => new Promise<void>((resolve) => (output.includes(text) ? resolve() : waiters.push({ text, resolve }))),
    exited: new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code))),
  };
}

const admin = (...args: string[]) => ['--import', 'tsx', 'src/cli/admin.ts', ...args];

async function canSignIn(username: string, password: string): Promise<boolean> {
  app = await createApp({ DATABASE_PATH: databasePath });
  try {
    await signIn(app, username, password);
    return true;
  } catch {
    return false;
  } finally {
    await app.close();
    app = undefined;
  }
}

describe('making an officer account from the command line', () => {
  it('takes the first line piped to it as the password', async () => {
    const cli = run(process.execPath, admin('create', 'chief', '--role', 'scrutineer'));
    cli.input.end(`${PASSWORD}\nanything after the first line is ignored\n`);
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain('Created scrutineer "chief"');
    expect(await canSignIn('chief', PASSWORD)).toBe(true);
  });

  it('refuses a piped password shorter than 12 characters and makes no account', async () => {
    const cli = run(process.execPath, admin('create', 'chief'));
    cli.input.end('too short\n');
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain('at least 12 characters');
    expect(await canSignIn('chief', 'too short')).toBe(false);
  });

  // util-linux's `script` gives the command a terminal, as an operator at a console has.
  it.skipIf(!existsSync('/usr/bin/script'))('asks twice at a terminal and never shows what is typed', async () => {
    const cli = run('/usr/bin/script', ['-qfec', `${process.execPath} ${admin('create', 'chief').join(' ')}`, '/dev/null']);
    await cli.seen('Password (密码)');
    cli.input.write(`${PASSWORD}\r`);
    await cli.seen('Again (再次输入)');
    cli.input.write(`${PASSWORD}\r`);
    await cli.seen('Created secretary "chief"');
    cli.input.end();
    expect(await cli.exited).toBe(0);
    expect(cli.output()).not.toContain(PASSWORD);
    expect(await canSignIn('chief', PASSWORD)).toBe(true);
  });

  it.skipIf(!existsSync('/usr/bin/script'))('at a terminal, refuses two different passwords', async () => {
    const cli = run('/usr/bin/script', ['-qfec', `${process.execPath} ${admin('create', 'chief').join(' ')}`, '/dev/null']);
    await cli.seen('Password (密码)');
    cli.input.write(`${PASSWORD}\r`);
    await cli.seen('Again (再次输入)');
    cli.input.write(`${PASSWORD}!\r`);
    await cli.seen('The passwords differ');
    cli.input.end();
    expect(await cli.exited).toBe(1);
    expect(await canSignIn('chief', PASSWORD)).toBe(false);
  });
});
