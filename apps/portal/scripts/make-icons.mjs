// Draws the portal's app icons (the favicon's figure: a white head and shoulders on the brand
// blue) as PNGs for the web app manifest, with no dependency: `node scripts/make-icons.mjs`.
// The output is committed under public/icons/; run again only when the figure changes.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x0b, 0x3d, 0x6e];
const WHITE = [0xff, 0xff, 0xff];

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** `maskable`: the figure kept inside the middle 80 % (the safe zone), background to the edges. */
function icon(size, maskable) {
  const scale = maskable ? 0.7 : 1;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      // The favicon's 32-unit coordinates, shrunk towards the middle for a maskable icon.
      const u = ((x + 0.5) / size - 0.5) * 32 / scale + 16;
      const v = ((y + 0.5) / size - 0.5) * 32 / scale + 16;
      const head = (u - 16) ** 2 + (v - 12) ** 2 <= 25;
      const shoulders = v >= 18 && v <= 27 && (u - 16) ** 2 / 100 + (v - 27) ** 2 / 81 <= 1;
      row.set(head || shoulders ? WHITE : BRAND, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const out = new URL('../public/icons/', import.meta.url);
for (const size of [192, 512]) writeFileSync(new URL(`icon-${size}.png`, out), icon(size, false));
writeFileSync(new URL('icon-maskable-512.png', out), icon(512, true));
writeFileSync(new URL('apple-touch-icon.png', out), icon(180, false));
