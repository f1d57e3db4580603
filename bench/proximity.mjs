// Benchmark: the proximity rule's measure at national scale, before and after the cell index.
//
// Every township of the divisions (41,352; seeds/divisions/regions.json) is a demand point near its
// county's centroid (scattered up to ±0.2°, where staff would place service centres), and 100,000
// approved sites are scattered the same way around random county centroids; distance 5 km (the
// seeded 吉林 target's). "Before" is the measure as it was (every township against every site until
// one is within reach: O(townships × sites)); "after" is @sitenet/domain's proximity.measure (sites
// bucketed by cells of about the distance, geo/near-index.ts). Both in this process, one after the
// other, on the same points; the townships left outside must be the same (checked), and the
// ratio before/after is printed. Pure computation: no database. "Before" takes minutes at full
// size (409 s on the development VM under load), so it is timed on one township in
// BENCH_PROXIMITY_SAMPLE (10) and multiplied back (each township's work is independent of the others');
// BENCH_PROXIMITY_SAMPLE=1 times it whole.
//
// Sizes: BENCH_PROXIMITY_SITES (100000), BENCH_PROXIMITY_TOWNSHIPS (every township), BENCH_PROXIMITY_KM (5).
// Run after a build: npx turbo run build --filter=@sitenet/domain && node bench/proximity.mjs
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { distanceKm, proximity } from '@sitenet/domain';

const SITES = Number(process.env.BENCH_PROXIMITY_SITES ?? 100_000);
const KM = Number(process.env.BENCH_PROXIMITY_KM ?? 5);
const SAMPLE = Number(process.env.BENCH_PROXIMITY_SAMPLE ?? 10);
const { columns, rows } = JSON.parse(readFileSync(new URL('../seeds/divisions/regions.json', import.meta.url), 'utf8'));
const col = Object.fromEntries(columns.map((name, i) => [name, i]));
const located = new Map(rows.filter((r) => r[col.lat] !== null && r[col.lng] !== null).map((r) => [r[col.code], { lat: r[col.lat], lng: r[col.lng] }]));
const allTownships = rows.filter((r) => r[col.level] === 4 && located.has(r[col.parent]));
const TOWNSHIPS = Number(process.env.BENCH_PROXIMITY_TOWNSHIPS ?? allTownships.length);
const counties = rows.filter((r) => r[col.level] === 3 && located.has(r[col.code])).map((r) => located.get(r[col.code]));

/** mulberry32: the same points on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(11);
const scatter = (c) => ({ lat: c.lat + (next() - 0.5) * 0.4, lng: c.lng + (next() - 0.5) * 0.4 });
const demandPoints = allTownships.slice(0, TOWNSHIPS).map((r) => ({ code: r[col.code], name: r[col.name], point: scatter(located.get(r[col.parent])), precision: 'township' }));
const sitePoints = Array.from({ length: SITES }, () => scatter(counties[Math.floor(next() * counties.length)]));
const params = { shape: 'proximity', distanceKm: KM, share: 0.9 };

/** The measure before the index, on every SAMPLE-th township: each against every site. */
const sample = demandPoints.filter((_, i) => i % SAMPLE === 0);
const before = () => sample.filter((d) => !sitePoints.some((s) => distanceKm(d.point, s) <= KM));
const after = () => proximity.measure(params, { sitePoints, demandPoints }, { from: '2024-01', to: '2025-12' }).outside;

const timed = (fn) => {
  const started = performance.now();
  const outside = fn();
  return { ms: performance.now() - started, outside };
};
after(); // warm up the index's code path
const a = timed(after);
const b = timed(before);
const beforeMs = (b.ms * demandPoints.length) / sample.length;
const sampled = new Set(sample.map((d) => d.code));
const afterOnSample = a.outside.filter((d) => sampled.has(d.code));
if (afterOnSample.length !== b.outside.length || afterOnSample.some((d, i) => d.code !== b.outside[i].code)) {
  throw new Error(`proximity: of the sampled townships the index left out ${afterOnSample.length}, the brute force ${b.outside.length}`);
}
const how = SAMPLE === 1 ? '' : ` (timed on ${sample.length.toLocaleString('en')} townships, 1 in ${SAMPLE}, ×${SAMPLE})`;
console.log(
  `proximity, ${demandPoints.length.toLocaleString('en')} townships × ${SITES.toLocaleString('en')} sites within ${KM} km: ` +
    `every site per township ${(beforeMs / 1000).toFixed(1)} s${how}, cell index ${a.ms.toFixed(0)} ms, before/after ×${(beforeMs / a.ms).toFixed(0)}; ` +
    `${(demandPoints.length - a.outside.length).toLocaleString('en')} within reach, ${a.outside.length.toLocaleString('en')} outside (the same townships both ways)`,
);
