// An attacker's tools for a copied SQLite database: parse the -wal file into the commits SQLite itself
// would replay (32-byte header, then frames of a 24-byte header and one page; checksums chained
// from the header, salts matching it), and find a ballot's rows in raw page images.

export interface WalFrame {
  page: number;
  data: Buffer;
}

export interface Wal {
  pageSize: number;
  /** Each commit's frames, in order; frames after the last commit frame are not committed. */
  commits: WalFrame[][];
}

function checksum(buffer: Buffer, start: number, end: number, seed: [number, number], bigEndian: boolean): [number, number] {
  let [s0, s1] = seed;
  for (let offset = start; offset < end; offset += 8) {
    const x0 = bigEndian ? buffer.readUInt32BE(offset) : buffer.readUInt32LE(offset);
    const x1 = bigEndian ? buffer.readUInt32BE(offset + 4) : buffer.readUInt32LE(offset + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

export function readWal(file: Buffer): Wal {
  if (file.length < 32) return { pageSize: 0, commits: [] };
  const magic = file.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) throw new Error('not a WAL file');
  const bigEndian = magic === 0x377f0683;
  const pageSize = file.readUInt32BE(8);
  const salts = [file.readUInt32BE(16), file.readUInt32BE(20)];
  let running = checksum(file, 0, 24, [0, 0], bigEndian);
  if (running[0] !== file.readUInt32BE(24) || running[1] !== file.readUInt32BE(28)) return { pageSize, commits: [] };
  const commits: WalFrame[][] = [];
  let pending: WalFrame[] = [];
  for (let offset = 32; offset + 24 + pageSize <= file.length; offset += 24 + pageSize) {
    if (file.readUInt32BE(offset + 8) !== salts[0] || file.readUInt32BE(offset + 12) !== salts[1]) break;
    running = checksum(file, offset, offset + 8, running, bigEndian);
    running = checksum(file, offset + 24, offset + 24 + pageSize, running, bigEndian);
    if (running[0] !== file.readUInt32BE(offset + 16) || running[1] !== file.readUInt32BE(offset + 20)) break;
    pending.push({ page: file.readUInt32BE(offset), data: file.subarray(offset + 24, offset + 24 + pageSize) });
    if (file.readUInt32BE(offset + 4) !== 0) {
      commits.push(pending);
      pending = [];
    }
  }
  return { pageSize, commits };
}

export interface FoundRow {
  /** A member id (participation), a receipt (ballot_receipt) or a paper's write-in tag (ballot_box). */
  id: string;
  page: number;
  /** Where the cell sits in its page: SQLite fills a page's cell area from the end, in insertion order. */
  offset: number;
}

export const ROW_KINDS = ['participation', 'receipts', 'papers'] as const;
export type RowKind = (typeof ROW_KINDS)[number];
export type BallotRows = Record<RowKind, FoundRow[]>;

export function noRows(): BallotRows {
  return { participation: [], receipts: [], papers: [] };
}

/** What the attacker is scored against: the members who voted, the receipts, the papers' tags. */
export interface KnownIds {
  members: ReadonlySet<string>;
  receipts: ReadonlySet<string>;
  tags: ReadonlySet<string>;
}

/** randomId(): 12 random bytes in base64url. */
const BALLOT_KEY_LENGTH = 16;
const RECEIPT_LENGTH = 32;
/** A tagged paper's stored answers (tests/support/ballot-storm.ts openTaggedBallot), its tag captured. */
const TAGGED_ANSWERS = /^\[\{"candidateIds":\[[^\]]*\],"writeIns":\["([0-9a-f]+)"\]\}\]/;

/**
 * A ballot's rows in one page image. In SQLite's record format a row's values sit side by side, so
 * the ballot id followed by a member id is a participation row, followed by a receipt a
 * ballot_receipt row, and followed by a 16-character key and a tagged paper's answers a ballot_box
 * row. (A b-tree's interior pages hold copies of some keys: the first place found is the one kept.)
 */
export function ballotRowsInPage(data: Buffer, page: number, ballotId: string, known: KnownIds): BallotRows {
  const text = data.toString('latin1');
  const rows = noRows();
  for (let at = text.indexOf(ballotId); at >= 0; at = text.indexOf(ballotId, at + 1)) {
    const after = at + ballotId.length;
    const member = text.slice(after, after + ballotId.length);
    const receipt = text.slice(after, after + RECEIPT_LENGTH);
    const tag = TAGGED_ANSWERS.exec(text.slice(after + BALLOT_KEY_LENGTH, after + BALLOT_KEY_LENGTH + 200))?.[1];
    if (known.members.has(member)) rows.participation.push({ id: member, page, offset: at });
    else if (known.receipts.has(receipt)) rows.receipts.push({ id: receipt, page, offset: at });
    else if (tag !== undefined && known.tags.has(tag)) rows.papers.push({ id: tag, page, offset: at });
  }
  return rows;
}

/** Every ballot row in a whole file, each at the first place it is found. */
export function ballotRowsInFile(file: Buffer, ballotId: string, known: KnownIds): { rows: BallotRows; pageSize: number } {
  const pageSize = file.readUInt16BE(16) === 1 ? 65_536 : file.readUInt16BE(16);
  const rows = noRows();
  const seen = new Set<string>();
  for (const [page, data] of pagesOf(file, pageSize)) {
    const found = ballotRowsInPage(data, page, ballotId, known);
    for (const kind of ROW_KINDS) {
      for (const row of found[kind]) {
        if (seen.has(`${kind}:${row.id}`)) continue;
        seen.add(`${kind}:${row.id}`);
        rows[kind].push(row);
      }
    }
  }
  return { rows, pageSize };
}

/** A row's place in the file as one number: its page, then its cell's fill order from the page's end. */
export function placeInFile(row: FoundRow, pageSize: number): number {
  return row.page * pageSize + (pageSize - row.offset) / pageSize;
}

/** Splits a database file into its pages (1-based, as SQLite numbers them). */
export function pagesOf(file: Buffer, pageSize: number): Map<number, Buffer> {
  const pages = new Map<number, Buffer>();
  for (let offset = 0; offset + pageSize <= file.length; offset += pageSize) pages.set(offset / pageSize + 1, file.subarray(offset, offset + pageSize));
  return pages;
}
