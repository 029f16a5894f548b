// The page language: Chinese by default, English on request, remembered on the device.
import { en } from './en.js';
import { type MessageKey, zh } from './zh.js';

export type Language = 'zh' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'yishi.language';
const catalogues: Record<Language, Record<MessageKey, string>> = { zh, en };

function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Language = initialLanguage();
const listeners = new Set<() => void>();

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** t('turnout', { voted: 3, eligible: 5 }) → "已投票 3 / 5". */
export function t(key: MessageKey, parameters: Record<string, string | number> = {}): string {
  return catalogues[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(parameters[name] ?? `{${name}}`));
}

/** Picks the server's message in the page language from an error envelope or a {zh, en} pair. */
export function localized(text: { zh: string; en: string }): string {
  return current === 'zh' ? text.zh : text.en;
}
