// Builds a multipart/form-data body by hand, the way a browser uploads one file, for app.inject.
import { randomBytes } from 'node:crypto';

export interface Upload {
  payload: Buffer;
  headers: { 'content-type': string };
}

export function fileUpload(content: Buffer | string, filename: string, contentType: string, field = 'file'): Upload {
  const boundary = `----YishiTestBoundary${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
