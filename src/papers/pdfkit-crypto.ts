// pdfkit requires the whole of crypto-js (every cipher and hash it has: ~7 MB of the paper worker's
// memory) for one thing Yishi uses, the MD5 of a document's info that makes its file ID; encryption,
// the rest, is never asked for. Imported before pdfkit (pdf.ts), this puts crypto-js's core with its
// MD5 in the module cache under crypto-js's own name, where pdfkit's require finds it.
import { createRequire } from 'node:module';

const fromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'));
const cryptoJs = fromPdfkit.resolve('crypto-js');
if (!fromPdfkit.cache[cryptoJs]) {
  const core = fromPdfkit('crypto-js/core');
  fromPdfkit('crypto-js/md5');
  fromPdfkit.cache[cryptoJs] = { id: cryptoJs, filename: cryptoJs, loaded: true, exports: core } as NodeJS.Module;
}

/** What pdfkit gets for crypto-js (a test checks it is the slim one, and that pdfkit still writes an ID). */
export const pdfkitCryptoJs = (): unknown => fromPdfkit('crypto-js');
