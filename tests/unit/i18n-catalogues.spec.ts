// The pages' text catalogues: each English catalogue has exactly its Chinese counterpart's keys, no key
// is in both the shared and the console's catalogue, and no page but the console can reach a console
// key (the console registers its catalogue at start-up; the voter, projector, results and notice
// pages never download it, so a console key there would show as its bare name), and registering
// a catalogue gives its texts in Chinese at once and in English once its part has arrived.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../web/src/i18n/en.js';
import { enConsole } from '../../web/src/i18n/en-console.js';
import { zh } from '../../web/src/i18n/zh.js';
import { zhConsole } from '../../web/src/i18n/zh-console.js';

const WEB = resolve(import.meta.dirname, '../../web');
const OTHER_PAGES = ['voter.html', 'display.html', 'results.html', 'notice.html'];

/** Every module a page loads, at once or lazily: its entry scripts and what they import, transitively. */
function modulesOf(page: string): Map<string, string> {
  const html = readFileSync(join(WEB, page), 'utf8');
  const pending = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.ts)"/g)].map((match) => join(WEB, match[1]!));
  const modules = new Map<string, string>();
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (modules.has(path)) continue;
    const text = readFileSync(path, 'utf8');
    modules.set(path, text);
    // Type-only imports are erased: they load nothing.
    const code = text.replace(/^import type [\s\S]*?from\s+'[^']+';/gm, '');
    const imports = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+\.js)'/gm)].map((match) => match[1]!);
    for (const specifier of imports) pending.push(resolve(dirname(path), specifier.replace(/\.js$/, '.ts')));
  }
  return modules;
}

const sortedKeys = (catalogue: object) => Object.keys(catalogue).sort();

describe('the text catalogues', () => {
  it('has the same keys in English as in Chinese, for the shared and for the console’s catalogue', () => {
    expect(sortedKeys(en)).toEqual(sortedKeys(zh));
    expect(sortedKeys(enConsole)).toEqual(sortedKeys(zhConsole));
  });

  it('holds no key in both the shared and the console’s catalogue', () => {
    const shared = new Set(Object.keys(zh));
    expect(Object.keys(zhConsole).filter((key) => shared.has(key))).toEqual([]);
  });

  it('keeps every key the voter, projector, results and notice pages can name out of the console’s catalogue', () => {
    const texts = OTHER_PAGES.flatMap((page) => [...modulesOf(page)].filter(([path]) => !path.includes('/i18n/')).map(([, text]) => text));
    expect(texts.length).toBeGreaterThan(20);
    const source = texts.join('\n');
    const named = Object.keys(zhConsole).filter((key) => [`'${key}'`, `"${key}"`, `\`${key}\``].some((literal) => source.includes(literal)));
    expect(named, 'console keys named by another page: move them to zh.ts and en.ts').toEqual([]);
    // Keys built at run time (t(`vmState_${state}`)): every key with such a prefix stays shared.
    const prefixes = [...source.matchAll(/`([A-Za-z][A-Za-z0-9_]*)\$\{/g)].map((match) => match[1]!);
    const built = Object.keys(zhConsole).filter((key) => prefixes.some((prefix) => key.startsWith(prefix)));
    expect(built, 'console keys another page may build at run time').toEqual([]);
  });
});

describe('a page registering its own catalogue', () => {
  /** A fresh i18n.ts on a device that remembers `stored` as its language. */
  async function freshI18n(stored: string | null) {
    vi.resetModules();
    vi.stubGlobal('localStorage', { getItem: () => stored, setItem: () => undefined });
    vi.stubGlobal('document', { documentElement: { lang: '' } });
    return import('../../web/src/i18n/i18n.js');
  }
  const loadEnglishConsole = () => import('../../web/src/i18n/en-console.js').then((module) => module.enConsole);
  afterEach(() => vi.unstubAllGlobals());

  it('shows its texts in Chinese at once, and a key no catalogue holds as its name instead of failing', async () => {
    const i18n = await freshI18n(null);
    i18n.registerCatalogue(zhConsole, loadEnglishConsole);
    expect(i18n.t('afTitle')).toBe(zhConsole.afTitle);
    expect(i18n.t('turnout', { voted: 3, eligible: 5 })).toBe('已投票 3 / 5');
    expect(i18n.hasMessage('moState_draft')).toBe(true);
    expect(i18n.hasMessage('constructor')).toBe(false);
    expect(i18n.t('noSuchText' as never)).toBe('noSuchText');
  });

  it('switches to English only once its part has arrived too, even when English was already loading', async () => {
    const i18n = await freshI18n('en');
    i18n.registerCatalogue(zhConsole, loadEnglishConsole);
    expect(i18n.language()).toBe('zh');
    await i18n.setLanguage('en');
    await vi.waitFor(() => expect(i18n.language()).toBe('en'));
    expect(i18n.t('afTitle')).toBe(enConsole.afTitle);
    expect(i18n.t('appName')).toBe(en.appName);
    await i18n.setLanguage('zh');
    expect(i18n.t('afTitle')).toBe(zhConsole.afTitle);
  });

  it('fetches the console’s English when the page switches to it later', async () => {
    const i18n = await freshI18n(null);
    i18n.registerCatalogue(zhConsole, loadEnglishConsole);
    await i18n.setLanguage('en');
    expect(i18n.language()).toBe('en');
    expect(i18n.t('afTitle')).toBe(enConsole.afTitle);
  });
});
