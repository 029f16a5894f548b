// The measures and type of GB/T 9704-2012 党政机关公文格式, in Word's units (twips: 1/1440 inch,
// 56.69 to the millimetre; font sizes in half-points), for the .docx renderer. Pure numbers and one
// pure function, so the figures can be read against the standard.

const twips = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** A4 with the text block of 156 × 225 mm: top 37 mm, left (binding side) 28 mm, so right 26 mm and bottom 35 mm. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: twips(37),
  left: twips(28),
  right: twips(26),
  bottom: twips(35),
  /** From the page's top edge to the header, and its foot to the footer: the page number sits about 7 mm under the text block. */
  header: twips(15),
  footer: twips(22),
} as const;

export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

/**
 * 22 lines of 28 characters. Word lays a lines-and-chars grid out as: line pitch in twips (the
 * largest that fits 22 lines in the block, 579), and the character pitch as the default font size
 * (3号, 16 pt) plus charSpace/4096 pt: −842 gives 15.794 pt, the largest pitch that fits 28 characters
 * in 442.25 pt (−841 would leave room for 27 only).
 */
export const GRID = { lines: 22, characters: 28, linePitch: Math.floor(TEXT_HEIGHT / 22), charSpace: -842 } as const;

/** One character of the grid, in twips: for indents Word has no "chars" attribute for (the right indent). */
export const CHARACTER = Math.round(TEXT_WIDTH / GRID.characters);

/** Font sizes in half-points (w:sz): 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { 二号: 44, 三号: 32, 四号: 28 } as const;

/**
 * The fonts of each element, and the name Word and WPS substitute when the first is missing (written
 * into the font table as w:altName). No font ships inside the file.
 */
export const FONTS = {
  body: { name: '仿宋_GB2312', altName: '仿宋', latin: 'FangSong' },
  title: { name: '方正小标宋简体', altName: '华文中宋', latin: 'STZhongsong' },
  heading1: { name: '黑体', altName: 'SimHei', latin: 'SimHei' },
  heading2: { name: '楷体_GB2312', altName: '楷体', latin: 'KaiTi' },
  pageNumber: { name: '宋体', altName: 'SimSun', latin: 'SimSun' },
} as const;
export type FontRole = keyof typeof FONTS;

/** Width in grid characters of a line of text: CJK and full-width forms one, Latin letters and digits half. */
export function textWidth(text: string): number {
  let width = 0;
  for (const character of text) width += (character.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return width;
}

/**
 * The right indents (in characters) of the signing body and the date under it: the date four
 * characters from the right edge (右空四字), and the shorter of the two centred on the longer.
 */
export function signatureIndents(signature: string, date: string): { signature: number; date: number } {
  const [signatureWidth, dateWidth] = [textWidth(signature), textWidth(date)];
  const half = Math.abs(signatureWidth - dateWidth) / 2;
  return signatureWidth <= dateWidth ? { signature: 4 + half, date: 4 } : { signature: 4, date: 4 + half };
}
