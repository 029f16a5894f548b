// A production install made as an operator makes one: the sources copied as a fresh clone would have
// them, `npm run build`, `npm pack`, the tarball unpacked beside the lockfile and `npm ci --omit=dev`;
// then the install folder made read-only. All of it in one temporary folder that `remove()` deletes.
import { type ChildProcess, execFile, execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const PROJECT = resolve(import.meta.dirname, '..', '..');
/** What a clone holds that the build reads: web/ without its output, db/ without databases. */
const CLONED = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'scripts', 'src', 'db/migrations', 'web'];
/** Root ignores file modes; the server then runs as nobody, so read-only means read-only. */
const NOBODY = 65534;

export interface ProductionInstall {
  /** The unpacked package with its production dependencies, read-only. */
  app: string;
  /** A writable folder for DATABASE_PATH, outside the install. */
  data: string;
  /** uid and gid to run the install's processes as (empty when not root). */
  runAs: Pick<SpawnOptions, 'uid' | 'gid'>;
  remove(): void;
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}: ${error.message}\n${stdout}\n${stderr}`));
      else resolvePromise(stdout);
    });
  });
}

/** Sources as a clone has them, with the project's node_modules for the build tools. */
function cloneSources(into: string): void {
  for (const entry of CLONED) {
    cpSync(join(PROJECT, entry), join(into, entry), {
      recursive: true,
      filter: (source) => source !== join(PROJECT, 'web', 'dist') && !basename(source).startsWith('.'),
    });
  }
  symlinkSync(join(PROJECT, 'node_modules'), join(into, 'node_modules'), 'dir');
}

/**
 * better-sqlite3 is the one production dependency with an install script: without a prebuilt binary
 * to download it compiles SQLite (minutes). Its scripts are skipped and the project's own binary
 * (same version, same Node) copied in; everything else is exactly what `npm ci --omit=dev` installs.
 */
function copyNativeBinding(app: string): void {
  const version = (root: string) => JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version as string;
  if (version(app) !== version(PROJECT)) throw new Error(`better-sqlite3 ${version(app)} installed, ${version(PROJECT)} built here`);
  const release = join('node_modules', 'better-sqlite3', 'build', 'Release');
  mkdirSync(join(app, release), { recursive: true });
  copyFileSync(join(PROJECT, release, 'better_sqlite3.node'), join(app, release, 'better_sqlite3.node'));
}

export async function makeProductionInstall(): Promise<ProductionInstall> {
  const root = mkdtempSync(join(tmpdir(), 'yishi-install-'));
  chmodSync(root, 0o755);
  const app = join(root, 'app');
  const data = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  const remove = () => {
    // Writable again first, or a non-root user could not delete it.
    try {
      execFileSync('chmod', ['-R', 'u+w', root]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  try {
    const source = join(root, 'source');
    cloneSources(source);
    await run('npm', ['run', 'build'], source, 300_000);
    const packed = (await run('npm', ['pack', '--pack-destination', root], source, 60_000)).trim().split('\n').at(-1)!;
    mkdirSync(app);
    await run('tar', ['-xzf', join(root, packed), '-C', app, '--strip-components=1'], root, 60_000);
    copyFileSync(join(PROJECT, 'package-lock.json'), join(app, 'package-lock.json'));
    await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], app, 180_000);
    copyNativeBinding(app);
    await run('chmod', ['-R', 'a-w', app], root, 30_000);
    mkdirSync(data, { mode: 0o700 });
    if (asRoot) chownSync(data, NOBODY, NOBODY);
    return { app, data, runAs: asRoot ? { uid: NOBODY, gid: NOBODY } : {}, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Every file of a folder with its size and modification time, to show nothing in it changed. */
export function listing(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const { size, mtimeMs } = statSync(path);
      return `${path} ${size} ${mtimeMs}`;
    })
    .sort();
}

/** Spawns a node process in the install, as runAs, collecting its output. */
export function spawnInInstall(install: ProductionInstall, args: string[], environment: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, args, { cwd: install.app, env: { PATH: process.env.PATH ?? '', ...environment }, stdio: ['pipe', 'pipe', 'pipe'], ...install.runAs });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolvePromise) => child.once('exit', (code) => resolvePromise(code)));
  return { child, output: () => output, exited };
}
