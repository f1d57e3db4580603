import type { OpenAPIObject } from '@nestjs/swagger';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/openapi/openapi.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();
let document: OpenAPIObject;

beforeAll(() => {
  document = buildOpenApiDocument(t.app);
});

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
/** Statuses whose response has no body by definition. */
const BODILESS = new Set(['204', '304']);

function operations(doc: OpenAPIObject) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ name: `${method.toUpperCase()} ${path}`, responses: Object.entries(operation.responses ?? {}) as [string, { content?: Record<string, { schema?: unknown }> }][] }] : [];
    }),
  );
}

/** Responses (success or error) of the document that say nothing of their body. */
function untypedResponses(doc: OpenAPIObject): string[] {
  return operations(doc).flatMap(({ name, responses }) => [
    ...(responses.some(([status]) => /^2\d\d$/.test(status)) ? [] : [`${name}: no success response declared`]),
    ...responses
      .filter(([status]) => !BODILESS.has(status))
      .filter(([, response]) => !Object.values(response.content ?? {}).some((media) => media.schema))
      .map(([status]) => `${name} ${status}: no content schema`),
  ]);
}

describe('the OpenAPI document (apps/api/openapi.json is this document, see app.spec.ts)', () => {
  it('types every response of every operation: each success and each error has a content schema', () => {
    expect(operations(document).length).toBeGreaterThan(20);
    expect(untypedResponses(document)).toEqual([]);
  });

  it('would notice an operation answering 200 without a schema', () => {
    const broken = structuredClone(document);
    broken.paths['/api/health'].get!.responses['200'] = { description: '' };
    expect(untypedResponses(broken)).toEqual(['GET /api/health 200: no content schema']);
  });
});
