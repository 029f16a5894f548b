// The limits a zip (a .docx or .xlsx) must keep before a parser sees it. The central directory is
// read first (entry count, declared sizes, compression ratio), then every entry is inflated and
// counted, so a file that lies about its sizes is caught by the bytes it really produces (yauzl's
// validateEntrySizes). Runs in the worker: inflating up to the limit takes a while.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError, fail } from '../errors.js';

export interface ZipLimits {
  maxEntries: number;
  /** One entry (document.xml above all: mammoth read a 20 MB one for over 15 s on a busy machine). */
  maxEntryBytes: number;
  /** Declared and real, all entries together. */
  maxUnzippedBytes: number;
  /** Uncompressed ÷ compressed, for entries past ratioFloorBytes: real XML stays well under 100. */
  maxRatio: number;
  ratioFloorBytes: number;
}

// A long Word document is a few dozen entries and a few MB of XML; these leave room for pictures.
export const ZIP_LIMITS: ZipLimits = { maxEntries: 1_000, maxEntryBytes: 10 * 1024 * 1024, maxUnzippedBytes: 32 * 1024 * 1024, maxRatio: 100, ratioFloorBytes: 1024 * 1024 };

const STORED = 0;
const DEFLATED = 8;

function openZip(file: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

function checkEntry(entry: yauzl.Entry, limits: ZipLimits, declaredSoFar: number): void {
  if (entry.isEncrypted() || (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED)) fail('UPLOAD_ZIP_INVALID', { entry: entry.fileName });
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) fail('UPLOAD_ZIP_BOMB', { entry: entry.fileName, ratio: Math.round(ratio), maxRatio: limits.maxRatio });
  // A bomb is named as one above; a large file that is not one is simply too large.
  if (entry.uncompressedSize > limits.maxEntryBytes) fail('UPLOAD_UNZIPPED_TOO_LARGE', { entry: entry.fileName, maxEntryBytes: limits.maxEntryBytes });
  if (declaredSoFar + entry.uncompressedSize > limits.maxUnzippedBytes) fail('UPLOAD_UNZIPPED_TOO_LARGE', { maxBytes: limits.maxUnzippedBytes });
}

/** Reads the entry to its end; yauzl fails the stream as soon as it yields more than declared. */
function drain(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable) => {
      if (error) return reject(error);
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('error', reject);
      stream.on('end', () => resolve(bytes));
    });
  });
}

/** Throws the limit's error code; any other damage is UPLOAD_ZIP_INVALID. */
export async function checkZip(file: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<void> {
  const zip = await openZip(file).catch(() => fail('UPLOAD_ZIP_INVALID'));
  try {
    if (zip.entryCount > limits.maxEntries) fail('UPLOAD_TOO_MANY_ENTRIES', { entries: zip.entryCount, maxEntries: limits.maxEntries });
    let declared = 0;
    let inflated = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          checkEntry(entry, limits, declared);
        } catch (error) {
          return reject(error);
        }
        declared += entry.uncompressedSize;
        drain(zip, entry)
          .then((bytes) => {
            inflated += bytes;
            // Cannot pass declared (each entry is held to its own size) but says so if it ever did.
            if (inflated > limits.maxUnzippedBytes) throw new Error('inflated past the limit');
            zip.readEntry();
          })
          .catch(reject);
      });
      zip.readEntry();
    }).catch((error: unknown) => {
      if (error instanceof AppError) throw error;
      fail('UPLOAD_ZIP_INVALID', { reason: error instanceof Error ? error.message : String(error) });
    });
  } finally {
    zip.close();
  }
}
