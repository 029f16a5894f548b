// The category tags (类别) the credentials report counts, as the API names them, and how the
// console shows them; tags stored by earlier versions in English read as their category.
import type { components } from '../generated/api.js';
import { t } from '../i18n/i18n.js';

export type CategoryTag = components['schemas']['CredentialsFigures']['categories'][number]['tag'];

export const CATEGORY_TAGS: readonly CategoryTag[] = ['一线职工', '工程技术人员', '管理人员', '中层以上', '女职工', '青年', '劳务派遣'];

const LABELS = {
  一线职工: 'catFrontLine',
  工程技术人员: 'catTechnical',
  管理人员: 'catManagers',
  中层以上: 'catMiddleSenior',
  女职工: 'catWomen',
  青年: 'catYouth',
  劳务派遣: 'catAgency',
} as const satisfies Record<CategoryTag, string>;

/** Short and old spellings the server also reads as a category (src/roster/tags.ts holds the full list). */
const SPELLINGS: Record<string, CategoryTag> = {
  一线: '一线职工',
  frontline: '一线职工',
  女: '女职工',
  female: '女职工',
  技术: '工程技术人员',
  技术人员: '工程技术人员',
  technician: '工程技术人员',
  管理: '管理人员',
  management: '管理人员',
  中层: '中层以上',
};

export function isCategoryTag(tag: string): tag is CategoryTag {
  return (CATEGORY_TAGS as readonly string[]).includes(tag);
}

export function canonicalTag(tag: string): string {
  return SPELLINGS[tag] ?? SPELLINGS[tag.toLowerCase()] ?? tag;
}

export function categoryLabel(tag: string): string {
  const canonical = canonicalTag(tag);
  return isCategoryTag(canonical) ? t(LABELS[canonical]) : tag;
}
