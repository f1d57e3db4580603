// Benchmark: live coverage, on the embedded database and on PostgreSQL.
//
// What it measures, in one run, on each database (machines here are shared and noisy, so compare ratios):
//  1. seeding all of China's divisions into a fresh database (on PGlite the figure `npm start` prints);
//  2. GET /api/coverage?region=220000 (Jilin, its seeded targets) and GET /api/coverage/matrix
//     (Jilin's counties) at 1k, 10k and 100k approved sites — a quarter in Jilin, the rest spread
//     over every other province's counties (a statement that does not restrict `site` to the region
//     reads them all) — each against its floor: one hand-written SQL statement computing the same
//     numbers over the same data, on the same connection; endpoint/floor is printed (goal ≤ 2×, not asserted);
//  3. the per-unit aggregation as the engine runs it (one GROUP BY over all counties) against
//     the naive alternative (one COUNT query per county), same data, same connection.
// First on a fresh in-memory PGlite, then on PostgreSQL: a fresh database on DATABASE_URL's server,
// or else on a throwaway local server from the installed PostgreSQL (bench/local-postgres.mjs).
//
// Sizes: BENCH_COVERAGE_SIZES=1000,10000,100000 (the default); requests timed per size:
// BENCH_COVERAGE_RUNS=10,10,5. BENCH_COVERAGE_ENGINES=pglite,postgres (the default) picks the databases.
// BENCH_TRACE=1 prints each statement's time of one coverage request after each size, BENCH_EXPLAIN=1
// each statement's and the floor's plan (EXPLAIN ANALYZE).
//
// Run after a build: npx turbo run build --filter=@sitenet/api && node bench/coverage.mjs
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { installedKinds } from '@sitenet/kinds';
import { benchToken, insertRows, startEmbeddedApi, startPostgresApi, withPostgresServer } from './embedded-api.mjs';

/** Every installed kind, each site with its kind's own valid example attributes. */
const KINDS = installedKinds.map((kind) => kind.code);
const EXAMPLES = Object.fromEntries(installedKinds.map((kind) => [kind.code, JSON.stringify(kind.examples.valid)]));
const ATTRIBUTES_VERSIONS = Object.fromEntries(installedKinds.map((kind) => [kind.code, kind.attributesVersion]));
const time = async (fn, runs = 1) => {
  const started = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - started) / runs;
};

