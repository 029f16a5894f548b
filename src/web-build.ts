// `npm start` builds the pages with Vite when web/dist is missing or older than any page source.
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WEB_ROOT = resolve(import.meta.dirname, '..', 'web');
export const WEB_DIST = join(WEB_ROOT, 'dist');
const STAMP = join(WEB_DIST, '.build-stamp');
const LOCK = join(WEB_ROOT, '.build-lock');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(STAMP)) return true;
  return newestChange(WEB_ROOT) > statSync(STAMP).mtimeMs;
}

/** One build at a time across processes (parallel test workers): mkdir is atomic. */
async function withLock(run: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) rmdirSync(LOCK);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    await run();
  } finally {
    rmdirSync(LOCK);
  }
}

export async function ensureWebBuild(log: (message: string) => void = () => {}): Promise<void> {
  if (!webBuildIsStale()) return;
  await withLock(async () => {
    if (!webBuildIsStale()) return;
    log('building the pages (web/) with Vite');
    const { build } = await import('vite');
    await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    writeFileSync(STAMP, new Date().toISOString());
  });
}
