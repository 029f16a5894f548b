// Chinese-aware full-text search, pure: text becomes tokens for the FTS5 index, a query becomes an
// FTS5 MATCH expression over the same tokens. FTS5's unicode61 keeps a run of Chinese characters as
// one token (so 食堂 would never match 职工食堂改造) and trigram cannot match two characters, so
// each run of CJK characters is indexed as overlapping bigrams plus its last character alone:
// 职工食堂改造 → 职工 工食 食堂 堂改 改造 造. Every occurrence of a character then starts a token,
// which lets a one-character query match as a prefix (食*), and a longer query is the phrase of its
// bigrams ("食堂", "职工 工食 食堂"), which matches only where those characters stand together.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;

const MAX_QUERY_TERMS = 16;

interface Run {
  text: string;
  cjk: boolean;
}

function runsOf(text: string): Run[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  return [...normalized.matchAll(RUNS)].map((match) => ({ text: match[0], cjk: CJK.test(match[0]) }));
}

function bigrams(run: string): string[] {
  const characters = [...run];
  if (characters.length === 1) return characters;
  const pairs = characters.slice(0, -1).map((character, index) => character + characters[index + 1]);
  return [...pairs, characters.at(-1)!];
}

/** The text as the index stores it: space-separated tokens (CJK bigrams, other words lower-cased). */
export function searchTokens(text: string): string {
  return runsOf(text)
    .flatMap((run) => (run.cjk ? bigrams(run.text) : [run.text]))
    .join(' ');
}

/**
 * A MATCH expression: every term must occur (AND). A CJK term of two or more characters is the
 * phrase of its bigrams (without the trailing single character, which is not next to them in the
 * index once the run goes on); a single character or any other word matches as a prefix.
 * Tokens contain only letters and digits, so nothing the user types can become FTS5 syntax.
 * Returns null when the query has nothing to search for.
 */
export function searchQuery(query: string): string | null {
  const terms = runsOf(query)
    .slice(0, MAX_QUERY_TERMS)
    .map((run) => {
      const characters = [...run.text];
      if (run.cjk && characters.length > 1) return `"${bigrams(run.text).slice(0, -1).join(' ')}"`;
      return `"${run.text}"*`;
    });
  return terms.length === 0 ? null : terms.join(' AND ');
}
