// Dates the way each language prints them on a notice: 2025年11月25日 / 25 November 2025.
import { language } from '../i18n/i18n.js';

export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (language() === 'zh') return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
