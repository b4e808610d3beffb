import jsQR from 'jsqr';

/**
 * Decodes the QR code of one of our SVGs the way a phone would see it: the path's unit
 * squares are painted into a bitmap (4 px per module) and handed to a real QR reader.
 */
export function decodeQrSvg(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const path = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const scale = 4;
  const px = size * scale;
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const m of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const x0 = Number(m[1]) * scale;
    const y0 = Number(m[2]) * scale;
    for (let y = y0; y < y0 + scale; y++) {
      for (let x = x0; x < x0 + scale; x++) rgba.fill(0, (y * px + x) * 4, (y * px + x) * 4 + 3);
    }
  }
  return jsQR(rgba, px, px)?.data ?? null;
}

/** Reads a binary PPM (P6) image, as `pdftoppm` writes it, into RGBA for jsQR. */
export function decodeQrPpm(ppm: Buffer): string | null {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = ppm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = pixels[i * 3] ?? 255;
    rgba[i * 4 + 1] = pixels[i * 3 + 1] ?? 255;
    rgba[i * 4 + 2] = pixels[i * 3 + 2] ?? 255;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}
