import 'reflect-metadata';
import { Controller, Get, HttpException, Module } from '@nestjs/common';
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

  it('checks a body as text too, and ignores what is not JSON', () => {
    const routed = { handler: 'X.y', declared: { '200': { standardSchema: pointSchema } } };
    expect(checkResponse({ status: 200, contentType: 'application/json', body: '{"lat":1,"lng":2}', routed })).toEqual([]);
    expect(checkResponse({ status: 200, contentType: 'application/json', body: Buffer.from('{"lat":1}'), routed })).toEqual([expect.stringMatching(/^lng: /)]);
    expect(checkResponse({ status: 200, contentType: 'application/json', body: '{"lat":', routed })).toEqual(['the body is not JSON']);
    expect(checkResponse({ status: 200, contentType: 'text/html', body: '<p>', routed })).toEqual([]);
    expect(checkResponse({ status: 200, contentType: 'application/json', body: { lat: 1, lng: 2, extra: { deep: 1 } }, routed })).toEqual(['extra: not declared by the schema']);
  });
});
