import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.spec.ts', 'tests/api/**/*.spec.ts', 'tests/realtime/**/*.spec.ts', 'tests/secrecy/**/*.spec.ts', 'tests/crash/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
