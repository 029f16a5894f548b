// Debian's chromium driven by playwright-core, and a Yishi server on an ephemeral loopback port.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ensureWebBuild } from './web-build.js';

export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

/** Builds the pages when stale (as npm start would), then starts chromium, with `extraArgs` if any. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  await ensureWebBuild();
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** Listens on 127.0.0.1 with an ephemeral port; returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/** Saves a screenshot as a (git-ignored) test artifact, to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
