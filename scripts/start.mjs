// `npm start`, `npm run admin`, `npm run backup`, `npm run restore`: runs the compiled server or command from dist/,
// after `npm run build` when the build is missing or its sources changed since (so `npm install &&
// npm start` works on a fresh clone). A package without sources (from npm pack) runs what it ships.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtFingerprint, ROOT, sourceFingerprint } from './build-stamp.mjs';

const ENTRIES = { main: 'dist/main.js', admin: 'dist/src/cli/admin.js', backup: 'dist/src/cli/backup.js', restore: 'dist/src/cli/restore.js' };

// The command's own arguments follow its name; it reads them from process.argv.slice(2).
const [name] = process.argv.splice(2, 1);
const entry = ENTRIES[name];
if (!entry) {
  console.error(`usage: node scripts/start.mjs ${Object.keys(ENTRIES).join('|')} [arguments]`);
  process.exit(2);
}

/** Why a build is needed, or undefined when dist/ and web/dist/ match the sources. */
function reasonToBuild() {
  const built = existsSync(join(ROOT, entry)) && existsSync(join(ROOT, 'web', 'dist', 'voter.html'));
  if (!existsSync(join(ROOT, 'src'))) {
    if (built) return undefined;
    console.error('No build (dist/, web/dist/) and no sources to build it from / 没有构建产物,也没有源代码');
    process.exit(1);
  }
  if (!built) return 'no build yet';
  if (builtFingerprint() !== sourceFingerprint()) return 'the sources changed since the last build';
  return undefined;
}

const reason = reasonToBuild();
if (reason) {
  // The build's output goes to stderr: a command's own output (stdout) stays clean for scripts.
  console.error(`Building (npm run build): ${reason} / 正在构建`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2], shell: true });
  if (build.status !== 0) {
    console.error('The build failed; see above / 构建失败');
    process.exit(1);
  }
}
await import(pathToFileURL(join(ROOT, entry)).href);
