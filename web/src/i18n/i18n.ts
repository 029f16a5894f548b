// The page language: Chinese by default, English on request, remembered on the device. The English
// catalogue is fetched only when it is asked for, so a phone in a Chinese hall never downloads it.
// A page with texts of its own (the console) registers its catalogue at start-up, so the other pages
// never download those texts either; the type-only import of its keys is erased from their bundles.
import type { ConsoleMessageKey } from './zh-console.js';
import { type SharedMessageKey, zh } from './zh.js';

export type Language = 'zh' | 'en';
/** Every key of every catalogue, so each t('…') call is checked whichever catalogue holds the text. */
export type MessageKey = SharedMessageKey | ConsoleMessageKey;
type Catalogue = Readonly<Record<string, string>>;

const STORAGE_KEY = 'yishi.language';
// No prototype, so a key built from a server's value ("constructor") finds nothing by accident.
const chinese: Record<string, string> = Object.assign(Object.create(null), zh);
const englishLoaders: (() => Promise<Catalogue>)[] = [() => import('./en.js').then((module) => module.en)];
let english: Catalogue | null = null;
let englishLoading: Promise<void> | null = null;
/** Bumped when a catalogue registers while English is loading, so a load missing its part is dropped. */
let englishGeneration = 0;

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
  const generation = englishGeneration;
  englishLoading ??= Promise.all(englishLoaders.map((load) => load())).then(
    (parts) => {
      if (generation !== englishGeneration) return;
      english = Object.assign(Object.create(null), ...parts) as Catalogue;
      notify();
    },
    () => {
      // Offline before English ever loaded: stay in Chinese, try again on the next switch.
      if (generation === englishGeneration) englishLoading = null;
    },
  );
  return englishLoading;
}

/**
 * Adds a page's own texts: its Chinese at once, its English (a lazy import) whenever English is or
 * becomes the page language. Called at the page's start-up, before anything is shown.
 */
export function registerCatalogue(chinesePart: Catalogue, loadEnglishPart: () => Promise<Catalogue>): void {
  Object.assign(chinese, chinesePart);
  englishLoaders.push(loadEnglishPart);
  if (english || englishLoading) {
    // English was already (being) fetched without this part: fetch again, the modules already in hand are cached.
    englishGeneration += 1;
    english = null;
    englishLoading = null;
    void loadEnglish();
  }
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

/** Whether a catalogue registered so far holds this key (for keys built from a server's value). */
export function hasMessage(key: string): key is MessageKey {
  return key in chinese;
}

/** t('turnout', { voted: 3, eligible: 5 }) → "已投票 3 / 5". */
export function t(key: MessageKey, parameters: Record<string, string | number> = {}): string {
  const text = (language() === 'en' ? english?.[key] : undefined) ?? chinese[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(parameters[name] ?? `{${name}}`));
}

/** Picks the server's message in the page language from an error envelope or a {zh, en} pair. */
export function localized(text: { zh: string; en: string }): string {
  return language() === 'zh' ? text.zh : text.en;
}
