/**
 * Draws the toolbar and store icons (a parchment "D" with an underline, the highlight motif) as PNGs
 * without an image library: 4x4 supersampled coverage, encoded with node:zlib. Run by hand when the
 * design changes: `npx tsx scripts/make-icons.ts`; the PNGs are committed in assets/icons/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = join(import.meta.dirname, '..', 'assets', 'icons');
const BG = [37, 52, 99];
const FG = [250, 244, 228];
const ACCENT = [233, 178, 72];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Which paint covers unit-square point (u, v): 0 none, 1 background, 2 letter, 3 underline. */
function paintAt(u: number, v: number): number {
  const r = 0.2;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return 0;
  if (u >= 0.22 && u <= 0.78 && v >= 0.78 && v <= 0.85) return 3;
  // The D: a stem and a half ring around (0.42, 0.45).
  const stem = u >= 0.28 && u <= 0.38 && v >= 0.18 && v <= 0.7;
  const cx = 0.42,
    cy = 0.44,
    outer = 0.27,
    inner = 0.17;
  const d = Math.hypot((u - cx) / 1.0, (v - cy) / 0.96);
  const ring = u >= cx - 0.04 && d <= outer && d >= inner;
  const bars = u >= 0.28 && u <= cx && ((v >= 0.18 && v <= 0.28) || (v >= 0.6 && v <= 0.7));
  return stem || ring || bars ? 2 : 1;
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const S = 4;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const p = paintAt((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          if (p === 0) continue;
          const c = p === 1 ? BG : p === 2 ? FG : ACCENT;
          acc[0]! += c[0]!;
          acc[1]! += c[1]!;
          acc[2]! += c[2]!;
          acc[3]! += 1;
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const n = acc[3]!;
      raw[o] = n ? Math.round(acc[0]! / n) : 0;
      raw[o + 1] = n ? Math.round(acc[1]! / n) : 0;
      raw[o + 2] = n ? Math.round(acc[2]! / n) : 0;
      raw[o + 3] = Math.round((255 * n) / (S * S));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(join(OUT, `icon-${size}.png`), png(size));
console.log('icons written to', OUT);
