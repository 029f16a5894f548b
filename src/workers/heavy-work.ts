// The worker's side of the heavy-work pool: reading uploaded files and diffing versions, the work that
// would otherwise hold the thread every vote is answered on. Each task's refusals come back as values
// (./outcome.ts). The official papers (PDF and .docx) have a worker of their own (./paper-work.ts).
import type { Block } from '../documents/blocks.js';
import { diffVersions, type VersionDiff } from '../documents/diff.js';
import { docxToMarkdown } from '../documents/docx.js';
import { parseRosterChecked } from '../roster/import.js';
import type { RosterImportResult } from '../roster/import-types.js';
import type { RosterTermContext } from '../roster/import-rows.js';
import { type HeavyOutcome, settle } from './outcome.js';

export interface HeavyTasks {
  docx: { input: { file: Uint8Array }; output: string };
  diff: { input: { oldBlocks: Block[]; newBlocks: Block[] }; output: VersionDiff };
  roster: { input: { file: Uint8Array; format: 'csv' | 'xlsx'; context: RosterTermContext }; output: RosterImportResult };
}
export type HeavyKind = keyof HeavyTasks;
export type HeavyTask = { [K in HeavyKind]: { kind: K } & HeavyTasks[K]['input'] }[HeavyKind];
export type { HeavyOutcome } from './outcome.js';

// Static imports only: under tsx the worker file may be loaded as CommonJS, where a dynamic import()
// would skip tsx's resolution of './x.js' to './x.ts'.
const asBuffer = (file: Uint8Array): Buffer => Buffer.from(file.buffer, file.byteOffset, file.byteLength);

function perform(task: HeavyTask): Promise<unknown> | unknown {
  switch (task.kind) {
    case 'docx':
      return docxToMarkdown(asBuffer(task.file));
    case 'diff':
      return diffVersions(task.oldBlocks, task.newBlocks);
    case 'roster':
      return parseRosterChecked(asBuffer(task.file), task.format, task.context);
  }
}

export default function run(task: HeavyTask): Promise<HeavyOutcome> {
  return settle(() => perform(task));
}
