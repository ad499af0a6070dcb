// A PNG encoder for resvg's pixels. resvg's own asPng() takes about 28 ms of CPU a card and writes
// about 40 kB; node:zlib at level 4 on unfiltered RGBA rows takes about 7 ms and writes about 33 kB
// (level 6: 9 ms, 28 kB; level 3: 3 ms, 46 kB, too close to the 60 kB budget for a dense card).
import { crc32, deflateSync } from 'node:zlib';

const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The filtered rows of the last card, reused by the next one: a fresh 3 MB buffer a card costs more in
 * page faults than the copy into it (see native-memory.ts). Every byte is written before it is read.
 */
let scratch = Buffer.alloc(0);

/** Encodes 8-bit RGBA pixels (row by row, no padding) as a PNG. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  const size = (stride + 1) * height;
  if (scratch.length !== size) scratch = Buffer.alloc(size);
  const rows = scratch;
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  // Each row starts with its filter byte; 0 (none) compresses these flat-coloured cards best for the time.
  for (let y = 0; y < height; y++) {
    rows[y * (stride + 1)] = 0;
    pixels.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 4 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
