// npm run test:reliability: the suite that tries to break the vote (storms, crashes, floods, fuzz,
// backups, a full disk), and a production install run from a read-only folder. One file at a time:
// each storm wants both cores to itself.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.spec.ts', 'tests/install/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
