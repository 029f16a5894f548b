// A published result paged to the projector's height, never scrolled: every item is measured in a
// hidden layer of the same width, a long candidate list is set in columns (or, past that, in smaller
// type) until the item fits on its own, and the items go into pages of what fits (paging.ts). The
// pages turn by themselves; the secretary's 前一页 / 后一页 from the console stops that for this
// ballot at the page chosen, until 自动翻页 or another ballot comes up.
import { t } from '../i18n/i18n.js';
import { html, useEffect, useLayoutEffect, useRef, useState } from '../shared/html.js';
import { CountHash } from '../shared/count-hash.js';
import type { Ballot, BallotResult } from '../shared/live.js';
import { ItemResultView } from '../shared/result-chart.js';
import { pagesFor, steppedPage } from './paging.js';

/** A step the secretary sent (display:paged); `sequence` tells a new step from one already taken. */
export interface PageOrder {
  ballotId: string;
  step: 'previous' | 'next' | 'auto';
  sequence: number;
}

/** A candidate list is set in at most this many columns; past that its type gets smaller. */
const MOST_COLUMNS = 4;
/** …but never below this share of its size. */
const SMALLEST_SCALE = 0.4;

interface Layout {
  columns: number[];
  scales: number[];
  /** Each item's height at the last measure, and whether more columns stopped helping it. */
  heights: number[];
  columnsDone: boolean[];
  /** Null until measured. */
  pages: number[][] | null;
}

const unmeasured = (count: number): Layout => ({
  columns: Array(count).fill(1),
  scales: Array(count).fill(1),
  heights: Array(count).fill(Number.POSITIVE_INFINITY),
  columnsDone: Array(count).fill(false),
  pages: null,
});

interface SlotProps {
  ballot: Ballot;
  result: BallotResult;
  index: number;
  layout: Layout;
  verdictElsewhere: boolean;
}

function Slot({ ballot, result, index, layout, verdictElsewhere }: SlotProps) {
  const item = ballot.items[index]!;
  const scale = layout.scales[index] ?? 1;
  return html`<div class="page-slot" data-columns=${layout.columns[index] ?? 1} style=${scale < 1 ? { fontSize: `${scale}em` } : undefined}>
    <${ItemResultView} item=${item} index=${index} count=${ballot.items.length} ballot=${result} untitled=${ballot.items.length === 1 && item.title === ballot.title} verdictElsewhere=${verdictElsewhere} />
  </div>`;
}

/** The height left for items below `area`, down to the display body's bottom padding. */
function availableBelow(area: HTMLElement): number {
  const body = area.closest('.display-body');
  const padding = body ? Number.parseFloat(getComputedStyle(body).paddingBottom) : 0;
  return Math.floor(window.innerHeight - padding - area.getBoundingClientRect().top);
}

/**
 * One step of fitting: an item too tall alone gets another column (while that makes it shorter: narrow
 * columns wrap long names), then smaller type; once every item fits alone, the pages.
 */
function fitted(layer: HTMLElement, available: number, layout: Layout): Layout {
  const slots = [...layer.querySelectorAll<HTMLElement>(':scope > .result-chart > .page-slot')];
  const heights = slots.map((slot) => slot.getBoundingClientRect().height);
  const next: Layout = { columns: [...layout.columns], scales: [...layout.scales], heights, columnsDone: [...layout.columnsDone], pages: null };
  let changed = false;
  heights.forEach((height, index) => {
    if (height <= available) return;
    const columns = next.columns[index]!;
    if (!next.columnsDone[index] && columns > 1 && height >= layout.heights[index]!) {
      // The last column made it no shorter: go back one, and shrink the type from there.
      next.columns[index] = columns - 1;
      next.columnsDone[index] = true;
    } else if (!next.columnsDone[index] && columns < MOST_COLUMNS && slots[index]!.querySelectorAll('.chart-row').length > columns * 2) {
      next.columns[index] = columns + 1;
    } else if (next.scales[index]! > SMALLEST_SCALE) {
      next.columnsDone[index] = true;
      next.scales[index] = Math.max(SMALLEST_SCALE, next.scales[index]! * Math.min(0.95, available / height));
    } else return;
    changed = true;
  });
  return changed ? next : { ...next, pages: pagesFor(heights, available) };
}

interface Props {
  ballot: Ballot;
  figures: string;
  verdictElsewhere: boolean;
  seconds: number;
  order: PageOrder | null;
}

export function PagedResult({ ballot, figures, verdictElsewhere, seconds, order }: Props) {
  const result = ballot.result!;
  const count = ballot.items.length;
  const area = useRef<HTMLDivElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<Layout>(() => unmeasured(count));
  const [page, setPage] = useState(0);
  const [paused, setPaused] = useState(false);
  const [screen, setScreen] = useState(() => `${window.innerWidth}x${window.innerHeight}`);

  // Measured again when the screen or the language changes, or the fonts arrive.
  const language = document.documentElement.lang;
  useEffect(() => {
    const resized = () => setScreen(`${window.innerWidth}x${window.innerHeight}:${Date.now()}`);
    window.addEventListener('resize', resized);
    void document.fonts?.ready.then(resized);
    return () => window.removeEventListener('resize', resized);
  }, []);
  useLayoutEffect(() => setLayout(unmeasured(count)), [screen, language, count, ballot.publishedAt]);
  useLayoutEffect(() => {
    if (layout.pages || !area.current || !layer.current) return;
    setLayout(fitted(layer.current, availableBelow(area.current), layout));
  }, [layout]);

  const pages = layout.pages;
  const shown = pages ? Math.min(page, pages.length - 1) : 0;

  useEffect(() => {
    if (!pages || pages.length < 2 || paused) return;
    const timer = setInterval(() => setPage((current) => (Math.min(current, pages.length - 1) + 1) % pages.length), seconds * 1000);
    return () => clearInterval(timer);
  }, [pages, paused, seconds]);

  // Only steps sent while this ballot is up: one taken before it came up is not replayed.
  const taken = useRef(order?.sequence);
  useEffect(() => {
    if (!order || order.sequence === taken.current) return;
    taken.current = order.sequence;
    if (order.ballotId !== ballot.id) return;
    if (order.step === 'auto') return setPaused(false);
    setPaused(true);
    setPage((current) => steppedPage(Math.min(current, (pages?.length ?? 1) - 1), pages?.length ?? 1, order.step as 'previous' | 'next'));
  }, [order?.sequence]);

  const slot = (index: number) => html`<${Slot} key=${index} ballot=${ballot} result=${result} index=${index} layout=${layout} verdictElsewhere=${verdictElsewhere} />`;
  return html`<div class="paged-result">
    <p class="display-figures-row">
      <span class="display-figures">${figures}</span>
      ${
        pages && pages.length > 1
          ? html`<span class=${`page-indicator ${paused ? 'paused' : ''}`} data-testid="display-page">${t('displayPageOf', { page: shown + 1, count: pages.length })}${paused ? html` · ${t('displayPagedByHand')}` : null}</span>`
          : null
      }
    </p>
    <${CountHash} hash=${ballot.finalHash} />
    <div class="display-page-items" ref=${area} data-page=${shown}>
      ${pages ? html`<div class="result-chart">${pages[shown]!.map(slot)}</div>` : null}
    </div>
    ${
      pages
        ? null
        : html`<div class="display-measure" ref=${layer} aria-hidden="true">
          <div class="result-chart">${ballot.items.map((_, index) => slot(index))}</div>
        </div>`
    }
  </div>`;
}
