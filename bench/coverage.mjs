// Benchmark: live coverage on the embedded database.
//
// What it measures, in one run (machines here are shared and noisy, so compare ratios):
//  1. seeding all of China's divisions into a fresh PGlite (the figure `npm start` prints);
//  2. GET /api/coverage?region=220000 (Jilin, 15 targets) with 1k and 10k approved sites;
//  3. the per-unit aggregation as the engine runs it (one GROUP BY over all counties) against
//     the naive alternative (one COUNT query per county), same data, same connection.
//
// Run after a build: npx turbo run build --filter=@sitenet/api && node bench/coverage.mjs
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { installedKinds } from '@sitenet/kinds';
import { benchToken, insertRows, startEmbeddedApi } from './embedded-api.mjs';

/** Every installed kind, each site with its kind's own valid example attributes. */
const KINDS = installedKinds.map((kind) => kind.code);
const EXAMPLES = Object.fromEntries(installedKinds.map((kind) => [kind.code, JSON.stringify(kind.examples.valid)]));
const ATTRIBUTES_VERSIONS = Object.fromEntries(installedKinds.map((kind) => [kind.code, kind.attributesVersion]));
const time = async (fn, runs = 1) => {
  const started = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - started) / runs;
};

const { app, dataSource, seedMs } = await startEmbeddedApi();
const [{ n: regions }] = await dataSource.query('SELECT count(*)::int AS n FROM region');

const counties = await dataSource.query(`SELECT code, province_code, prefecture_code, centroid_lat AS lat, centroid_lng AS lng FROM region WHERE level = 3 AND province_code = '220000' AND centroid_lat IS NOT NULL`);
const SITE_COLUMNS = ['id', 'kind', 'name', 'region_code', 'province_code', 'prefecture_code', 'county_code', 'address', 'lat', 'lng', 'location_source', 'operator_name', 'operator_credit_code', 'contact_person', 'contact_phone', 'attributes', 'attributes_version', 'status', 'version', 'approved_at'];
function addApprovedSites(count) {
  return insertRows(dataSource, 'site', SITE_COLUMNS, count, (i) => {
    const c = counties[i % counties.length];
    const kind = KINDS[i % KINDS.length];
    return [randomUUID(), kind, `基准网点${i}`, c.code, c.province_code, c.prefecture_code, c.code, '基准路1号', c.lat, c.lng, 'wgs84', '基准运营方', '91220102MA0Y4E8X1' + 'A', '基准', '0431-66668888', EXAMPLES[kind], ATTRIBUTES_VERSIONS[kind], 'approved', 1, new Date(Date.UTC(2024, i % 30, 1)).toISOString()];
  });
}

const token = await benchToken(app, 'province', '220000');
const coverage = () => request(app.getHttpServer()).get('/api/coverage?region=220000').set('Authorization', `Bearer ${token}`).expect(200);

const results = { regionsSeeded: regions, seedMs: Math.round(seedMs) };
await addApprovedSites(1000);
await coverage();
results.coverage1kMs = Math.round(await time(coverage, 10));
await addApprovedSites(9000);
await coverage();
results.coverage10kMs = Math.round(await time(coverage, 10));

const grouped = () =>
  dataSource.query(
    `SELECT r.code, count(s.id) FROM region r LEFT JOIN site s ON s.county_code = r.code AND s.status = 'approved' AND s.kind = ANY($1)
      WHERE r.level = 3 AND r.province_code = '220000' GROUP BY r.code`,
    [['auxiliary-workshop']],
  );
const perUnit = async () => {
  for (const c of counties) await dataSource.query(`SELECT count(*) FROM site WHERE county_code = $1 AND status = 'approved' AND kind = ANY($2)`, [c.code, ['auxiliary-workshop']]);
};
results.groupByMs = Number((await time(grouped, 20)).toFixed(2));
results.queryPerUnitMs = Number((await time(perUnit, 5)).toFixed(2));
results.perUnitOverGroupBy = Number((results.queryPerUnitMs / results.groupByMs).toFixed(1));
results.coverage10kOver1k = Number((results.coverage10kMs / results.coverage1kMs).toFixed(2));

await app.close();
console.log(JSON.stringify(results, null, 2));
console.log(`\nseeded ${regions} regions in ${(seedMs / 1000).toFixed(2)} s (fresh in-memory PGlite, migrations included)`);
console.log(`coverage of Jilin: ${results.coverage1kMs} ms with 1k sites, ${results.coverage10kMs} ms with 10k (×${results.coverage10kOver1k})`);
console.log(`per-county counts: one GROUP BY ${results.groupByMs} ms vs one query per county ${results.queryPerUnitMs} ms (×${results.perUnitOverGroupBy})`);
