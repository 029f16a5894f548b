// The chair's script (主持词) as an official paper: the sitting's title and 主持词, each section a
// first-level heading (一、开幕, 二、第一项议程：…), the chair's words as body text and the stage
// directions （鼓掌） set apart, centred. Dated the moment its figures were read. Pure.
import type { OfficialDocument, PaperBlock } from '../papers/official-document.js';
import { chineseNumber } from './numbers.js';
import type { ChairScript } from './schemas.js';

type Section = ChairScript['sections'][number];

function heading(section: Section, index: number): string {
  const name = section.kind === 'opening' ? '开幕' : section.kind === 'closing' ? '闭幕' : `第${chineseNumber(section.number ?? index)}项议程：${section.title}`;
  return `${chineseNumber(index + 1)}、${name}`;
}

export function scriptPaper(script: ChairScript): OfficialDocument {
  const blocks = script.sections.flatMap((section, index): PaperBlock[] => [
    { kind: 'heading', level: 1, text: heading(section, index) },
    ...section.lines.map((line): PaperBlock => (line.kind === 'direction' ? { kind: 'paragraph', text: line.text, indent: false, align: 'center' } : { kind: 'paragraph', text: line.text })),
  ]);
  return {
    title: `${script.title}主持词`,
    ...(script.presidingChair ? { subtitle: `（执行主席：${script.presidingChair.name}）` } : {}),
    blocks,
    date: script.generatedAt,
    fileName: `${script.title}主持词`,
  };
}
