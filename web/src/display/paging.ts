// How a published result is paged on the projector: the items, in order, into pages of what fits the
// screen's height (measured in the browser), and how long each page stays up. Pure, so unit-tested.

/** Seconds per page when the display link does not say (?seconds=…). */
export const DEFAULT_PAGE_SECONDS = 8;
const FEWEST_SECONDS = 1;
const MOST_SECONDS = 600;

/**
 * Items in order into pages: each page takes the next items while their heights add up to no more
 * than `available`; an item taller than that alone gets a page of its own (the caller has already
 * set it in columns or smaller type so it fits). Every item is on exactly one page.
 */
export function pagesFor(heights: readonly number[], available: number): number[][] {
  const pages: number[][] = [];
  let current: number[] = [];
  let used = 0;
  heights.forEach((height, index) => {
    if (current.length > 0 && used + height > available) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(index);
    used += height;
  });
  if (current.length > 0) pages.push(current);
  return pages;
}

/** The seconds per page a display link asks for (?seconds=12), within sane bounds; else the default. */
export function pageSecondsFrom(search: string): number {
  const asked = Number(new URLSearchParams(search).get('seconds'));
  if (!Number.isFinite(asked) || asked <= 0) return DEFAULT_PAGE_SECONDS;
  return Math.min(MOST_SECONDS, Math.max(FEWEST_SECONDS, asked));
}

/** The page after a step from the secretary: back or on, never past either end. */
export function steppedPage(page: number, count: number, step: 'previous' | 'next'): number {
  return Math.max(0, Math.min(count - 1, step === 'next' ? page + 1 : page - 1));
}
