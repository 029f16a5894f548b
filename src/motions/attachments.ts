// Attachments of motions: PDF, PNG or JPEG only, recognised by their first bytes (never by name or
// declared type), at most 5 MB, stored beside the database under random names. A :memory:
// database keeps them in a temporary folder removed when the app closes.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomToken } from '../access/codes.js';
import { fail } from '../errors.js';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

const SIGNATURES: readonly { mediaType: AttachmentMediaType; magic: readonly number[] }[] = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The file's real type from its magic bytes, or null for anything else (whatever it is called). */
export function sniffMediaType(file: Buffer): AttachmentMediaType | null {
  const match = SIGNATURES.find(({ magic }) => file.length >= magic.length && magic.every((byte, index) => file[index] === byte));
  return match?.mediaType ?? null;
}

/** A file name safe to store and show: no folders, no control characters, at most 120 characters. */
export function cleanFilename(name: string, mediaType: AttachmentMediaType): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const cleaned = base
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips from a file name
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .trim()
    .slice(-120);
  const extension = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg' }[mediaType];
  return cleaned.length > 0 ? cleaned : `附件${extension}`;
}

/** Content-Disposition that forces a download, with the Chinese name kept for browsers (RFC 6266/5987). */

/** Checks an upload before anything is written: size and real type. */
export function checkUpload(file: Buffer): AttachmentMediaType {
  if (file.length > MAX_ATTACHMENT_BYTES) fail('PAYLOAD_TOO_LARGE', { maxBytes: MAX_ATTACHMENT_BYTES });
  if (file.length === 0) fail('VALIDATION_FAILED', { reason: 'the file is empty' });
  return sniffMediaType(file) ?? fail('ATTACHMENT_TYPE');
}

const STORED_NAME = /^[A-Za-z0-9_-]{20,100}$/;

/** Files on disk under names nobody chose. */
export class AttachmentStore {
  #directory: string | null = null;
  readonly #temporary: boolean;

  constructor(
    private readonly databasePath: string,
    private readonly random: (size: number) => Buffer,
  ) {
    this.#temporary = databasePath === ':memory:';
  }

  /** `<database>.attachments/` beside the database file (like its `.key`), made on first use. */
  get directory(): string {
    if (!this.#directory) {
      if (this.#temporary) this.#directory = mkdtempSync(join(tmpdir(), 'yishi-attachments-'));
      else {
        this.#directory = `${this.databasePath}.attachments`;
        mkdirSync(this.#directory, { recursive: true, mode: 0o700 });
      }
    }
    return this.#directory;
  }

  async write(file: Buffer): Promise<string> {
    const storedName = randomToken(this.random);
    await writeFile(join(this.directory, storedName), file, { mode: 0o600, flag: 'wx' });
    return storedName;
  }

  async read(storedName: string): Promise<Buffer> {
    if (!STORED_NAME.test(storedName)) fail('ATTACHMENT_NOT_FOUND');
    return readFile(join(this.directory, storedName)).catch(() => fail('ATTACHMENT_NOT_FOUND'));
  }

  async remove(storedName: string): Promise<void> {
    if (!STORED_NAME.test(storedName)) return;
    await unlink(join(this.directory, storedName)).catch(() => undefined);
  }

  /** A temporary folder goes with the app; a real one stays with its database. */
  dispose(): void {
    if (this.#temporary && this.#directory) rmSync(this.#directory, { recursive: true, force: true });
    this.#directory = null;
  }
}