const list = (value, fallback) => (value ? value.split(',').map((v) => v.trim()).filter(Boolean) : fallback);
const SIZES = list(process.env.BENCH_COVERAGE_SIZES, ['1000', '10000', '100000']).map(Number);
const RUN_COUNTS = list(process.env.BENCH_COVERAGE_RUNS, ['10', '10', '5']).map(Number);
const ENGINES = list(process.env.BENCH_COVERAGE_ENGINES, ['pglite', 'postgres']);
if (SIZES.some((n) => !Number.isInteger(n) || n < 1) || RUN_COUNTS.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('BENCH_COVERAGE_SIZES and BENCH_COVERAGE_RUNS are comma-separated positive integers');
const runsAt = (index) => RUN_COUNTS[Math.min(index, RUN_COUNTS.length - 1)];

/** The whole benchmark on one started API (`startEmbeddedApi` or `startPostgresApi`); returns its figures. */
async function bench(engine, { app, dataSource, seedMs }) {
  const [{ n: regions }] = await dataSource.query('SELECT count(*)::int AS n FROM region');

  const countiesOf = (where) => dataSource.query(`SELECT code, province_code, prefecture_code, centroid_lat AS lat, centroid_lng AS lng FROM region WHERE level = 3 AND ${where} AND centroid_lat IS NOT NULL ORDER BY code`);
  const counties = await countiesOf(`province_code = '220000'`);
  const elsewhere = await countiesOf(`province_code <> '220000'`);
  const SITE_COLUMNS = ['id', 'kind', 'name', 'region_code', 'province_code', 'prefecture_code', 'county_code', 'address', 'lat', 'lng', 'location_source', 'operator_name', 'operator_credit_code', 'contact_person', 'contact_phone', 'attributes', 'attributes_version', 'status', 'version', 'approved_at'];
  let added = 0;
  /** A quarter of the sites in Jilin's counties, the rest in the other provinces' (the national table a provincial request must not read). */
  function addApprovedSites(count) {
    const first = added;
    added += count;
    return insertRows(dataSource, 'site', SITE_COLUMNS, count, (n) => {
      const i = first + n;
      const c = i % 4 === 0 ? counties[(i / 4) % counties.length] : elsewhere[(i * 7919) % elsewhere.length];
      const kind = KINDS[i % KINDS.length];
      return [randomUUID(), kind, `基准网点${i}`, c.code, c.province_code, c.prefecture_code, c.code, '基准路1号', c.lat, c.lng, 'wgs84', '基准运营方', '91220102MA0Y4E8X1' + 'A', '基准', '0431-66668888', EXAMPLES[kind], ATTRIBUTES_VERSIONS[kind], 'approved', 1, new Date(Date.UTC(2024, i % 30, 1)).toISOString()];
    });
  }

  const token = await benchToken(app, 'province', '220000');
  const get = (url) => () => request(app.getHttpServer()).get(url).set('Authorization', `Bearer ${token}`).expect(200);
  const coverage = get('/api/coverage?region=220000');
  const matrix = get('/api/coverage/matrix?region=220000&level=3');

  // The floors: each one statement written by hand for the same numbers. Coverage: Jilin's approved
  // sites read once, counted (and the metrics the targets sum, summed) per county-level unit, per
  // prefecture and per month of approval for every kind at once — every target's figures follow from
  // these groups. The matrix: the approved sites per kind of each Jilin county-level unit.
  const METRICS = [...new Set(installedKinds.flatMap((kind) => kind.metrics ?? []))];
  const metricSums = METRICS.map((m, i) => `sum(CASE WHEN jsonb_typeof(s.attributes -> $${i + 2}::text) = 'number' THEN (s.attributes ->> $${i + 2}::text)::numeric ELSE 0 END) AS m${i}`).join(', ');
  const MONTH = `to_char(s.approved_at AT TIME ZONE 'UTC', 'YYYY-MM')`;
  const coverageFloor = () =>
    dataSource.query(
      `SELECT s.county_code, s.prefecture_code, s.kind, ${MONTH} AS month, count(*)${metricSums ? `, ${metricSums}` : ''}
         FROM site s WHERE s.province_code = $1 AND s.status = 'approved'
        GROUP BY GROUPING SETS ((s.county_code, s.kind, ${MONTH}), (s.prefecture_code, s.kind), (s.kind, ${MONTH}))`,
      ['220000', ...METRICS],
    );
  const matrixFloor = () =>
    dataSource.query(
      `SELECT r.code, s.kind, count(s.id) FROM region r LEFT JOIN site s ON s.county_code = r.code AND s.province_code = $1 AND s.status = 'approved'
        WHERE r.level = 3 AND r.province_code = $1 GROUP BY r.code, s.kind ORDER BY r.code`,
      ['220000'],
    );

  const results = { engine, regionsSeeded: regions, seedMs: Math.round(seedMs), sizes: {} };
  for (const [index, size] of SIZES.entries()) {
    const loading = performance.now();
    await addApprovedSites(Math.max(0, size - added));
    // what autovacuum does on a server after such a load (PGlite runs none): planner statistics
    await dataSource.query('ANALYZE site');
    const figures = { loadMs: Math.round(performance.now() - loading) };
    for (const [name, endpoint, floor] of [['coverage', coverage, coverageFloor], ['matrix', matrix, matrixFloor]]) {
      await endpoint();
      await floor();
      const endpointMs = await time(endpoint, runsAt(index));
      const floorMs = await time(floor, runsAt(index));
      figures[name] = { endpointMs: Number(endpointMs.toFixed(1)), floorMs: Number(floorMs.toFixed(1)), ratio: Number((endpointMs / floorMs).toFixed(2)) };
    }
    results.sizes[size] = figures;
    if (process.env.BENCH_TRACE) {
      const query = dataSource.query.bind(dataSource);
      dataSource.query = async (sql, params) => { const t0 = performance.now(); const r = await query(sql, params); console.log((performance.now() - t0).toFixed(1), 'ms', sql.replace(/\s+/g, ' ').slice(0, 160)); return r; };
      const t0 = performance.now(); await coverage(); console.log('coverage total', (performance.now() - t0).toFixed(1));
      dataSource.query = query;
    }
    if (process.env.BENCH_EXPLAIN) {
      // Each statement reading `site` in one coverage request, then the floor, as the planner runs them.
      const query = dataSource.query.bind(dataSource);
      const seen = [];
      dataSource.query = async (sql, params) => { if (/\bsite s\b/.test(sql)) seen.push([sql, params]); return query(sql, params); };
      await coverage();
      await coverageFloor();
      dataSource.query = query;
      for (const [sql, params] of seen) {
        const plan = await query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        console.log(`\n-- ${engine}, ${size} sites:\n${sql}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
      if (engine === 'postgres') {
        // Each statement's median of 15 runs on one connection, as planned and without parallel workers.
        const runner = dataSource.createQueryRunner();
        try {
          const median = async (sql, params) => {
            const times = [];
            for (let i = 0; i < 15; i++) times.push(await time(() => runner.query(sql, params)));
            return times.sort((x, y) => x - y)[7].toFixed(1);
          };
          const parallel = [];
          for (const [sql, params] of seen) parallel.push(await median(sql, params));
          await runner.query('SET max_parallel_workers_per_gather = 0');
          for (const [i, [sql, params]] of seen.entries()) console.log(`${engine}, ${size} sites: ${parallel[i]} ms as planned, ${await median(sql, params)} ms without parallel workers: ${sql.replace(/\s+/g, ' ').slice(0, 90)}`);
        } finally {
          await runner.release();
        }
      }
    }
  }

  // The national administrator's county matrix of every province: one request (GET /api/coverage/national-matrix)
  // against one matrix request per province, at the largest size.
  const adminToken = await benchToken(app, 'admin', null);
  const provinces = await dataSource.query(`SELECT code FROM region WHERE level = 1 ORDER BY code`);
  const asAdmin = (url) => () => request(app.getHttpServer()).get(url).set('Authorization', `Bearer ${adminToken}`).expect(200);
  const national = asAdmin('/api/coverage/national-matrix?level=3');
  const perProvince = async () => {
    for (const p of provinces) await asAdmin(`/api/coverage/matrix?region=${p.code}&level=3`)();
  };
  await national();
  results.sites = added;
  results.provinces = provinces.length;
  results.nationalMatrixMs = Number((await time(national, 3)).toFixed(1));
  results.matrixPerProvinceMs = Number((await time(perProvince, 3)).toFixed(1));

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
  return results;
}

const all = [];
for (const engine of ENGINES) {
  if (engine === 'pglite') {
    const started = await startEmbeddedApi();
    try {
      all.push(await bench('pglite', started));
    } finally {
      await started.app.close();
    }
  } else if (engine === 'postgres') {
    await withPostgresServer(async (url) => {
      const started = await startPostgresApi(url);
      try {
        all.push(await bench('postgres', started));
      } finally {
        await started.app.close();
        await started.drop();
      }
    });
  } else throw new Error(`BENCH_COVERAGE_ENGINES: unknown engine ${engine} (pglite, postgres)`);
}

console.log(JSON.stringify(all, null, 2));
for (const results of all) {
  const where = results.engine === 'pglite' ? 'fresh in-memory PGlite' : 'fresh PostgreSQL database';
  console.log(`\n${results.engine}: seeded ${results.regionsSeeded} regions in ${(results.seedMs / 1000).toFixed(2)} s (${where}, migrations included)`);
  for (const [size, { loadMs, ...figures }] of Object.entries(results.sizes)) {
    for (const [name, f] of Object.entries(figures)) console.log(`${results.engine} ${name} of Jilin, ${Number(size).toLocaleString('en')} sites: endpoint ${f.endpointMs} ms, floor ${f.floorMs} ms, endpoint/floor ×${f.ratio} (goal ≤ 2)`);
  }
  console.log(`${results.engine} national county matrix (${results.sites.toLocaleString('en')} sites): one request ${results.nationalMatrixMs} ms vs one per province (${results.provinces}) ${results.matrixPerProvinceMs} ms`);
  console.log(`${results.engine} per-county counts: one GROUP BY ${results.groupByMs} ms vs one query per county ${results.queryPerUnitMs} ms (×${results.perUnitOverGroupBy})`);
}
