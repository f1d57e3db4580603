// Benchmark: importing 10,000 sites from one .xlsx (issue 10: "validated and committed in < 10 s").
//
// The built API in this process, listening on a socket, with its import runner: a district clerk
// uploads a 10,000-row .xlsx of one kind (every row a new site in 南关区), the job is checked
// (read in the worker, row checks, matching against the database, import_row written), then
// committed (one transaction of 2,500-row statements). Prints each phase's time, and the latency
// (p50, p95, max) of GET /api/sites requests sent one after another while the commit runs: on
// PGlite the commit holds the only connection, so they wait; on PostgreSQL they should not.
// Runs on a fresh in-memory PGlite, and on PostgreSQL: DATABASE_URL's server (a fresh database
// there, dropped afterwards) or else a throwaway local server (bench/local-postgres.mjs). The figure is printed, never asserted.
//
// Run after a build: npx turbo run build --filter=@sitenet/api --filter=@sitenet/spreadsheets && node bench/import.mjs
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { creditCodeCheckCharacter, siteSheetColumns, siteSheetRow } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';
import { benchToken, startEmbeddedApi, startPostgresApi, withPostgresServer } from './embedded-api.mjs';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const KIND = installedKinds[0];

/** The .xlsx a clerk fills in: the template's columns (export-only ones left out), one new site per row. */
async function workbook(rows) {
  const columns = siteSheetColumns(KIND).filter((column) => !column.readOnly);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(KIND.labels['zh-CN']);
  sheet.addRow(columns.map((column) => column.header['zh-CN']));
  const attributes = KIND.attributes.parse(KIND.examples.valid);
  const context = { locale: 'zh-CN', kindOf: () => KIND, regionPath: () => [] };
  for (let i = 1; i <= rows; i++) {
    const code = `9122010${String(500_000 + i).padStart(10, '0')}`.slice(0, 17);
    const site = {
      id: '00000000-0000-4000-8000-000000000000',
      kind: KIND.code,
      status: 'draft',
      name: `基准导入网点${i}号`,
      regionCode: '220102',
      address: `南关区基准路${i}号`,
      location: { lat: 43.86 + (i % 100) / 10_000, lng: 125.35 + (i % 97) / 10_000 },
      operator: { name: `基准导入单位${i}`, creditCode: code + creditCodeCheckCharacter(code) },
      contact: { person: '王基准', phone: '13912345678' },
      openedOn: '2024-03-01',
      barrierFree: [],
      attributes,
    };
    sheet.addRow(siteSheetRow(site, columns, context).map((cell) => cell ?? undefined));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function run(engine, started, file) {
  const { app, drop } = started;
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const token = await benchToken(app, 'district', '220102');
  const headers = { authorization: `Bearer ${token}` };
  const job = async (id) => (await (await fetch(`${base}/api/imports/${id}`, { headers })).json());
  const until = async (id, statuses) => {
    for (;;) {
      const current = await job(id);
      if (statuses.includes(current.status)) return current;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    const t0 = performance.now();
    const form = new FormData();
    form.append('file', new Blob([file]), 'bench.xlsx');
    const res = await fetch(`${base}/api/imports/${KIND.code}`, { method: 'POST', headers, body: form });
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
    const { id } = await res.json();
    const t1 = performance.now();
    const checked = await until(id, ['checked', 'failed']);
    if (checked.status !== 'checked' || checked.counts.errors) throw new Error(`check: ${JSON.stringify({ status: checked.status, failure: checked.failure, counts: checked.counts })}`);
    const t2 = performance.now();
    const commit = await fetch(`${base}/api/imports/${id}/commit`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    if (commit.status !== 202) throw new Error(`commit: ${commit.status} ${await commit.text()}`);
    // GET /api/sites one after another while the commit runs
    const latencies = [];
    let committing = true;
    const reader = (async () => {
      while (committing) {
        const started = performance.now();
        await (await fetch(`${base}/api/sites?pageSize=20`, { headers })).arrayBuffer();
        latencies.push(performance.now() - started);
      }
    })();
    const done = await until(id, ['committed', 'checked']);
    const t3 = performance.now();
    committing = false;
    await reader;
    if (done.status !== 'committed') throw new Error(`commit refused: ${JSON.stringify(done.failure)}`);
    latencies.sort((a, b) => a - b);
    console.log(
      `${engine.padEnd(8)} ${ROWS} rows (${(file.length / 1024 / 1024).toFixed(1)} MB .xlsx): upload ${seconds(t1 - t0)}, check ${seconds(t2 - t1)}, commit ${seconds(t3 - t2)}; ` +
        `upload → committed ${seconds(t3 - t0)} | GET /api/sites during the commit: ${latencies.length} requests, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(0)} ms`,
    );
  } finally {
    await app.close();
    await drop?.();
  }
}

const built = performance.now();
const file = await workbook(ROWS);
console.log(`import bench: ${KIND.code}, file built in ${seconds(performance.now() - built)}`);
await run('pglite', await startEmbeddedApi(), file);
// DATABASE_URL's server, or else a throwaway local one from the installed PostgreSQL, as .ci/run does.
await withPostgresServer(async (url) => run('postgres', await startPostgresApi(url), file));
