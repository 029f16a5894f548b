// Before any test file runs: build the pages once if they are missing or stale (what npm start does),
// so no browser test spends its own time limit waiting for Vite on a busy machine.
import { ensureWebBuild } from '../../src/web-build.js';

export default async function setup(): Promise<void> {
  await ensureWebBuild((message) => console.log(message));
}
