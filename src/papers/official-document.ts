// What the session leaves on paper (公文: resolutions, the public notice, the report to the higher
// union, the credentials report, the chair's script, registers and records), as plain data: one shape,
// built by each domain from its own figures and rendered to .docx in the GB/T 9704-2012 layout and to
// PDF. A renderer decides fonts and measures; a domain decides only words and structure.

/** One block of the body, in reading order. */
export type PaperBlock =
  /** 一、 (level 1, 3号黑体), （一） (level 2, 3号楷体), 1. (level 3, 3号仿宋 bold): the text carries its own numbering. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Body text, 3号仿宋; indented two characters unless `indent` is false. */
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: 'left' | 'center' | 'right' }
  /** A table with a header row; `widths` are relative column widths. */
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  /** A table as above whose rows are packed into one string (./packed-rows.ts): for lists of thousands of rows. */
  | { kind: 'packedTable'; header: string[]; packed: string; widths?: number[] }
  /**
   * A label and a hash to compare by eye with another copy (the count hash, 计票校验码): the value is
   * set small in a monospace face, in its lines as given (e.g. eight groups of four to a line).
   */
  | { kind: 'hash'; label: string; lines: string[] }
  | { kind: 'pageBreak' }
  /**
   * The title (and subtitle) of a further paper bound into the same file after a page break, set as
   * the document's own: several resolutions of a session, each with its title, text and signature.
   */
  | { kind: 'title'; text: string; subtitle?: string }
  /** A further paper's signing body and date (ISO), set as the document's own signature and date. */
  | { kind: 'signature'; signature?: string; date?: string };

export interface OfficialDocument {
  /** 2号小标宋, centred, e.g. 第三届第二次职工代表大会关于《集体合同(草案)》的决议. */
  title: string;
  /** Under the title, 3号楷体 centred, e.g. （2026年12月3日第三届第二次职工代表大会通过）. */
  subtitle?: string;
  /** 主送机关, flush left before the body, e.g. XX市总工会：. */
  recipient?: string;
  blocks: PaperBlock[];
  /** 附件：1. … noted after the body, indented two characters. */
  attachments?: string[];
  /** The signing body, right-aligned after the body. */
  signature?: string;
  /** ISO date (2026-12-03), written 2026年12月3日 right-aligned under the signature. */
  date?: string;
  /** The download's name, without extension (Chinese allowed). */
  fileName: string;
}
