import { readFile } from 'node:fs/promises';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@sitenet/domain';
import { ACCESS_METADATA } from '../src/common/access.js';
import { buildOpenApiDocument } from '../src/openapi/openapi.js';
import { OPENAPI_FILE, serializeOpenApi } from '../src/cli/openapi.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

describe('the API bones', () => {
  it('reports health with the database engine it runs on', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', engine: t.engine });
  });

  it('answers an unknown route with a bilingual ApiError and a request id, never a stack', async () => {
    const res = await t.http().get('/api/no-such-thing').set('Accept-Language', 'en-US,en;q=0.9').expect(404);
    const body = res.body as ApiErrorBody;
    expect(body.code).toBe('route.not_found');
    expect(body.message).toBe(body.messages.en);
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('keeps a well-formed incoming request id and replaces a malformed one', async () => {
    const kept = await t.http().get('/api/health').set('X-Request-Id', 'proxy-1234abcd');
    expect(kept.headers['x-request-id']).toBe('proxy-1234abcd');
    const replaced = await t.http().get('/api/health').set('X-Request-Id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).not.toBe('bad id <script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses malformed JSON with a 400 ApiError', async () => {
    const res = await t.http().post('/api/regions').set('Content-Type', 'application/json').send('{"broken":');
    expect([400, 404]).toContain(res.status);
    expect((res.body as ApiErrorBody).messages['zh-CN']).toBeTruthy();
  });
});

describe('access declarations', () => {
  it('every route handler declares who may call it', () => {
    const modules = t.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const reflector = t.app.get(Reflector);
    const routes: { route: string; declared: boolean }[] = [];
    for (const wrapper of [...modules.values()].flatMap((m) => [...m.controllers.values()])) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = `${Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object)}/${Reflect.getMetadata(PATH_METADATA, handler)}`;
        const declared = reflector.getAllAndOverride(ACCESS_METADATA, [handler, wrapper.metatype as () => unknown]) !== undefined;
        routes.push({ route: `${RequestMethod[method]} ${path}`, declared });
      }
    }
    expect(routes.length).toBeGreaterThanOrEqual(3);
    expect(routes.filter((r) => !r.declared).map((r) => r.route)).toEqual([]);
  });
});

describe('OpenAPI', () => {
  it('serves the document at /api/docs.json listing the regions endpoints with their parameters', async () => {
    const doc = (await t.http().get('/api/docs.json').expect(200)).body as { paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/regions', '/api/regions/{code}', '/api/health']));
    const params = doc.paths['/api/regions'].get!.parameters!.map((p) => `${p.in}:${p.name}`);
    expect(params).toEqual(expect.arrayContaining(['query:parent', 'query:q', 'query:limit']));
    await t.http().get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('matches the committed apps/api/openapi.json (run `npm run openapi -w @sitenet/api` after changing the API)', async () => {
    const committed = await readFile(OPENAPI_FILE, 'utf8');
    expect(serializeOpenApi(buildOpenApiDocument(t.app))).toBe(committed);
  });
});
