// The projector's paging (web/src/display/paging.ts): items into pages by their measured heights,
// the seconds a display link asks for, and the secretary's steps.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SECONDS, pageSecondsFrom, pagesFor, steppedPage } from '../../web/src/display/paging.js';

describe('paging a result on the projector', () => {
  it('puts every item on one page when they fit together', () => {
    expect(pagesFor([200, 300, 250], 800)).toEqual([[0, 1, 2]]);
  });

  it('starts a new page at the first item that would not fit, keeping the order', () => {
    expect(pagesFor([300, 300, 600, 200], 800)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('fills a page exactly to the height available', () => {
    expect(pagesFor([400, 400, 400], 800)).toEqual([[0, 1], [2]]);
  });

  it('gives an item taller than the screen a page of its own, and still pages what follows', () => {
    expect(pagesFor([200, 1500, 200], 800)).toEqual([[0], [1], [2]]);
    expect(pagesFor([1500], 800)).toEqual([[0]]);
  });

  it('has no pages for no items, and every item on exactly one page', () => {
    expect(pagesFor([], 800)).toEqual([]);
    const heights = [120, 700, 90, 90, 810, 30, 500, 500];
    expect(pagesFor(heights, 800).flat()).toEqual(heights.map((_, index) => index));
  });

  it('reads the seconds per page from the display link, within bounds', () => {
    expect(pageSecondsFrom('')).toBe(DEFAULT_PAGE_SECONDS);
    expect(pageSecondsFrom('?seconds=15')).toBe(15);
    expect(pageSecondsFrom('?seconds=0.5')).toBe(1);
    expect(pageSecondsFrom('?seconds=99999')).toBe(600);
    expect(pageSecondsFrom('?seconds=abc')).toBe(DEFAULT_PAGE_SECONDS);
    expect(pageSecondsFrom('?seconds=-3')).toBe(DEFAULT_PAGE_SECONDS);
  });

  it('steps back and on without going past either end', () => {
    expect(steppedPage(0, 3, 'next')).toBe(1);
    expect(steppedPage(2, 3, 'next')).toBe(2);
    expect(steppedPage(1, 3, 'previous')).toBe(0);
    expect(steppedPage(0, 3, 'previous')).toBe(0);
  });
});
