// npm run test:reliability: the suite that tries to break the vote (storms, crashes, floods, fuzz,
// backups, a full disk). One file at a time: each storm wants both cores to itself.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
