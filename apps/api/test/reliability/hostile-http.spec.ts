import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { ApiErrorBody, Site } from '@sitenet/domain';
import { loadConfig } from '../../src/config/config.js';
import { siteInput } from '../factories/sites.js';
import { expectEveryRefused, expectProductError, HAN } from '../support/product-error.js';
import { useSignedIn, useTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 8, "Bad input", the HTTP side: every answer is the product's JSON (404s, malformed URIs,
 * HTTP parser errors, paths outside /api), body limits decided after routing and sign-in, the
 * client address behind X-Forwarded-For, query strings. Each block names the defect it covers;
 * the values side (text, dates, identities, coordinates) is hostile-input.spec.ts.
 */

const t = useTestApp();
const district = useSignedIn(t, { role: 'district', regionCode: '220102' });
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });
const admin = useSignedIn(t, { role: 'admin', regionCode: null });

const PORTAL_PAGE = '<!doctype html><title>sitenet</title>';

/** An app whose portal is `files` (path → content) in a folder of its own, for the describe block that calls it. */
function useAppWithPortal(files: Record<string, string>): TestApp {
  const dist = mkdtempSync(path.join(tmpdir(), 'sitenet-portal-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), content);
  }
  afterAll(() => rm(dist, { recursive: true, force: true }));
  return useTestApp({ portalDist: dist });
}

describe('every error is the product JSON with a Chinese message (issue 8: some 404s were Express HTML, some messages showed a regular expression)', () => {
  it.each([
    ['PROPFIND', '/api/nothing-here', 404],
    ['SEARCH', '/api/sites', 404],
    ['PURGE', '/api', 404],
    ['OPTIONS', '/api/nothing-here', 404],
    ['DELETE', '/api/sites', 404],
    ['POST', '/api/regions', 404],
    ['GET', '/api/%', 400],
    ['GET', '/api/regions/%E0%A4%A', 400],
    ['GET', '/api/sites/%', 400],
    ['POST', '/anything', 404],
    ['PUT', '/', 404],
    ['DELETE', '/portal/page', 404],
    ['GET', '/%', 400],
    ['GET', '/api/..%2f..%2fetc/passwd', 404],
  ] as const)('%s %s', async (method, path, status) => {
    const res = await t.http()[method.toLowerCase() as 'get'](path);
    expectProductError(res, status);
  });

  it('answers a query with repeated or nested parameters with a 400', async () => {
    for (const url of ['/api/regions?q=a&q=b', '/api/regions?parent[x]=1', '/api/regions?limit=1e400', '/api/regions?limit=%00', '/api/regions?unknown=1']) {
      expectProductError(await t.http().get(url), 400);
    }
    expectProductError(await district.http.get('/api/sites?page=-1&pageSize=100000'), 400);
  });

  it('explains malformed codes and kinds in words, not patterns', async () => {
    const kind = expectProductError(await district.http.get('/api/sites?kind=Not_A_Kind'), 400);
    expect(kind.issues?.[0]?.messages['zh-CN']).toContain('网点类型');
    const region = expectProductError(await t.http().get('/api/regions?parent=22'), 400);
    expect(region.issues?.[0]?.messages['zh-CN']).toContain('行政区划代码');
    const province = expectProductError(await t.http().get('/api/boundaries/counties/x'), 400);
    expect(province.issues?.[0]?.messages['zh-CN']).toMatch(HAN);
  });

  it('answers malformed JSON and a wrong content type with the product error', async () => {
    expectProductError(await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": '), 400);
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'text/plain').send('username=x');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expectProductError(res, res.status);
  });
});

describe('outside /api with the portal installed (issue 8: the static handler and Express answered in HTML)', () => {
  const withPortal = useAppWithPortal({ 'index.html': PORTAL_PAGE, 'assets/app-0123abcd.js': 'console.log(1)' });

  it('still serves the portal and its history fallback', async () => {
    expect((await withPortal.http().get('/sites/map').expect(200)).text).toContain('sitenet');
    await withPortal.http().get('/assets/app-0123abcd.js').expect(200);
  });

  it.each([
    ['GET', '/%', 400],
    ['GET', '/assets/%E0%A4%A', 400],
    ['GET', '/assets/missing-file.js', 404],
    ['POST', '/sites', 404],
    ['PUT', '/index.html', 404],
    ['DELETE', '/', 404],
    ['PROPFIND', '/assets/', 404],
    ['GET', '/api/%', 400],
    ['PATCH', '/api/nothing-here', 404],
  ] as const)('%s %s is the product error', async (method, url, status) => {
    expectProductError(await withPortal.http()[method.toLowerCase() as 'get'](url), status);
  });
});

describe('client address (issue 8: rotating X-Forwarded-For bypassed the per-address sign-in limit under the default TRUST_PROXY=loopback)', () => {
  it('trusts no forwarded header unless TRUST_PROXY says so', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    const express = t.app.getHttpAdapter().getInstance() as { get: (name: string) => (address: string, hop: number) => boolean };
    expect(express.get('trust proxy fn')('127.0.0.1', 0)).toBe(false);
  });

  it('limits failed sign-ins from one address however X-Forwarded-For rotates', async () => {
    const username = 'xff-target';
    await t.signIn({ role: 'district', regionCode: '220102', username });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.http().post('/api/auth/login').set('X-Forwarded-For', `203.0.113.${i + 1}`).send({ username, password: 'wrong-password-0000' });
      statuses.push(res.status);
    }
    // Seen as one address, the account+address backoff starts after a few failures.
    expect(statuses).toContain(429);
  });
});

