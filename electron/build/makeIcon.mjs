#!/usr/bin/env node
/**
 * Draws the app icon: resources/icons/icon.svg (the source) and icon.png (512×512, what
 * electron-builder turns into the Windows .ico and the Linux icon set). Plain Node, no
 * image libraries: the shapes are simple enough to rasterise here with 4×4 supersampling.
 *
 *   node electron/build/makeIcon.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'resources', 'icons');
const SIZE = 512;
const TEAL = [0x00, 0x79, 0x6b];
const WHITE = [0xff, 0xff, 0xff];

// One description for both outputs: a teal rounded square, a white disc, a teal cross.
const TILE = { x: 16, y: 16, w: 480, h: 480, r: 96 };
const DISC = { cx: 256, cy: 256, r: 150 };
const ARMS = [
  { x: 226, y: 166, w: 60, h: 180, r: 10 },
  { x: 166, y: 226, w: 180, h: 60, r: 10 },
];

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <title>毒防服務台</title>
  <rect x="${TILE.x}" y="${TILE.y}" width="${TILE.w}" height="${TILE.h}" rx="${TILE.r}" fill="#00796B"/>
  <circle cx="${DISC.cx}" cy="${DISC.cy}" r="${DISC.r}" fill="#FFFFFF"/>
${ARMS.map((a) => `  <rect x="${a.x}" y="${a.y}" width="${a.w}" height="${a.h}" rx="${a.r}" fill="#00796B"/>`).join('\n')}
</svg>
`;

function inRoundRect(px, py, { x, y, w, h, r }) {
  const dx = Math.max(x + r - px, 0, px - (x + w - r));
  const dy = Math.max(y + r - py, 0, py - (y + h - r));
  return px >= x && px <= x + w && py >= y && py <= y + h && dx * dx + dy * dy <= r * r;
}

const inDisc = (px, py) => (px - DISC.cx) ** 2 + (py - DISC.cy) ** 2 <= DISC.r ** 2;

/** Colour of one sample point, or null outside the tile. */
function sample(px, py) {
  if (!inRoundRect(px, py, TILE)) return null;
  if (inDisc(px, py) && !ARMS.some((a) => inRoundRect(px, py, a))) return WHITE;
  return TEAL;
}

function rasterise() {
  const N = 4;
  const stride = SIZE * 4 + 1;
  const raw = Buffer.alloc(stride * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let r = 0, g = 0, b = 0, hits = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const c = sample(x + (sx + 0.5) / N, y + (sy + 0.5) / N);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            hits++;
          }
        }
      }
      const o = y * stride + 1 + x * 4;
      if (hits > 0) {
        raw[o] = Math.round(r / hits);
        raw[o + 1] = Math.round(g / hits);
        raw[o + 2] = Math.round(b / hits);
        raw[o + 3] = Math.round((255 * hits) / (N * N));
      }
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'icon.svg'), SVG);
fs.writeFileSync(path.join(OUT, 'icon.png'), png(rasterise()));
console.log(`icons written to ${path.relative(ROOT, OUT)}/ (icon.svg, icon.png ${SIZE}×${SIZE})`);
