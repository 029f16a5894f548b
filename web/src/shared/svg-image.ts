// Server-made SVG (a QR code) as an <img> source: an image cannot run scripts, unlike SVG put in the DOM.
export function svgImageSource(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
