// Category tags (类别): the words a roster or a secretary may write for each of CATEGORY_TAGS, and
// the old English tags earlier imports stored, all read as the one Chinese tag the credentials
// report counts. Any other tag is kept as written (劳模, 退休返聘, …).
import { CATEGORY_TAGS, type CategoryTag } from './term-rules.js';

const SPELLINGS: Readonly<Record<string, CategoryTag>> = {
  一线: '一线职工',
  一线职工: '一线职工',
  一线工人: '一线职工',
  frontline: '一线职工',
  女: '女职工',
  女性: '女职工',
  女职工: '女职工',
  female: '女职工',
  women: '女职工',
  技术: '工程技术人员',
  技术人员: '工程技术人员',
  专业技术人员: '工程技术人员',
  工程技术人员: '工程技术人员',
  technician: '工程技术人员',
  管理: '管理人员',
  管理人员: '管理人员',
  management: '管理人员',
  中层: '中层以上',
  中层以上: '中层以上',
  中层及以上: '中层以上',
  中层以上管理人员: '中层以上',
  中层以上领导: '中层以上',
  青年: '青年',
  青年职工: '青年',
  youth: '青年',
  劳务派遣: '劳务派遣',
  派遣: '劳务派遣',
  劳务派遣工: '劳务派遣',
};

/** What a cell or a form separates tags with: 、，,;； (full- or half-width), |, or spaces. */
export const TAG_SEPARATORS = /[,;，；、|\s]+/;

/** The category tag a spelling stands for, or the tag as written. */
export function canonicalTag(tag: string): string {
  const trimmed = tag.trim();
  return SPELLINGS[trimmed] ?? SPELLINGS[trimmed.normalize('NFKC').toLowerCase()] ?? trimmed;
}

export function isCategoryTag(tag: string): tag is CategoryTag {
  return (CATEGORY_TAGS as readonly string[]).includes(tag);
}

/** Tags read from text: split, each made canonical, repeats dropped, in order of first mention. */
export function tagsFromText(text: string): string[] {
  return [
    ...new Set(
      text
        .split(TAG_SEPARATORS)
        .filter((tag) => tag !== '')
        .map(canonicalTag),
    ),
  ];
}

/** A yes in a per-category column: 是, Y, 1, √, ✓ and their English and full-width forms. */
export function isYes(cell: string): boolean {
  return ['是', 'y', 'yes', '1', '√', '✓', '✔', 'true', '有', '○', '●'].includes(cell.normalize('NFKC').trim().toLowerCase());
}
