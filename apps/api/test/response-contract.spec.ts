import 'reflect-metadata';
import { Controller, Get, HttpException, Module, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiOkResponse } from '@nestjs/swagger';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkResponse, checkResponses, takeMismatches } from './support/response-contract.js';

const pointSchema = z.object({ lat: z.number(), lng: z.number() }).meta({ id: 'TestPoint' });

/** Handlers that keep and break their declarations, as the API's own might. */
@Controller('probe')
class ProbeController {
  @Get('kept')
  @ApiOkResponse({ standardSchema: pointSchema })
  kept() {
    return { lat: 43.8, lng: 125.3 };
  }

  @Get('wrong-type')
  @ApiOkResponse({ standardSchema: pointSchema })
  wrongType() {
    return { lat: '43.8', lng: 125.3 };
  }

  @Get('undeclared-field')
  @ApiOkResponse({ standardSchema: pointSchema })
  undeclaredField() {
    return { lat: 43.8, lng: 125.3, targetId: 'x' };
  }

  @Get('undeclared')
  undeclared() {
    return { lat: 43.8, lng: 125.3 };
  }

  @Get('streamed')
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } })
  streamed(@Res() response: Response) {
    response.setHeader('Content-Type', 'text/csv');
    response.write('a,b\r\n');
    response.end('1,2\r\n');
  }

  @Get('streamed-undeclared')
  @ApiOkResponse({ standardSchema: pointSchema })
  streamedUndeclared(@Res() response: Response) {
    response.setHeader('Content-Type', 'text/csv');
    response.write('a,b\r\n');
    response.end();
  }

  @Get('bad-error')
  badError() {
    throw new HttpException({ error: 'not the product error' }, 418);
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

let app: NestExpressApplication;

beforeAll(async () => {
  app = await NestFactory.create<NestExpressApplication>(ProbeModule, { logger: false });
  checkResponses(app);
  await app.init();
});

afterAll(async () => {
  await app?.close();
});

/** The request's mismatches, taken so that the check's own after-each hook does not fail this test. */
async function probe(path: string) {
  const res = await request(app.getHttpServer()).get(path);
  return { res, found: takeMismatches() };
}

describe('the response check every API test runs under (test/support/response-contract.ts)', () => {
  it('lets a body that matches its declared schema through untouched', async () => {
    const { res, found } = await probe('/probe/kept');
    expect(found).toEqual([]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ lat: 43.8, lng: 125.3 });
  });

  it('turns a body that does not parse into a 500 naming method, path, status, handler and the issue', async () => {
    const { res, found } = await probe('/probe/wrong-type');
    expect(res.status).toBe(500);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^GET \/probe\/wrong-type → 200 \(ProbeController\.wrongType\): lat: .*number/);
    expect((res.body as { message: string }).message).toBe(found[0]);
  });

  it('refuses a field the schema does not declare (zod would silently strip it)', async () => {
    const { res, found } = await probe('/probe/undeclared-field');
    expect(res.status).toBe(500);
    expect(found).toEqual([expect.stringContaining('targetId: not declared by the schema')]);
  });

  it('refuses a handler that declares no schema for the status it sends', async () => {
    const { res, found } = await probe('/probe/undeclared');
    expect(res.status).toBe(500);
    expect(found).toEqual([expect.stringContaining('ProbeController.undeclared declares no response schema for status 200')]);
  });

  it('parses an error body with the product error schema', async () => {
    const { res, found } = await probe('/probe/bad-error');
    expect(res.status).toBe(500);
    expect(found).toEqual([expect.stringMatching(/^GET \/probe\/bad-error → 418 .*statusCode: /)]);
  });

  it('lets a file through only with the media type its handler declares for the status, and only for that status', () => {
    const routed = { handler: 'X.file', declared: { '200': { content: { 'text/csv; charset=utf-8': {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } } } };
    expect(checkResponse({ status: 200, contentType: 'text/csv; charset=UTF-8', body: undefined, routed })).toEqual([]);
    expect(checkResponse({ status: 200, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: undefined, routed })).toEqual([]);
    expect(checkResponse({ status: 200, contentType: 'text/csv; charset=gb18030', body: undefined, routed })).toEqual([expect.stringContaining('X.file declares no text/csv; charset=gb18030 content for status 200')]);
    expect(checkResponse({ status: 200, contentType: 'text/html', body: '<p>', routed: { handler: 'X.y', declared: { '200': { standardSchema: pointSchema } } } })).toEqual([expect.stringContaining('declares no text/html content')]);
    expect(checkResponse({ status: 204, contentType: '', body: undefined, routed })).toEqual([]);
    // JSON stays strict: a declared file type does not excuse a JSON body without a schema
    expect(checkResponse({ status: 200, contentType: 'application/json', body: '{}', routed })).toEqual(['X.file declares no response schema for status 200']);
  });

  it('checks a streamed file against its declaration when its headers go out', async () => {
    const { res, found } = await probe('/probe/streamed-undeclared');
    expect(res.status).toBe(200);
    expect(found).toEqual([expect.stringMatching(/^GET \/probe\/streamed-undeclared → 200 \(ProbeController\.streamedUndeclared\): .*declares no text\/csv content/)]);
    expect((await probe('/probe/streamed')).found).toEqual([]);
  });

  it('checks a body as text too, and ignores what is not JSON', () => {
    const routed = { handler: 'X.y', declared: { '200': { standardSchema: pointSchema } } };
    expect(checkResponse({ status: 200, contentType: 'application/json', body: '{"lat":1,"lng":2}', routed })).toEqual([]);
    expect(checkResponse({ status: 200, contentType: 'application/json', body: Buffer.from('{"lat":1}'), routed })).toEqual([expect.stringMatching(/^lng: /)]);
    expect(checkResponse({ status: 200, contentType: 'application/json', body: '{"lat":', routed })).toEqual(['the body is not JSON']);
    expect(checkResponse({ status: 200, contentType: 'text/html', body: '<p>', routed: undefined })).toEqual([]);
    expect(checkResponse({ status: 200, contentType: 'application/json', body: { lat: 1, lng: 2, extra: { deep: 1 } }, routed })).toEqual(['extra: not declared by the schema']);
  });
});
