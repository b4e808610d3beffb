import QRCode from 'qrcode';

/** Four modules of white around the code: the quiet zone scanners need to find it. */
const QUIET_ZONE = 4;

/**
 * A QR code as a standalone SVG, built synchronously (print templates are pure, synchronous
 * functions). One path of unit squares, crisp at any size on paper and on screen; error
 * correction 'M' survives a smudged thermal print.
 */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size + QUIET_ZONE * 2;
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.data[row * modules.size + col]) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

/** For an <img src>: the print CSP and the app's CSP both allow data: images only. */
export function qrDataUrl(text: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(qrSvg(text), 'utf8').toString('base64')}`;
}
