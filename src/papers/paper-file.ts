// A paper as a download: its OfficialDocument rendered to .docx in the paper pool (bounded: one at a
// time, a few waiting, the rest refused with PAPER_WORK_BUSY), with the headers that name the
// file in Chinese.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { responses } from '../http/routes.js';
import { contentDisposition } from '../http/content-disposition.js';
import type { OfficialDocument } from './official-document.js';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface PaperFile {
  body: Buffer;
  contentType: string;
  contentDisposition: string;
}

/** Characters no file system takes in a name (and control characters) become a dash. */
export function safeFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-').trim();
  return cleaned.slice(0, 120) || 'document';
}

export async function docxFile(context: Pick<AppContext, 'paperWork'>, document: OfficialDocument): Promise<PaperFile> {
  const bytes = await context.paperWork.run({ kind: 'docx-render', document });
  return {
    body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    contentType: DOCX_MEDIA_TYPE,
    contentDisposition: contentDisposition(`${safeFileName(document.fileName)}.docx`),
  };
}

/** The response schema of a .docx download (the OpenAPI document names the file type). */
export const docxResponse = responses({ 200: z.any().describe(`A .docx (${DOCX_MEDIA_TYPE}) in the GB/T 9704-2012 layout`) });

export function sendPaper(reply: FastifyReply, file: PaperFile) {
  return reply.header('content-type', file.contentType).header('content-disposition', file.contentDisposition).header('x-content-type-options', 'nosniff').send(file.body);
}