/** A megabyte of JSON that does not parse: whoever reads it pays for it and answers 400. */
const MEGABYTE_OF_BAD_JSON = `{"padding": "${'x'.repeat(1_000_000)}`;

/** Sends `body` and reports the status and this process's CPU time it cost (logged, not asserted: machines differ). */
async function timed(label: string, test: request.Test, body: string): Promise<request.Response> {
  const started = process.cpuUsage();
  const res = await test.set('Content-Type', 'application/json').send(body);
  const cpu = process.cpuUsage(started);
  console.info(`${label}: ${res.status} after ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms of CPU`);
  return res;
}

describe('body limits decided after routing and sign-in (hostile review of issue 8: the 16 kB limit was escaped by any Authorization header or by spelling the path differently)', () => {
  it.each(['/api/auth/login/', '/api/Auth/Login', '/api/AUTH/login/'])('keeps the 16 kB limit on sign-in spelt %s, whatever Authorization header comes with it', async (url) => {
    const res = await timed(`POST ${url}`, t.http().post(url).set('Authorization', 'Bearer anything'), JSON.stringify({ username: 'someone', password: 'x', padding: 'x'.repeat(100_000) }));
    expect(expectProductError(res, 413).code).toBe('request.too_large');
  });

  it('keeps the 16 kB limit on sign-in for a caller with a valid bearer token', async () => {
    const res = await district.http.post('/api/auth/login').send({ username: 'someone', password: 'x', padding: 'x'.repeat(100_000) });
    expect(expectProductError(res, 413).code).toBe('request.too_large');
  });

  it('does not read a megabyte sent with a bearer token that is not valid: 401, not a parse', async () => {
    const res = await timed('POST /api/sites with a made-up token', t.http().post('/api/sites').set('Authorization', 'Bearer made-up-token'), MEGABYTE_OF_BAD_JSON);
    expect(expectProductError(res, 401).code).toBe('auth.required');
    const res2 = await timed('POST /api/auth/logout with a made-up token', t.http().post('/api/auth/logout').set('Authorization', 'Bearer x'), MEGABYTE_OF_BAD_JSON);
    expectProductError(res2, 401);
  });

  it.each([
    ['POST', '/api/nothing-here', 404],
    ['PUT', '/api/sites', 404],
    ['POST', '/api/regions', 404],
  ] as const)('does not read a megabyte sent to %s %s before answering %d', async (method, url, status) => {
    const res = await timed(`${method} ${url}`, district.http[method.toLowerCase() as 'post'](url), MEGABYTE_OF_BAD_JSON);
    expectProductError(res, status);
  });

  it('does not read a body sent to an endpoint that takes none', async () => {
    const res = await timed('GET /api/health with a body', t.http().get('/api/health/live'), MEGABYTE_OF_BAD_JSON);
    expect(res.status).toBe(200);
  });

  it('still reads a signed-in write of more than 16 kB', async () => {
    const res = await district.http.post('/api/sites').send({ ...siteInput('auxiliary-workshop'), address: 'x'.repeat(100_000) });
    const body = expectProductError(res, 400);
    expect(body.issues?.map((issue) => issue.path)).toContain('body.address');
  });
});

