// Dates as a 公文 writes them: 2026年12月3日, in Arabic numerals without leading zeros (GB/T 9704-2012
// 7.3.5.1), on the calendar of China Standard Time, where the congress sits.

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in China of an ISO date (2026-12-03, kept as is) or moment (2026-12-02T17:00:00Z → 2026-12-03). */
export function chinaDay(instant: string | Date): string {
  if (typeof instant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(instant)) return instant;
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(time)) throw new RangeError(`not an ISO date: ${String(instant)}`);
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2026-12-03 (or a moment on that day in China) → 2026年12月3日. */
export function writtenDate(instant: string | Date): string {
  const [year, month, day] = chinaDay(instant).split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
}
