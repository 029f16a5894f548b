// A version's Markdown cut into blocks (headings, paragraphs, list items), numbered b1, b2 … in
// order. A version never changes once issued, so (version id, anchor) names one clause for good:
// opinions and responses point at it. Pure.

export type BlockKind = 'heading' | 'paragraph' | 'list_item';

export interface Block {
  anchor: string;
  kind: BlockKind;
  /** The block's Markdown, lines of one paragraph joined by a newline. */
  text: string;
  /** What a person calls it: 第三条, a heading, or the opening words. */
  label: string;
}

const HEADING = /^#{1,6}\s+/;
// -, *, + bullets; 1. 1) ; (一) （一） 一、 clause numbering.
const LIST_ITEM = /^(?:[-*+]\s+|\d{1,3}[.)、]\s*|[（(][一二三四五六七八九十百\d]{1,4}[)）]\s*|[一二三四五六七八九十百]{1,4}、)/;
const CLAUSE = /^(第[一二三四五六七八九十百千零〇\d]{1,6}[章节条款])/;

function plain(text: string): string {
  return text
    .replace(HEADING, '')
    .replace(/^[-*+]\s+/, '')
    .replace(/[*_`>#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function labelOf(kind: BlockKind, text: string): string {
  const bare = plain(text);
  const clause = CLAUSE.exec(bare);
  if (clause) return clause[1]!;
  if (kind === 'heading') return bare.slice(0, 40);
  const opening = bare.slice(0, 16);
  return bare.length > 16 ? `${opening}…` : opening;
}

/** Blank lines end a block; a heading is a block of its own; each list item is a block of its own. */
export function splitBlocks(markdown: string): Block[] {
  const pieces: { kind: BlockKind; lines: string[] }[] = [];
  let current: { kind: BlockKind; lines: string[] } | null = null;
  const end = () => {
    if (current?.lines.length) pieces.push(current);
    current = null;
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      end();
      continue;
    }
    const trimmed = line.trim();
    if (HEADING.test(trimmed)) {
      end();
      pieces.push({ kind: 'heading', lines: [trimmed] });
      continue;
    }
    if (LIST_ITEM.test(trimmed)) {
      end();
      current = { kind: 'list_item', lines: [trimmed] };
      continue;
    }
    current ??= { kind: 'paragraph', lines: [] };
    current.lines.push(trimmed);
  }
  end();
  return pieces.map((piece, index) => {
    const text = piece.lines.join('\n');
    return { anchor: `b${index + 1}`, kind: piece.kind, text, label: labelOf(piece.kind, text) };
  });
}

/** Markdown from plain paragraphs (a .docx's text): one block per paragraph. */
export function paragraphsToMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n\n');
}
