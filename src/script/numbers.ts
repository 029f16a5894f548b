// Numbers as a chair reads them aloud: 第一项, 三分之二. Counts of people and votes stay in digits,
// as printed scripts have them; only ordinals and fractions are written in words.

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五; from 10000 on, digits. */
export function chineseNumber(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a count: ${value}`);
  if (value < 10) return DIGITS[value]!;
  if (value < 100) {
    const tens = Math.floor(value / 10);
    const ones = value % 10;
    return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
  }
  if (value < 10000) {
    const units: [number, string][] = [
      [1000, '千'],
      [100, '百'],
      [10, '十'],
      [1, ''],
    ];
    let words = '';
    let zeroPending = false;
    for (const [unit, name] of units) {
      const digit = Math.floor(value / unit) % 10;
      if (digit === 0) {
        zeroPending = words !== '';
        continue;
      }
      if (zeroPending) words += '零';
      zeroPending = false;
      words += DIGITS[digit]! + name;
    }
    return words;
  }
  return String(value);
}

/** 2/3 → 三分之二, 1/2 → 二分之一; the whole (n/n) is 全部. */
export function fractionInWords(fraction: { numerator: number; denominator: number }): string {
  if (fraction.numerator === fraction.denominator) return '全部';
  return `${chineseNumber(fraction.denominator)}分之${chineseNumber(fraction.numerator)}`;
}

/**
 * The ballot explanations put spaces around numbers ("赞成 50 票"), which suit a screen; read aloud
 * and printed in a script they are written together ("赞成50票"). Spaces between Latin words stay.
 */
export function tighten(text: string): string {
  return text.replace(/(?<=\P{ASCII}) +| +(?=\P{ASCII})/gu, '');
}

/** 《title》, unless the title already carries its own book-title marks. */
export function bookTitle(title: string): string {
  return title.startsWith('《') ? title : `《${title}》`;
}
