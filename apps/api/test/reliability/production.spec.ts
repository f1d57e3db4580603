import fs from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggablePath } from '../../src/common/request-log.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A small stand-in for the built portal: an index, a hashed script, an unhashed file. */
async function fakePortal(): Promise<string> {
  const dist = await mkdtemp(path.join(os.tmpdir(), 'sitenet-portal-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><html lang="zh-CN"><head><title>sitenet</title></head><body><div id="app"></div></body></html>');
  await writeFile(path.join(dist, 'assets', 'index-B2x_9kQe.js'), `export const words = ${JSON.stringify('残疾人就业服务网点 '.repeat(2000))};\n`);
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // The service worker and web app manifest vite-plugin-pwa writes.
  await writeFile(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
  await writeFile(path.join(dist, 'manifest.webmanifest'), JSON.stringify({ name: '残疾人就业服务网点', lang: 'zh-CN' }));
  // A file that shadows an API route: the API must answer, not the folder.
  await mkdir(path.join(dist, 'api'));
  await writeFile(path.join(dist, 'api', 'health'), 'a file, not the API');
  return dist;
}

/** Collects the log lines the application writes. */
function logCollector() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('production serving: headers, compression, caching', () => {
  let t: TestApp;
  let dist: string;
  const log = logCollector();

  beforeAll(async () => {
    dist = await fakePortal();
    t = await startTestApp({ portalDist: dist, logLevel: 'info' }, { logDestination: log.destination });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('does not ask browsers to upgrade to https unless HTTPS_ONLY is set (plain-http intranets stay usable)', async () => {
    const res = await t.http().get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('compresses with brotli or gzip, as the client accepts', async () => {
    const original = Buffer.byteLength(`export const words = ${JSON.stringify('残疾人就业服务网点 '.repeat(2000))};\n`);
    const br = await rawGet(t, '/assets/index-B2x_9kQe.js', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(original / 10);
    expect(brotliDecompressSync(br.body).toString()).toContain('残疾人就业服务网点');
    const gzip = await rawGet(t, '/api/regions?q=%E9%95%BF%E6%98%A5', 'gzip');
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toBeTruthy();
    const plain = await rawGet(t, '/assets/index-B2x_9kQe.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBe(original);
  });

  it('caches hashed assets for a year as immutable, revalidates index.html, an hour for the rest', async () => {
    const asset = await t.http().get('/assets/index-B2x_9kQe.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await t.http().get('/');
    expect(index.headers['cache-control']).toBe('no-cache');
    const fallback = await t.http().get('/sites/some-page');
    expect(fallback.status).toBe(200);
    expect(fallback.headers['cache-control']).toBe('no-cache');
    const direct = await t.http().get('/index.html');
    expect(direct.headers['cache-control']).toBe('no-cache');
    const favicon = await t.http().get('/favicon.svg');
    expect(favicon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('serves the service worker as JavaScript and the manifest as a web app manifest, both revalidated on every visit', async () => {
    const worker = await t.http().get('/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    const manifest = await t.http().get('/manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('answers /api requests without looking at the portal folder', async () => {
    const stat = fs.stat;
    const looked: string[] = [];
    fs.stat = ((file: fs.PathLike, ...rest: unknown[]) => {
      looked.push(String(file));
      return (stat as (...args: unknown[]) => void)(file, ...rest);
    }) as typeof fs.stat;
    try {
      const res = await t.http().get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok' });
      await t.http().get('/api/regions?q=长春').expect(200);
      expect(looked.filter((file) => file.startsWith(dist))).toEqual([]);
      // The static handler is still there for the portal's own files.
      await t.http().get('/favicon.svg').expect(200);
      expect(looked.filter((file) => file.startsWith(dist)).length).toBeGreaterThan(0);
    } finally {
      fs.stat = stat;
    }
  });

  it('logs one compact line per request: method, path without query values, status, ms, request id, account; no headers', async () => {
    const signedIn = await t.signIn({ role: 'province', regionCode: '220000' });
    log.lines.length = 0;
    const res = await signedIn.http
      .get('/api/sites?q=张三&pageSize=5')
      .set('User-Agent', 'Mozilla/5.0 '.repeat(20))
      .set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.8')
      .set('X-Request-Id', 'req-compact-log-1');
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = log.lines.filter((line) => line.includes('req-compact-log-1'));
    expect(lines).toHaveLength(1);
    const line = lines[0];
    expect(Buffer.byteLength(line)).toBeLessThan(300);
    const entry = JSON.parse(line);
    expect(entry).toMatchObject({ method: 'GET', path: '/api/sites?q&pageSize', status: 200, requestId: 'req-compact-log-1', account: signedIn.account.id });
    expect(typeof entry.ms).toBe('number');
    expect(line).not.toContain('张三');
    expect(line).not.toContain(signedIn.token);
    expect(line).not.toMatch(/mozilla|authorization|accept-language|headers/i);
  });

  it('keeps query keys and drops their values in logged paths', () => {
    expect(loggablePath('/api/sites?q=%E5%BC%A0&page=2&q=x')).toBe('/api/sites?q&page');
    expect(loggablePath('/api/regions')).toBe('/api/regions');
  });
});

describe('HTTPS_ONLY=true', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = await fakePortal();
    t = await startTestApp({ portalDist: dist, httpsOnly: true });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('tells browsers to upgrade to https and to remember it', async () => {
    const res = await t.http().get('/');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

describe('hashed assets compressed at build time', () => {
  let t: TestApp;
  let dist: string;
  const script = fileURLToPath(new URL('../../../portal/scripts/precompress.mjs', import.meta.url));
  const marked = 'assets/chart-Zq81xkLm.js';
  beforeAll(async () => {
    dist = await fakePortal();
    // The portal's build step writes .br and .gz beside hashed assets.
    execFileSync(process.execPath, [script, dist]);
    // A second asset whose precompressed copies say so: what is served is the file, not a fresh compression.
    await writeFile(path.join(dist, marked), `export const chart = ${JSON.stringify('覆盖率 '.repeat(3000))};\n`);
    await writeFile(path.join(dist, `${marked}.br`), brotliCompressSync('// precompressed br'));
    await writeFile(path.join(dist, `${marked}.gz`), gzipSync('// precompressed gz'));
    t = await startTestApp({ portalDist: dist });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('the build step writes .br and .gz beside hashed assets (the same bytes once decoded); small and unhashed files are left alone', () => {
    const original = fs.readFileSync(path.join(dist, 'assets', 'index-B2x_9kQe.js'));
    expect(brotliDecompressSync(fs.readFileSync(path.join(dist, 'assets', 'index-B2x_9kQe.js.br')))).toEqual(original);
    expect(gunzipSync(fs.readFileSync(path.join(dist, 'assets', 'index-B2x_9kQe.js.gz')))).toEqual(original);
    expect(fs.existsSync(path.join(dist, 'favicon.svg.br'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'index.html.br'))).toBe(false);
  });

  it('serves the precompressed file with Content-Encoding, Vary and immutable caching; identity gets the original', async () => {
    const br = await rawGet(t, `/${marked}`, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.body).toString()).toBe('// precompressed br');
    const gzip = await rawGet(t, `/${marked}`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe('// precompressed gz');
    expect((await rawGet(t, `/${marked}`, 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    expect((await rawGet(t, `/${marked}`, 'br;q=0.5, gzip;q=0.8')).headers['content-encoding']).toBe('gzip');
    expect((await rawGet(t, `/${marked}`, '*')).headers['content-encoding']).toBe('br');
    const plain = await rawGet(t, `/${marked}`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.toString()).toContain('覆盖率');
    // what has no precompressed copy is still compressed on the fly
    const index = await rawGet(t, '/sites/some-page', 'br');
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
  });
});

/** A GET over a real socket, with the bytes as sent (no client-side decoding). */
async function rawGet(t: TestApp, url: string, acceptEncoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}
