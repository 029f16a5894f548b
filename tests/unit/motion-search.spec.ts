// Chinese-aware search: the tokens the index stores, the MATCH expressions queries become, and
// both together on a real FTS5 table.
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { searchQuery, searchTokens } from '../../src/motions/search.js';

describe('tokens for the index', () => {
  it('turns a run of Chinese into overlapping bigrams and its last character', () => {
    expect(searchTokens('职工食堂改造')).toBe('职工 工食 食堂 堂改 改造 造');
  });

  it('keeps a single character as it is and separates runs at punctuation', () => {
    expect(searchTokens('关于“水”的问题,请答复。')).toBe('关于 于 水 的问 问题 题 请答 答复 复');
  });

  it('lower-cases other words, keeps numbers and normalises full-width letters', () => {
    expect(searchTokens('Wi-Fi 覆盖 5G 基站 ＡＢＣ 2026-015')).toBe('wi fi 覆盖 盖 5g 基站 站 abc 2026 015');
  });

  it('gives nothing for text with nothing searchable', () => {
    expect(searchTokens(' ,。!? ')).toBe('');
  });
});

describe('queries', () => {
  it('searches a Chinese word as the phrase of its bigrams', () => {
    expect(searchQuery('食堂')).toBe('"食堂"');
    expect(searchQuery('职工食堂')).toBe('"职工 工食 食堂"');
  });

  it('searches a single character or a word as a prefix', () => {
    expect(searchQuery('堂')).toBe('"堂"*');
    expect(searchQuery('WiFi')).toBe('"wifi"*');
  });

  it('needs every term', () => {
    expect(searchQuery('食堂 夜班')).toBe('"食堂" AND "夜班"');
  });

  it('never lets FTS5 syntax through', () => {
    expect(searchQuery('a" OR subject:b* NEAR(')).toBe('"a"* AND "or"* AND "subject"* AND "b"* AND "near"*');
    expect(searchQuery('"*"')).toBeNull();
    expect(searchQuery('')).toBeNull();
  });
});

describe('on a real FTS5 table', () => {
  const database = new BetterSqlite3(':memory:');
  afterAll(() => database.close());
  database.exec("CREATE VIRTUAL TABLE entry USING fts5(id UNINDEXED, subject, content, tokenize = 'unicode61')");
  const subjects: Record<string, string> = {
    canteen: '职工食堂改造',
    food: '加强食品安全管理',
    hall: '礼堂座椅更换',
    night: '夜班食堂延长供餐时间',
    wifi: '厂区 Wi-Fi 覆盖',
  };
  const insert = database.prepare('INSERT INTO entry (id, subject, content) VALUES (?, ?, ?)');
  for (const [id, subject] of Object.entries(subjects)) insert.run(id, searchTokens(subject), searchTokens(`${subject}的理由和建议措施`));
  const find = (query: string) => {
    const match = searchQuery(query);
    if (!match) return [];
    return (database.prepare('SELECT id FROM entry WHERE entry MATCH ? ORDER BY id').all(match) as { id: string }[]).map((row) => row.id);
  };

  it('finds 职工食堂改造 when asked for 食堂, and the night-shift canteen too', () => {
    expect(find('食堂')).toEqual(['canteen', 'night']);
  });

  it('matches characters only where they stand together and in that order', () => {
    expect(find('职工食堂')).toEqual(['canteen']);
    expect(find('堂食')).toEqual([]);
    expect(find('食品')).toEqual(['food']);
  });

  it('finds a single character wherever it stands in a word', () => {
    expect(find('堂')).toEqual(['canteen', 'hall', 'night']);
    expect(find('造')).toEqual(['canteen']);
  });

  it('finds words in other scripts by prefix, whatever their case', () => {
    expect(find('wi')).toEqual(['wifi']);
    expect(find('WI-FI 覆盖')).toEqual(['wifi']);
  });

  it('searches the content as well as the subject', () => {
    expect(find('建议措施')).toHaveLength(5);
  });
});
