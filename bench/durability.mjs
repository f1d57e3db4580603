// Benchmark: what fsync costs the embedded database (issue 8, "Data loss").
//
// PGlite's default (fsync off, and no fsync reaching the disk anyway) against the product's
// embedded database (apps/api/src/database/durable-nodefs.ts: fsync on, wal_sync_method=fsync,
// NODEFS fsync → fs.fsyncSync), both file-backed in a temporary folder on the same disk:
//  1. the first start: initdb, every migration, all of China's divisions seeded;
//  2. single-row commits (autocommit INSERTs), the shape of most API writes;
//  3. a 20-statement transaction (a site with its history and audit rows is ~5);
//  4. a 1,000-row transaction (imports, seeding);
//  5. site registrations through the whole API (POST /api/sites as district staff: validation,
//     jurisdiction, the site row and its history in one transaction), the write users make;
//  6. reopening the folder (every later start).
// Each measure runs in alternation, several rounds, and the median is printed. Machines here are
// shared and noisy: read the ratios. The disk matters most (a laptop SSD, a VM's virtual disk and
// a network volume differ by orders of magnitude): run it where the product runs.
//
// Run after a build: npx turbo run build --filter=@sitenet/api && node bench/durability.mjs
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { creditCodeCheckCharacter } from '@sitenet/domain';
import request from 'supertest';
import { trainingBase } from '@sitenet/kinds';

const api = (p) => import(new URL(`../apps/api/dist/${p}`, import.meta.url).href);
const { loadConfig } = await api('config/config.js');
const { openPGlite, pgCompatibleParsers } = await api('database/pglite-pool.js');
const { prepareDatabase } = await api('database/prepare.js');
const { createApp } = await api('create-app.js');
const { seedApplicationData } = await api('seeding/reference-data.js');
const { AccountsService } = await api('auth/accounts.service.js');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SINGLE = 300;
const SITES = 40;
const PASSWORD = 'Quartz-lantern-7-harbour';

let serial = 0;
function siteInput() {
  const n = ++serial;
  const body = `9122010${String(n).padStart(10, '0')}`.slice(0, 17);
  return {
    kind: 'training-base',
    name: `基准培训基地${n}号`,
    regionCode: '220102',
    address: `南关区基准路${n}号`,
    location: { lat: 43.8599, lng: 125.3503 },
    operator: { name: `基准培训单位${n}`, creditCode: body + creditCodeCheckCharacter(body) },
    contact: { person: '王基准', phone: '13912345678' },
    openedOn: '2024-03-01',
    barrierFree: ['step-free-entrance'],
    attributes: trainingBase.examples.valid,
  };
}

/** Sequential site registrations through the API; returns registrations per second. */
async function registerSites(dataSource, round) {
  const app = await createApp(config, dataSource);
  await app.init();
  await seedApplicationData(app, config);
  const username = `bench.district.${round}`;
  await app.get(AccountsService).create({ username, displayName: 'bench', role: 'district', regionCode: '220102', password: PASSWORD }, { operator: 'bench' });
  const server = app.getHttpServer();
  const login = await request(server).post('/api/auth/login').send({ username, password: PASSWORD });
  if (login.status !== 200) throw new Error(`bench sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  const started = performance.now();
  for (let i = 0; i < SITES; i++) {
    const res = await request(server).post('/api/sites').set('Authorization', `Bearer ${login.body.token}`).send(siteInput());
    if (res.status !== 201) throw new Error(`bench site registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const perSecond = SITES / ((performance.now() - started) / 1000);
  return { app, perSecond };
}
const base = await mkdtemp(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'sitenet-bench-durability-'));
const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', PORTAL_DIST: '/nonexistent' }) };

const variants = {
  'fsync off (PGlite default)': (dir) => PGlite.create({ dataDir: dir, parsers: pgCompatibleParsers }),
  'fsync on (sitenet)': (dir) => openPGlite(dir),
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {};
const record = (variant, measure, value) => ((results[measure] ??= {})[variant] ??= []).push(value);

let folder = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, open] of Object.entries(variants)) {
    const dir = path.join(base, `db-${folder++}`);
    let started = performance.now();
    const db = await open(dir);
    const { dataSource } = await prepareDatabase({ ...config, database: { kind: 'pglite', dataDir: dir } }, db);
    record(name, 'first start: initdb + migrations + 44,694 divisions (s)', (performance.now() - started) / 1000);

    await db.exec('CREATE TABLE bench_write (id serial PRIMARY KEY, payload text NOT NULL, at timestamptz NOT NULL DEFAULT now())');
    started = performance.now();
    for (let i = 0; i < SINGLE; i++) await db.query('INSERT INTO bench_write (payload) VALUES ($1)', [`row ${i}`]);
    record(name, 'single-row commits per second', SINGLE / ((performance.now() - started) / 1000));

    started = performance.now();
    for (let t = 0; t < 50; t++) {
      await db.transaction(async (tx) => {
        for (let i = 0; i < 20; i++) await tx.query('INSERT INTO bench_write (payload) VALUES ($1)', [`tx ${t}.${i}`]);
      });
    }
    record(name, '20-statement transactions per second', 50 / ((performance.now() - started) / 1000));

    started = performance.now();
    for (let t = 0; t < 5; t++) {
      await db.query(`INSERT INTO bench_write (payload) SELECT 'bulk ' || g FROM generate_series(1, 1000) g`);
    }
    record(name, '1,000-row transaction (ms)', (performance.now() - started) / 5);

    const { app, perSecond } = await registerSites(dataSource, folder);
    record(name, `site registrations through the API per second (${SITES} in a row)`, perSecond);

    await app.close(); // closes the data source and PGlite (and releases the folder's lock)
    started = performance.now();
    const reopened = await open(dir);
    await reopened.query('SELECT count(*) FROM region');
    record(name, 'reopen an existing folder (s)', (performance.now() - started) / 1000);
    await reopened.close();
  }
}
await rm(base, { recursive: true, force: true });

const [off, on] = Object.keys(variants);
console.log(`\nembedded durability, ${ROUNDS} rounds, medians (PGlite ${PGlite.version ?? '0.5'}, Node ${process.version}, ${os.cpus().length} cores, folder under ${path.dirname(base)})\n`);
console.log(`| measure | ${off} | ${on} | on ÷ off |`);
console.log('| --- | --- | --- | --- |');
for (const [measure, byVariant] of Object.entries(results)) {
  const a = median(byVariant[off]);
  const b = median(byVariant[on]);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  console.log(`| ${measure} | ${a.toFixed(digits)} | ${b.toFixed(digits)} | ×${(b / a).toFixed(2)} |`);
}
