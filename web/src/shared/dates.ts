// Dates the way each language prints them on a notice: 2025年11月25日 / 25 November 2025.
import { language } from '../i18n/i18n.js';

export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (language() === 'zh') return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The date a 公文 is signed, in the reader's time: 2026年12月4日, whatever the page's language. */
export function signingDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** A calendar day (2026-03-04) in Chinese, whatever the browser's time zone: 2026年3月4日. */
export function chineseDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
