import QRCode from 'qrcode';
import { raw, type SafeHtml } from '../../print/html';

/**
 * A QR code as inline SVG, built synchronously from the symbol's modules (templates are
 * synchronous pure functions; the package's own SVG renderer is async). The text is ours
 * (a notice code), and the markup holds only numbers, so raw() is safe here.
 */
export function qrSvg(text: string, sizeMm: number): SafeHtml {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const n = modules.size + quiet * 2;
  let path = '';
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (modules.get(r, c)) path += `M${c + quiet} ${r + quiet}h1v1h-1z`;
    }
  }
  return raw(
    `<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ${n} ${n}" width="${sizeMm}mm" height="${sizeMm}mm" shape-rendering="crispEdges" role="img"><rect width="${n}" height="${n}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`,
  );
}
