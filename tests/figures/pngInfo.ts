import { inflateSync } from 'node:zlib';

/** A PNG's size, from its header, and how many of its rows of pixels differ from the first: 0 for a blank image. */
export function pngInfo(png: Uint8Array): { width: number; height: number; distinctRows: number } {
  const b = Buffer.from(png);
  if (b.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG: its signature is wrong');
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const chunks: Buffer[] = [];
  for (let at = 8; at < b.length; ) {
    const len = b.readUInt32BE(at);
    if (b.subarray(at + 4, at + 8).toString('latin1') === 'IDAT') chunks.push(b.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = raw.length / height;
  // Rows unlike the first (white) row: a blank image has none. Filter bytes aside, compare content.
  const first = raw.subarray(1, stride).toString('hex');
  let distinctRows = 0;
  for (let y = 0; y < height; y++) if (raw.subarray(y * stride + 1, (y + 1) * stride).toString('hex') !== first) distinctRows++;
  return { width, height, distinctRows };
}

