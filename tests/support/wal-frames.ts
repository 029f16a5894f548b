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
  /** A member id (participation) or a receipt (ballot_box). */
  id: string;
  page: number;
  /** Where the cell sits in its page: SQLite fills a page's cell area from the end, in insertion order. */
  offset: number;
}

export interface BallotRows {
  participation: FoundRow[];
  ballotBox: FoundRow[];
}

/**
 * A ballot's rows in one page image. A participation record is (ballot_id, member_id) and a
 * ballot_box record (ballot_id, ballot_key, receipt, answers, …): in SQLite's record format the
 * values sit side by side, so the ballot id followed by a member id, or by a 16-character key and
 * a receipt, is such a row. Index entries (ballot_id, receipt, ballot_key) count as ballot_box rows.
 */
export function ballotRowsInPage(data: Buffer, page: number, ballotId: string, members: ReadonlySet<string>, receipts: ReadonlySet<string>, receiptLength: number): BallotRows {
  const text = data.toString('latin1');
  const rows: BallotRows = { participation: [], ballotBox: [] };
  for (let at = text.indexOf(ballotId); at >= 0; at = text.indexOf(ballotId, at + 1)) {
    const after = at + ballotId.length;
    const member = text.slice(after, after + ballotId.length);
    const indexed = text.slice(after, after + receiptLength);
    const stored = text.slice(after + ballotId.length, after + ballotId.length + receiptLength);
    if (members.has(member)) rows.participation.push({ id: member, page, offset: at });
    else if (receipts.has(stored)) rows.ballotBox.push({ id: stored, page, offset: at });
    else if (receipts.has(indexed)) rows.ballotBox.push({ id: indexed, page, offset: at });
  }
  return rows;
}

/** Splits a database file into its pages (1-based, as SQLite numbers them). */
export function pagesOf(file: Buffer, pageSize: number): Map<number, Buffer> {
  const pages = new Map<number, Buffer>();
  for (let offset = 0; offset + pageSize <= file.length; offset += pageSize) pages.set(offset / pageSize + 1, file.subarray(offset, offset + pageSize));
  return pages;
}
