// The page language: Chinese by default, English on request, remembered on the device. The English
// catalogue is fetched only when it is asked for, so a phone in a Chinese hall never downloads it.
import { type MessageKey, zh } from './zh.js';

export type Language = 'zh' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'yishi.language';
let english: Record<MessageKey, string> | null = null;
let englishLoading: Promise<void> | null = null;

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let wanted: Language = storedLanguage();
const listeners = new Set<() => void>();

function notify(): void {
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
  for (const listener of listeners) listener();
}

function loadEnglish(): Promise<void> {
  englishLoading ??= import('./en.js').then(
    (module) => {
      english = module.en;
      notify();
    },
    () => {
      // Offline before English ever loaded: stay in Chinese, try again on the next switch.
      englishLoading = null;
    },
  );
  return englishLoading;
}

/** The language texts are shown in: English only once its catalogue has arrived. */
export function language(): Language {
  return wanted === 'en' && english ? 'en' : 'zh';
}

export function setLanguage(next: Language): Promise<void> {
  wanted = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (next === 'en' && !english) return loadEnglish();
  notify();
  return Promise.resolve();
}

if (wanted === 'en') void loadEnglish();

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** t('turnout', { voted: 3, eligible: 5 }) → "已投票 3 / 5". */
export function t(key: MessageKey, parameters: Record<string, string | number> = {}): string {
  const catalogue = language() === 'en' && english ? english : zh;
  return catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(parameters[name] ?? `{${name}}`));
}

/** Picks the server's message in the page language from an error envelope or a {zh, en} pair. */
export function localized(text: { zh: string; en: string }): string {
  return language() === 'zh' ? text.zh : text.en;
}
