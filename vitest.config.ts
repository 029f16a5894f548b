// npm test: two groups. The many short files (unit, API, secrecy) run on both cores at once; the
// files that drive a browser, kill a server or stream over sockets run one at a time after them, each
// with both cores (a test must not depend on the machine's speed, but these are the slowest to bear
// a neighbour). Vitest's own default on a 2-core machine is one worker for everything.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['tests/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'parallel', include: ['tests/{unit,api,secrecy}/**/*.spec.ts'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'serial', include: ['tests/{realtime,crash,browser}/**/*.spec.ts'], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
