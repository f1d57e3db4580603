import { describe, expect, it } from 'vitest';
import openApiText from '../../../api/openapi.json?raw';
import { API_OPERATIONS, type Operation } from './operations';

interface DocumentedOperation {
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}

/** The API's committed OpenAPI document (apps/api/openapi.json, regenerated from the code and checked in CI). */
const documented = JSON.parse(openApiText) as { paths: Record<string, Record<string, DocumentedOperation>> };

/** The document's operations that `key` ('POST /sites/:id/:action') names: one per matching path. */
function documentedOperations(key: string): Array<{ path: string; operation: DocumentedOperation }> {
  const [method, template] = key.split(' ') as [string, string];
  const pattern = new RegExp(`^/api${template.replace(/:[A-Za-z]+/g, '(\\{[A-Za-z]+\\}|[a-z-]+)')}$`);
  return Object.entries(documented.paths).flatMap(([path, operations]) => {
    const operation = operations[method.toLowerCase()];
    return operation && pattern.test(path) ? [{ path, operation }] : [];
  });
}

/** The component a 2xx answer refers to, 'no content' for a 204, 'file' for an answer that is no JSON (an export). */
function answerOf(operation: DocumentedOperation): string {
  const [status, response] = Object.entries(operation.responses).find(([code]) => code.startsWith('2'))!;
  if (status === '204') return 'no content';
  const mediaTypes = Object.keys(response.content ?? {});
  if (mediaTypes.length > 0 && !mediaTypes.some((type) => type.includes('json'))) return 'file';
  const ref = Object.values(response.content ?? {})[0]?.schema.$ref ?? '(inline)';
  return ref.replace('#/components/schemas/', '');
}

/** The id the domain schema gives itself (`.meta({ id })`): the component the API's document names. */
function idOf({ response: schema, download }: Operation): string {
  if (download) return 'file';
  if (!schema) return 'no content';
  return (schema as unknown as { meta(): { id?: string } | undefined }).meta()?.id ?? '(no id)';
}

describe('the operations the portal calls are the API’s, with the answers it documents', () => {
  it.each(Object.entries(API_OPERATIONS as Record<string, Operation>))('%s', (key, operation) => {
    const found = documentedOperations(key);

    expect(found.map(({ path }) => path)).not.toEqual([]);
    for (const { operation: documentedOperation } of found) expect(answerOf(documentedOperation)).toBe(idOf(operation));
  });
});
