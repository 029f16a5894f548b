// The build's fingerprint: one hash of every file the build reads. `npm run build` ends by writing
// it into dist/; scripts/start.mjs rebuilds when the sources no longer match it. Contents, not
// modification times: a checkout, a copy or an edit undone gives the same answer as its files.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
const STAMP = join(ROOT, 'dist', 'build-stamp');
const SOURCES = ['src', 'db/migrations', 'web', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
// The pages' own output, the API types the build generates, and the test builder's scratch folders (web/.dist-next, …).
const SKIPPED = new Set([join(ROOT, 'web', 'dist'), join(ROOT, 'web', 'node_modules'), join(ROOT, 'web', 'src', 'generated')]);

function* filesUnder(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    const child = join(path, entry);
    if (!entry.startsWith('.') && !SKIPPED.has(child)) yield* filesUnder(child);
  }
}

export function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of filesUnder(join(ROOT, source)))
      hash
        .update(`${relative(ROOT, file)}\0`)
        .update(readFileSync(file))
        .update('\0');
  }
  return hash.digest('hex');
}

/** The fingerprint the last complete build recorded, or undefined (no build, or one cut short). */
export function builtFingerprint() {
  return existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : undefined;
}

// `node scripts/build-stamp.mjs`, the last step of `npm run build`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writeFileSync(STAMP, `${sourceFingerprint()}\n`);
