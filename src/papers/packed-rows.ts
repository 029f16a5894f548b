// A long table's rows packed into one string: cells split by U+001F (unit separator), rows by U+001E
// (record separator). A 10,000-name attendance list is then one large string (kept by V8 outside its
// young generation, and copied to the paper worker in one piece) instead of 60,000 small strings in
// 10,000 arrays, which, held while the PDF is laid out, survived collection after collection and
// grew the main thread's young generation back to its largest on a server that had shrunk it.

const CELL = '\u001f';
const ROW = '\u001e';
// biome-ignore lint/suspicious/noControlCharactersInRegex: the two separators are what it finds
const SEPARATORS = /[\u001e\u001f]/g;

/** One row, its cells joined; a separator inside a cell (a control character no name holds) becomes a space. */
export function packRow(cells: readonly string[]): string {
  return cells.map((cell) => cell.replace(SEPARATORS, ' ')).join(CELL);
}

/** Packed rows (or packed runs of rows) joined into one. A row must not pack to '' (one empty cell). */
export function packRows(rows: readonly string[]): string {
  return rows.join(ROW);
}

/** The rows back, one at a time, each split into its cells. */
export function* unpackRows(packed: string): Generator<string[]> {
  if (packed === '') return;
  let start = 0;
  for (;;) {
    const end = packed.indexOf(ROW, start);
    yield packed.slice(start, end === -1 ? packed.length : end).split(CELL);
    if (end === -1) return;
    start = end + 1;
  }
}
