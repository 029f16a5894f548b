// The list of migrations, in order. A landed migration is never edited: add a new file instead.
import type { Migration } from 'kysely';
import * as core from './2026-11-25-001-core.js';

export const migrations: Record<string, Migration> = {
  '2026-11-25-001-core': core,
};