describe('query strings (hostile review of issue 8: invalid UTF-8 became U+FFFD; junk parameters were ignored)', () => {
  it.each(['%FF', '%ED%A0%80', '%C0%80', '%E0%A4%A'])('refuses q=%s with the product 400', async (raw) => {
    expectProductError(await t.http().get(`/api/regions?q=${raw}`), 400);
    expectProductError(await t.http().get(`/api/regions?${raw}=1`), 400);
    expectProductError(await district.http.get(`/api/sites?q=${raw}`), 400);
  });

  it('still accepts a percent-encoded Chinese search and a + for a space', async () => {
    await t.http().get(`/api/regions?q=${encodeURIComponent('南关')}`).expect(200);
    await t.http().get('/api/regions?q=%E5%8D%97%E5%85%B3+').expect(200);
  });

  it('refuses query parameters on every endpoint that takes none', async () => {
    const site = (await district.http.post('/api/sites').send(siteInput('auxiliary-workshop')).expect(201)).body as Site;
    const cases: [string, request.Test][] = [
      ['GET /api/accounts', admin.http.get('/api/accounts?q=%00')],
      ['GET /api/boundaries/provinces', t.http().get('/api/boundaries/provinces?x=1')],
      ['GET /api/boundaries/counties/:province', t.http().get('/api/boundaries/counties/22?x=1')],
      ['GET /api/site-kinds', t.http().get('/api/site-kinds?x=1')],
      ['GET /api/health', t.http().get('/api/health?x=1')],
      ['GET /api/health/live', t.http().get('/api/health/live?x=1')],
      ['GET /api/regions/:code', t.http().get('/api/regions/220102?x=1')],
      ['GET /api/auth/me', district.http.get('/api/auth/me?x=1')],
      ['GET /api/sites/:id', district.http.get(`/api/sites/${site.id}?x=1`)],
      ['GET /api/sites/:id/history', district.http.get(`/api/sites/${site.id}/history?x=1`)],
      ['POST /api/auth/login', t.http().post('/api/auth/login?x=1').send({ username: 'someone', password: 'x' })],
      ['GET /api/targets', province.http.get('/api/targets?region=220000&x=1')],
      ['GET /api/coverage', province.http.get('/api/coverage?region=220000&x=1')],
      ['GET /api/sites', district.http.get('/api/sites?x=1')],
    ];
    await expectEveryRefused(cases);
    await t.http().get('/api/boundaries/provinces').expect(200);
    await admin.http.get('/api/accounts').expect(200);
  });
});

describe('answers that are not the product JSON (hostile review of issue 8)', () => {
  const withPortal = useAppWithPortal({ 'index.html': PORTAL_PAGE });
  let port: number;
  beforeAll(async () => {
    const server = withPortal.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  it.each([
    ['//api/health', 404],
    ['//api//regions', 404],
    ['/%2e%2e/%2e%2e/etc/passwd', 404],
    ['/.env', 404],
    ['/%00', 404],
    ['/sites/%00', 404],
    ['/.git/config', 404],
    ['/wp-login.php', 404],
  ] as const)('GET %s is the product error, not the portal page', async (url, status) => {
    expectProductError(await withPortal.http().get(url), status);
  });

  it('still answers portal routes with the page', async () => {
    for (const url of ['/', '/sites', '/sites/map', '/accounts/audit', '/regions/220102', '/no-such-page']) {
      expect((await withPortal.http().get(url).expect(200)).text, url).toContain('sitenet');
    }
  });

  /** Writes raw bytes and returns everything the server sends back before it closes. */
  function rawRequest(bytes: string | Buffer): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
      socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
      socket.write(bytes);
    });
  }

  it.each([
    ['a URL over 16 kB', `GET /api/regions?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
    ['Content-Length: abc', 'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400],
    ['a request line that is not ASCII', Buffer.from('GET /api/健康 HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8'), 400],
    ['garbage', 'HELLO\r\n\r\n', 400],
  ] as const)('answers %s refused by the HTTP parser with the product JSON', async (_name, bytes, status) => {
    const answer = await rawRequest(bytes);
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(answer).toMatch(/\r\ncontent-type: application\/json/i);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as ApiErrorBody;
    expect(body.statusCode).toBe(status);
    expect(body.message).toMatch(HAN);
  });
});
