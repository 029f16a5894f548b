// A session's resolutions (决议) as an official paper: each one its title (2号小标宋), the subtitle
// that says who adopted it and when (题注), its text paragraph by paragraph with the result clause
// last, and the congress's signature and date; several are bound into one file, each on its own
// page. Pure: the caller passes the resolutions as the JSON view shows them and the congress's name.
import { writtenDate } from '../papers/dates.js';
import type { OfficialDocument, PaperBlock } from '../papers/official-document.js';
import type { ResolutionView } from './schemas.js';

/**
 * （2026年12月3日第三届第二次职工代表大会通过）; voted down: …表决，未通过）; not yet voted:
 * （草案）, since the text may still change.
 */
export function resolutionSubtitle(resolution: Pick<ResolutionView, 'state' | 'votedAt'>, congress: string): string {
  if (resolution.votedAt && resolution.state === 'adopted') return `（${writtenDate(resolution.votedAt)}${congress}通过）`;
  if (resolution.votedAt && resolution.state === 'not_adopted') return `（${writtenDate(resolution.votedAt)}${congress}表决，未通过）`;
  return '（草案）';
}

/** The body as the secretary wrote it, one paragraph a line, then the result clause once voted. */
function textBlocks(resolution: Pick<ResolutionView, 'text'>): PaperBlock[] {
  return resolution.text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((text): PaperBlock => ({ kind: 'paragraph', text }));
}

interface ResolutionPart {
  title: string;
  subtitle: string;
  blocks: PaperBlock[];
  signature: string;
  date?: string;
}

function part(resolution: ResolutionView, congress: string): ResolutionPart {
  return {
    title: resolution.title,
    subtitle: resolutionSubtitle(resolution, congress),
    blocks: textBlocks(resolution),
    signature: congress,
    ...(resolution.votedAt ? { date: resolution.votedAt } : {}),
  };
}

/**
 * The resolutions in the order given (at least one): the first as the document's own title, each
 * further one after a page break under a title of its own, each signed and dated.
 */
export function resolutionsPaper(resolutions: readonly ResolutionView[], congress: string, fileName: string): OfficialDocument {
  const [first, ...rest] = resolutions.map((resolution) => part(resolution, congress));
  if (!first) throw new RangeError('a paper of resolutions needs at least one');
  const last = rest.at(-1) ?? first;
  const blocks: PaperBlock[] = [...first.blocks];
  const signed = (entry: ResolutionPart): PaperBlock => ({ kind: 'signature', signature: entry.signature, ...(entry.date ? { date: entry.date } : {}) });
  let previous = first;
  for (const entry of rest) {
    blocks.push(signed(previous), { kind: 'pageBreak' }, { kind: 'title', text: entry.title, subtitle: entry.subtitle }, ...entry.blocks);
    previous = entry;
  }
  return {
    title: first.title,
    subtitle: first.subtitle,
    blocks,
    signature: last.signature,
    ...(last.date ? { date: last.date } : {}),
    fileName,
  };
}
