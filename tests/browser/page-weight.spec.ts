// The voter page on a cheap phone: the JavaScript it loads before the first ballot (its entry and
// every module it preloads) stays within 60 KB gzipped, and no page fetches a font or anything else
// from outside Yishi (the hall may have no internet).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ensureWebBuild, WEB_DIST } from '../support/web-build.js';

const BUDGET = 60 * 1024;

/** The scripts an HTML page loads at once: its module entry and its modulepreloads. */
function scriptsOf(page: string): string[] {
  const html = readFileSync(join(WEB_DIST, page), 'utf8');
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)];
  return sources.map((match) => match[1]!);
}

function gzippedSize(url: string): number {
  return gzipSync(readFileSync(join(WEB_DIST, url.replace(/^\//, ''))), { level: 9 }).length;
}

describe('page weight', () => {
  it('keeps the voter page’s JavaScript within 60 KB gzipped', async () => {
    await ensureWebBuild();
    const scripts = scriptsOf('voter.html');
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, url) => sum + gzippedSize(url), 0);
    console.log(`voter page JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${scripts.length} files (budget 60 KB)`);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('loads nothing from outside Yishi: no CDN, no web font', async () => {
    await ensureWebBuild();
    const files = ['voter.html', 'admin.html', 'display.html', 'results.html', 'notice.html', ...readdirSync(join(WEB_DIST, 'assets')).map((name) => `assets/${name}`)];
    for (const file of files) {
      const text = readFileSync(join(WEB_DIST, file), 'utf8');
      expect(text, file).not.toMatch(/@font-face/);
      expect(text, file).not.toMatch(/(?:src|href)=["']https?:\/\//);
      if (file.endsWith('.css')) expect(text, file).not.toMatch(/url\(\s*["']?https?:/);
    }
  });
});
