/**
 * Charts for the printed report as inline SVG built here in main: the print page runs no
 * script (its CSP forbids it), and SVG text uses the page's embedded font, so a chart prints
 * the same on any desk PC. Every bar and point carries its number: the figures stay readable
 * without the axis.
 */
import { html, type SafeHtml } from '../print/html';

export interface Series {
  name: string;
  values: number[];
}

const COLORS = ['#1f5fa8', '#d9822b', '#2e8b57', '#8e44ad'];
const W = 640;

/** A round axis maximum ≥ max (1, 2, 2.5 or 5 × 10^n), so grid lines fall on readable numbers. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** Roughly how wide a label draws at 10 px: CJK glyphs are square, Latin ones about half as wide. */
function labelWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uFFEF]/.test(ch) ? 10 : 5.6;
  return w;
}

/** Cuts a label to `max` units with an ellipsis, so a long topic title never runs off the chart. */
export function fitLabel(label: string, max: number): string {
  if (labelWidth(label) <= max) return label;
  let out = '';
  for (const ch of label) {
    if (labelWidth(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
}

const fmt = (n: number, decimals = 0) => (decimals > 0 ? n.toFixed(decimals) : n.toLocaleString('en-US'));

/** Categories down the side, one bar each: for long labels (service items, units, topics). */
export function horizontalBars(labels: readonly string[], values: readonly number[], opts: { unit?: string; decimals?: number; width?: number } = {}): SafeHtml {
  const width = opts.width ?? W;
  const rowH = 20;
  const labelW = Math.round(width * 0.32);
  const barW = width - labelW - 50;
  const h = labels.length * rowH + 8;
  const max = niceMax(Math.max(0, ...values));
  const rows = labels.map((label, i) => {
    const v = values[i] ?? 0;
    const y = 4 + i * rowH;
    const w = Math.max(v > 0 ? 1 : 0, (v / max) * barW);
    return html`<g>
<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" class="chart-label">${fitLabel(label, labelW - 10)}</text>
<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${COLORS[0] ?? '#1f5fa8'}"></rect>
<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 14}" class="chart-value">${fmt(v, opts.decimals)}${opts.unit ?? ''}</text>
</g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${h}" width="100%" fill="#222" role="img" xmlns="http://www.w3.org/2000/svg">
<line x1="${labelW}" y1="2" x2="${labelW}" y2="${h - 2}" stroke="#999" stroke-width="0.8"></line>
${rows}
</svg>`;
}

/** Many short categories across (the 24 hours): columns with the value above each. */
export function columns(labels: readonly string[], values: readonly number[]): SafeHtml {
  const h = 170;
  const top = 16;
  const bottom = 22;
  const left = 8;
  const plotH = h - top - bottom;
  const colW = (W - left * 2) / Math.max(1, labels.length);
  const max = niceMax(Math.max(0, ...values));
  const cols = labels.map((label, i) => {
    const v = values[i] ?? 0;
    const bh = (v / max) * plotH;
    const x = left + i * colW;
    return html`<g>
<rect x="${(x + colW * 0.15).toFixed(1)}" y="${(top + plotH - bh).toFixed(1)}" width="${(colW * 0.7).toFixed(1)}" height="${bh.toFixed(1)}" fill="${COLORS[0] ?? '#1f5fa8'}"></rect>
<text x="${(x + colW / 2).toFixed(1)}" y="${(top + plotH - bh - 3).toFixed(1)}" text-anchor="middle" class="chart-value small">${v > 0 ? fmt(v) : ''}</text>
<text x="${(x + colW / 2).toFixed(1)}" y="${h - 8}" text-anchor="middle" class="chart-label small">${label}</text>
</g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${W} ${h}" width="100%" fill="#222" role="img" xmlns="http://www.w3.org/2000/svg">
<line x1="${left}" y1="${top + plotH}" x2="${W - left}" y2="${top + plotH}" stroke="#999" stroke-width="0.8"></line>
${cols}
</svg>`;
}

/** Months across, one line per series, the value at every point, a legend on top. */
export function lines(labels: readonly string[], series: readonly Series[], opts: { decimals?: number; unit?: string } = {}): SafeHtml {
  const h = 200;
  const top = 34;
  const bottom = 24;
  const left = 36;
  const right = 16;
  const plotH = h - top - bottom;
  const plotW = W - left - right;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const step = labels.length > 1 ? plotW / (labels.length - 1) : 0;
  const x = (i: number) => left + (labels.length > 1 ? i * step : plotW / 2);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const grid = [0, 0.5, 1].map(
    (f) => html`<line x1="${left}" y1="${y(max * f).toFixed(1)}" x2="${W - right}" y2="${y(max * f).toFixed(1)}" stroke="#ddd" stroke-width="0.6"></line>
<text x="${left - 4}" y="${(y(max * f) + 3).toFixed(1)}" text-anchor="end" class="chart-axis">${fmt(max * f, max * f % 1 === 0 ? 0 : 1)}</text>`,
  );
  const legend = series.map((s, si) => {
    const lx = left + si * 170;
    return html`<rect x="${lx}" y="6" width="14" height="4" fill="${COLORS[si % COLORS.length] ?? '#000'}" transform="translate(0 4)"></rect>
<text x="${lx + 18}" y="15" class="chart-label">${s.name}</text>`;
  });
  const plotted = series.map((s, si) => {
    const color = COLORS[si % COLORS.length] ?? '#000';
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const dots = s.values.map(
      (v, i) => html`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.2" fill="${color}"></circle>
<text x="${x(i).toFixed(1)}" y="${(y(v) - 5 - si * 9).toFixed(1)}" text-anchor="middle" class="chart-value small" fill="${color}">${fmt(v, opts.decimals)}${opts.unit ?? ''}</text>`,
    );
    return html`<polyline points="${points}" fill="none" stroke="${color}" stroke-width="1.6"></polyline>${dots}`;
  });
  const xLabels = labels.map((l, i) => html`<text x="${x(i).toFixed(1)}" y="${h - 8}" text-anchor="middle" class="chart-label small">${l}</text>`);
  return html`<svg class="chart" viewBox="0 0 ${W} ${h}" width="100%" fill="#222" role="img" xmlns="http://www.w3.org/2000/svg">
${grid}${legend}${plotted}${xLabels}
</svg>`;
}

export const CHART_CSS = `
svg.chart { display: block; margin: 1mm 0 4mm; break-inside: avoid; }
svg.chart text { font-size: 10px; }
svg.chart text.small { font-size: 8px; }
svg.chart text.chart-axis { font-size: 8px; }
`;

