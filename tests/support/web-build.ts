// Tests build the pages with Vite when web/dist is missing or older than any page source, so a
// browser test never runs against stale pages. (The server never builds them: `npm run build` does.)
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WEB_DIST } from '../../src/web-build.js';

export { WEB_DIST };
const WEB_ROOT = dirname(WEB_DIST);
const STAMP = join(WEB_DIST, '.build-stamp');
const NEXT = join(WEB_ROOT, '.dist-next');
const OLD = join(WEB_ROOT, '.dist-old');
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
    // Built aside, then swapped in: a server or test reading web/dist never sees it half-written.
    rmSync(NEXT, { recursive: true, force: true });
    await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: NEXT } });
    writeFileSync(join(NEXT, '.build-stamp'), new Date().toISOString());
    rmSync(OLD, { recursive: true, force: true });
    if (existsSync(WEB_DIST)) renameSync(WEB_DIST, OLD);
    renameSync(NEXT, WEB_DIST);
    rmSync(OLD, { recursive: true, force: true });
  });
}
