/** Draws logo.png (128×128): a rounded blue tile with a white speech bubble holding four bars. Run: npx tsx scripts/make-logo.ts */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
type Rgba = [number, number, number, number];

function inRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function pixel(x: number, y: number): Rgba {
  const blue: Rgba = [31, 115, 232, 255];
  const white: Rgba = [255, 255, 255, 255];
  if (!inRoundedRect(x, y, 4, 4, 123, 123, 26)) return [0, 0, 0, 0];
  const bubble = inRoundedRect(x, y, 28, 30, 100, 90, 14);
  // the bubble's tail, a small triangle under its lower right corner
  const tail = y > 88 && y < 104 && x > 80 && x < 96 && x - 80 > (y - 88) * 0.9;
  if (!bubble && !tail) return blue;
  const bars = [44, 57, 70, 83].some((bx, i) => x >= bx - 4 && x <= bx + 4 && y >= (i === 0 || i === 3 ? 50 : 44) && y <= (i === 0 || i === 3 ? 70 : 76));
  return bars ? blue : white;
}

function crc32(buf: Buffer): number {
  let crc = ~0;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, y * (SIZE * 4 + 1) + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(join(__dirname, '..', 'logo.png'), png);
