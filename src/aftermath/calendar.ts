// Calendar days and working days for the deadlines that follow a session (issue 13): the notice
// within N calendar days of closing, the report within N working days. Pure functions over ISO days
// (2026-12-03); weekends are not working days unless named as 调休 workdays, holidays never are.

export interface WorkingCalendar {
  /** Public holidays, ISO days: never working days. */
  holidays: readonly string[];
  /** Weekend days worked in exchange for a holiday (调休 补班), ISO days: working days. */
  extraWorkdays: readonly string[];
}

/** The calendar day in China of an instant (one time zone, +08:00): 2026-12-03T17:00:00Z is 2026-12-04 there. */
export { chinaDay } from '../papers/dates.js';

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

function dayOf(number: number): string {
  return new Date(number * 86_400_000).toISOString().slice(0, 10);
}

/** The day `n` calendar days after `day` (n may be 0 or negative). */
export function calendarDaysAfter(day: string, n: number): string {
  return dayOf(dayNumber(day) + n);
}

/** How many calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  if (calendar.holidays.includes(day)) return false;
  if (calendar.extraWorkdays.includes(day)) return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after `day` (the day itself does not count, whether or not it is a working
 * day): closing on Friday 2026-12-04, 7 working days run to Tuesday 2026-12-15. n = 0 is the day itself.
 */
export function workingDaysAfter(day: string, n: number, calendar: WorkingCalendar): string {
  let current = dayNumber(day);
  let counted = 0;
  // A calendar of holidays is finite, so at most a few hundred days are skipped; the bound only guards bad input.
  for (let guard = 0; counted < n && guard < n * 7 + 1000; guard++) {
    current += 1;
    if (isWorkingDay(dayOf(current), calendar)) counted += 1;
  }
  return dayOf(current);
}
