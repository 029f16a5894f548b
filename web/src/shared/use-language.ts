// Re-renders a component when the page language changes.
import { useEffect, useState } from 'preact/hooks';
import { onLanguageChange } from '../i18n/i18n.js';

export function useLanguage(): void {
  const [, setTick] = useState(0);
  useEffect(() => onLanguageChange(() => setTick((tick) => tick + 1)), []);
}
