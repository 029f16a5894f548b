// The zip, written as a stream (yazl): each file goes in one at a time, hashed and counted on its
// way, and the next is made only once yazl has taken the last (so at most one paper is in memory);
// manifest.json goes in last. The caller pipes `output` to the reply before adding anything.
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { buildManifest, type Figures, type Manifest, type ManifestFile } from './manifest.js';

export class ArchiveWriter {
  readonly #zip = new ZipFile();
  readonly #files: ManifestFile[] = [];
  readonly #modified: Date;
  /** The file being taken now: destroyed on abort, so a writer waiting on it stops too. */
  #current: Transform | null = null;
  #ended = false;

  constructor(modified: Date) {
    this.#modified = modified;
  }

  /** The zip's bytes as they are made. */
  get output(): NodeJS.ReadableStream {
    return this.#zip.outputStream;
  }

  get files(): readonly ManifestFile[] {
    return this.#files;
  }

  /** Adds one file (bytes, or a stream of them) and resolves once it is in the zip. */
  async add(path: string, content: Buffer | Readable, figures?: Figures): Promise<void> {
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    source.on('error', (error) => counter.destroy(error));
    source.pipe(counter);
    this.#zip.addReadStream(counter, path, { mtime: this.#modified, compress: !path.endsWith('.xlsx') });
    this.#current = counter;
    await finished(counter);
    this.#current = null;
    this.#files.push({ path, size, sha256: hash.digest('hex'), ...(figures ? { figures } : {}) });
  }

  /** Writes manifest.json last and closes the zip. */
  finish(manifest: Omit<Manifest, 'files' | 'notes'>): Manifest {
    const complete = buildManifest({ ...manifest, files: [...this.#files] });
    this.#zip.addBuffer(Buffer.from(`${JSON.stringify(complete, null, 2)}\n`, 'utf8'), 'manifest.json', { mtime: this.#modified });
    this.#zip.end();
    this.#ended = true;
    return complete;
  }

  /** Whether manifest.json is in and the zip closed. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Stops the zip where it is (the download ends short and fails to open); a pending add() rejects. */
  abort(error: Error): void {
    this.#current?.destroy(error);
    (this.#zip.outputStream as Readable).destroy(error);
  }
}
