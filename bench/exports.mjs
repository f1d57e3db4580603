// Benchmark: exporting 100,000 sites (GET /api/exports/sites) on the embedded database.
//
// Inserts 100k approved sites of every installed kind across Jilin's counties directly in the
// database (as bench/coverage.mjs does), then downloads the province's list over a real socket as
// .xlsx (six sheets) and as .csv (UTF-8 and GB18030), reading the bytes and dropping them. Prints
// each download's time, size, and the process's peak RSS and V8 heap while it ran (the server is
// this process; RSS includes PGlite's WebAssembly memory, which grows with what the database reads
// and never shrinks, while the heap shows that the sites are streamed in pages, not held).
//
// Run after a build: npx turbo run build --filter=@sitenet/api && node bench/exports.mjs
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { creditCodeCheckCharacter } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';
import { benchToken, insertRows, startEmbeddedApi } from './embedded-api.mjs';

const SITES = Number(process.env.BENCH_EXPORT_SITES ?? 100_000);
const { app, dataSource } = await startEmbeddedApi();
await app.listen(0, '127.0.0.1');
const port = app.getHttpServer().address().port;

const counties = await dataSource.query(`SELECT code, province_code, prefecture_code, centroid_lat AS lat, centroid_lng AS lng FROM region WHERE level = 3 AND province_code = '220000' AND centroid_lat IS NOT NULL`);
const creditCode = (i) => {
  const body = `9122010${String(i).padStart(10, '0')}`.slice(0, 17);
  return body + creditCodeCheckCharacter(body);
};
const SITE_COLUMNS = ['id', 'kind', 'name', 'region_code', 'province_code', 'prefecture_code', 'county_code', 'address', 'lat', 'lng', 'location_source', 'operator_name', 'operator_credit_code', 'contact_person', 'contact_phone', 'attributes', 'attributes_version', 'status', 'version', 'opened_on', 'updated_at'];
const insertStarted = performance.now();
await insertRows(dataSource, 'site', SITE_COLUMNS, SITES, (i) => {
  const c = counties[i % counties.length];
  const kind = installedKinds[i % installedKinds.length];
  return [randomUUID(), kind.code, `基准网点${i}`, c.code, c.province_code, c.prefecture_code, c.code, `基准路${i}号`, c.lat, c.lng, 'wgs84', `基准运营方${i}`, creditCode(i), '王基准', '0431-66668888', JSON.stringify(kind.examples.valid), kind.attributesVersion, 'approved', 1, `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, new Date(Date.UTC(2025, 0, 1, 0, 0, i % 86_400)).toISOString()];
});
const insertMs = performance.now() - insertStarted;
const token = await benchToken(app, 'province', '220000');

/** Downloads a file over the socket, counting bytes; samples RSS every 50 ms meanwhile. */
async function download(query) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = before;
  let heapPeak = heapBefore;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, 50);
  // what stays on the heap: measured right after a full collection, once a second (with --expose-gc)
  let retainedPeak = 0;
  const collector = setInterval(() => {
    if (!globalThis.gc) return;
    globalThis.gc();
    retainedPeak = Math.max(retainedPeak, process.memoryUsage().heapUsed);
  }, 1000);
  const started = performance.now();
  const { status, bytes } = await new Promise((resolve, reject) => {
    http
      .get({ port, host: '127.0.0.1', path: `/api/exports/sites?${query}`, headers: { authorization: `Bearer ${token}` } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode, bytes }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  clearInterval(collector);
  sample();
  if (status !== 200) throw new Error(`${query}: ${status}`);
  return { query, seconds: Number((ms / 1000).toFixed(1)), megabytes: Number((bytes / 1e6).toFixed(1)), rssBeforeMb: Math.round(before / 1e6), rssPeakMb: Math.round(peak / 1e6), heapBeforeMb: Math.round(heapBefore / 1e6), heapPeakMb: Math.round(heapPeak / 1e6), heapRetainedPeakMb: Math.round(retainedPeak / 1e6) };
}

const results = { sites: SITES, insertSeconds: Number((insertMs / 1000).toFixed(1)), downloads: [] };
for (const query of ['format=xlsx', 'format=csv', 'format=csv&encoding=gb18030']) results.downloads.push(await download(query));
await app.close();
console.log(JSON.stringify(results, null, 2));
for (const d of results.downloads) console.log(`${SITES} sites, ${d.query}: ${d.seconds} s, ${d.megabytes} MB, RSS ${d.rssBeforeMb} → peak ${d.rssPeakMb} MB, V8 heap ${d.heapBeforeMb} → peak ${d.heapPeakMb} MB (at most ${d.heapRetainedPeakMb} MB after a collection)`);
