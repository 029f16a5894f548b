// The layering the code keeps (README, "Layout"): a domain's tables have one owner, so no domain
// reaches into another's repository; and src/plugins/ is the top layer, which only the app wires in.
// Read from the import statements themselves (TypeScript's own scanner), not from a list kept by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

/** Every .ts file under src/, as a path relative to src/ with forward slashes. */
function sourceFiles(folder = SRC): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path).split(sep).join('/')] : [];
  });
}

/** The files under src/ a file imports (static, dynamic and type-only alike), relative to src/. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(SRC, file), 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      relative(SRC, resolve(dirname(join(SRC, file)), specifier))
        .split(sep)
        .join('/')
        .replace(/\.js$/, '.ts'),
    );
}

const topFolder = (path: string) => (path.includes('/') ? path.split('/')[0] : null);
const isRepository = (path: string) => /(^|[/-])repository\.ts$/.test(path);

const edges = sourceFiles().flatMap((file) => importsOf(file).map((target) => ({ file, target })));

describe('the layers of src/', () => {
  it('finds the imports it checks', () => {
    expect(edges).toContainEqual({ file: 'ballots/service.ts', target: 'ballots/repository.ts' });
  });

  // Files at the top of src/ are the shell that wires everything (app.ts builds the vote queue on its repository).
  it("lets no domain import another domain's repository", () => {
    const crossings = edges.filter(({ file, target }) => isRepository(target) && topFolder(file) !== null && topFolder(file) !== topFolder(target)).map(({ file, target }) => `${file} → ${target}`);
    expect(crossings).toEqual([]);
  });

  it('lets only the app and the plugins themselves import from src/plugins/', () => {
    const reaching = edges.filter(({ file, target }) => target.startsWith('plugins/') && !file.startsWith('plugins/') && file !== 'app.ts').map(({ file, target }) => `${file} → ${target}`);
    expect(reaching).toEqual([]);
  });
});
