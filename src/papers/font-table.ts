// The font table of a rendered .docx: the `docx` package writes it empty (it lists only fonts it
// embeds), so Word and WPS would not know what to put in place of 仿宋_GB2312 or 方正小标宋简体 on a
// machine without them. This rewrites word/fontTable.xml with each font, its alternative name
// (w:altName: 仿宋, 楷体, 华文中宋 …) and the GB2312 character set, copying every other part as is.
import yauzl from 'yauzl';
import yazl from 'yazl';
import { FONTS } from './layout.js';

const FONT_TABLE = 'word/fontTable.xml';

export function fontTableXml(): string {
  const fonts = Object.values(FONTS).map(
    (font) => `<w:font w:name="${font.name}"><w:altName w:val="${font.altName}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`;
}

function entries(zip: Buffer): Promise<{ name: string; body: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error) return reject(error);
      const found: { name: string; body: Buffer }[] = [];
      file.on('error', reject);
      file.on('end', () => resolve(found));
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            found.push({ name: entry.fileName, body: Buffer.concat(chunks) });
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}

async function collect(zip: yazl.ZipFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The same package with the font table filled in. */
export async function withFontTable(docx: Buffer): Promise<Buffer> {
  const output = new yazl.ZipFile();
  for (const entry of await entries(docx)) {
    output.addBuffer(entry.name === FONT_TABLE ? Buffer.from(fontTableXml(), 'utf8') : entry.body, entry.name, { compress: true });
  }
  output.end();
  return collect(output);
}
