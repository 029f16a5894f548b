// A long table's rows packed into one string (the archive's 10,000-name attendance list) come back
// as the same rows, cell for cell; a separator inside a cell cannot split it.
import { describe, expect, it } from 'vitest';
import { packRow, packRows, unpackRows } from '../../src/papers/packed-rows.js';

describe('packed rows', () => {
  it('unpack to the rows that were packed, empty cells included, also when packed in runs', () => {
    const rows = [
      ['1', '张三', 'B000001', '第1代表团', '代表', '已签到'],
      ['2', '李四', 'B000002', '', '列席', '未签到'],
      ['3', '', '', '', '', ''],
    ];
    expect([...unpackRows(packRows(rows.map(packRow)))]).toEqual(rows);
    const runs = [packRows(rows.slice(0, 2).map(packRow)), packRows(rows.slice(2).map(packRow))];
    expect([...unpackRows(packRows(runs))]).toEqual(rows);
  });

  it('are none for an empty list', () => {
    expect([...unpackRows(packRows([]))]).toEqual([]);
  });

  it('turn a separator inside a cell into a space instead of a new cell or row', () => {
    expect([...unpackRows(packRows([packRow(['1', 'a\u001fb', 'c\u001ed'])]))]).toEqual([['1', 'a b', 'c d']]);
  });
});
