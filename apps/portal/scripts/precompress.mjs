#!/usr/bin/env node
// Precompresses the portal build once, at build time: writes NAME.br (brotli, quality 11) and
// NAME.gz (gzip, level 9) beside every compressible hashed asset under dist/assets, so that the
// API serves them as files (create-app.ts) instead of compressing ~0.5 MB chunks afresh on every
// request. A compressed copy is kept only when it is smaller than the original.
//
//   node scripts/precompress.mjs [dist]     (run by `npm run build` after `vite build`)
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|html|txt|map|wasm|xml)$/i;
/** The same shape as the API's HASHED_ASSET: `name-HASH.ext`. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const MIN_BYTES = 1024;

export async function precompress(dist) {
  const assets = path.join(dist, 'assets');
  const entries = await readdir(assets, { recursive: true, withFileTypes: true });
  let files = 0;
  let before = 0;
  let after = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name) || !HASHED.test(entry.name)) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const content = await readFile(file);
    if (content.length < MIN_BYTES) continue;
    const br = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    });
    const gz = gzipSync(content, { level: 9 });
    if (br.length < content.length) await writeFile(`${file}.br`, br);
    if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
    files++;
    before += content.length;
    after += br.length;
  }
  return { files, before, after };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
  const { files, before, after } = await precompress(dist);
  console.log(`precompress: ${files} assets, ${(before / 1024).toFixed(0)} kB → ${(after / 1024).toFixed(0)} kB brotli (.br and .gz beside each)`);
}
