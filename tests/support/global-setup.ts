// Before any test file runs: build the pages once if they are missing or stale (as npm start would),
// so no browser test spends its own time limit waiting for Vite on a busy machine.
import { ensureWebBuild } from './web-build.js';

export default async function setup(): Promise<void> {
  await ensureWebBuild((message) => console.log(message));
}
