import type { RegionAncestor, RegionDetail, RegionSummary } from '@sitenet/domain';
import { onTestFinished } from 'vitest';
import { API_OPERATIONS, type Operation } from '#/api/operations';
import { jsonResponse, stubFetch } from './http';

/** A request the portal made, with its JSON body parsed (a FormData body as sent). */
export interface RecordedRequest {
  method: string;
  url: URL;
  body: unknown;
}

type Handler = (request: RecordedRequest, match: RegExpMatchArray) => Response | Promise<Response>;

interface SchemaIssue {
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
}

/** The Standard Schema validation every domain (zod) schema offers. */
interface Validating {
  '~standard': { validate(value: unknown): { issues?: readonly SchemaIssue[] } | Promise<{ issues?: readonly SchemaIssue[] }> };
}

/** Each operation of api/operations.ts, as a method and a pattern of its path, with its schemas. */
const CONTRACTS = Object.entries(API_OPERATIONS as Record<string, Operation>).map(([key, operation]) => {
  const [method, template] = key.split(' ') as [string, string];
  const pattern = new RegExp(`^${template.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
  return { key, method, pattern, operation };
});
/** The operations with an answer schema. */
const ANSWER_CONTRACTS = CONTRACTS.flatMap(({ operation, ...contract }) => (operation.response ? [{ ...contract, schema: operation.response as unknown as Validating }] : []));
/** The operations that answer with a file (exports). */
const DOWNLOAD_CONTRACTS = CONTRACTS.filter(({ operation }) => operation.download);

const issuePath = (issue: SchemaIssue) => (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.') || '(body)';

/**
 * What is wrong with a 2xx answer the fake serves, measured against the domain schema of the
 * operation it answers (null when it fits or no operation declares that path): a fake that
 * drifts from the API's shapes would let a test pass against a shape the API never sends.
 */
async function answerProblems(method: string, path: string, response: Response): Promise<string | null> {
  if (!response.ok || response.status === 204) return null;
  const contract = ANSWER_CONTRACTS.find((candidate) => candidate.method === method && candidate.pattern.test(path));
  if (!contract) return null;
  let body: unknown;
  try {
    body = JSON.parse(await response.clone().text()) as unknown;
  } catch {
    return null; // not JSON: what the client makes of that is the test's subject
  }
  const { issues } = await contract.schema['~standard'].validate(body);
  if (!issues?.length) return null;
  return `${contract.key} answered with a body its schema refuses: ${issues.slice(0, 5).map((issue) => `${issuePath(issue)}: ${issue.message}`).join('; ')}`;
}

/** The query as the API's schemas read it: a key once is a string, a repeated key a list. */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/**
 * What is wrong with a file download (an export): a query its operation's schema refuses (the API
 * would answer 400, not a file), or a 2xx answer that is not a file to save (no
 * `Content-Disposition: attachment`). Null when it fits or the path is no download.
 */
async function downloadProblems(method: string, path: string, url: URL, response: Response): Promise<string | null> {
  const contract = DOWNLOAD_CONTRACTS.find((candidate) => candidate.method === method && candidate.pattern.test(path));
  if (!contract) return null;
  const schema = contract.operation.query as unknown as Validating | undefined;
  const { issues } = schema ? await schema['~standard'].validate(queryObject(url.searchParams)) : { issues: undefined };
  if (issues?.length) return `${contract.key} was sent a query its schema refuses: ${issues.slice(0, 5).map((issue) => `${issuePath(issue)}: ${issue.message}`).join('; ')}`;
  if (response.ok && !/^attachment\b/.test(response.headers.get('Content-Disposition') ?? '')) return `${contract.key} answered without Content-Disposition: attachment`;
  return null;
}

/**
 * A small fake of the API over a stubbed fetch: routes by method and pathname (under /api),
 * records every request, answers 404 for anything not routed.
 */
export function fakeApi() {
  const routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];
  const requests: RecordedRequest[] = [];
  /** Answers that did not fit their operation's schema: the test fails with them when it ends. */
  const contractProblems: string[] = [];
  onTestFinished(() => {
    if (contractProblems.length > 0) throw new Error(`The fake API served answers the API's schemas refuse:\n${contractProblems.join('\n')}`);
  });
  const fetchMock = stubFetch(async (url, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    // A JSON body parsed; a form (a file upload) as it was sent.
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body instanceof FormData ? init.body : undefined;
    const request = { method, url, body };
    requests.push(request);
    const path = url.pathname.replace(/^\/api/, '');
    for (const route of routes) {
      const match = route.method === method ? path.match(route.pattern) : null;
      if (!match) continue;
      const response = await route.handler(request, match);
      for (const problem of [await answerProblems(method, path, response), await downloadProblems(method, path, url, response)]) {
        if (problem) contractProblems.push(problem);
      }
      return response;
    }
    return jsonResponse({ statusCode: 404, code: 'test.not_routed', message: path, messages: { 'zh-CN': path, en: path } }, 404);
  });

  const api = {
    requests,
    fetchMock,
    contractProblems,
    on(method: string, path: string | RegExp, handler: Handler) {
      const pattern = typeof path === 'string' ? new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : path;
      routes.unshift({ method, pattern, handler }); // later routes win, so a test can override
      return api;
    },
    /** The requests to a path (under /api), e.g. `sent('PATCH', '/sites/…')`. */
    sent(method: string, path: string | RegExp) {
      return requests.filter(
        (request) => request.method === method && (typeof path === 'string' ? request.url.pathname === `/api${path}` : path.test(request.url.pathname)),
      );
    },
  };
  return api;
}

export type FakeApi = ReturnType<typeof fakeApi>;

/** Serves the region endpoints (children, one unit with ancestors) from a flat list of units. */
export function serveRegions(api: FakeApi, regions: RegionSummary[]): void {
  const byCode = new Map(regions.map((region) => [region.code, region]));
  const ancestorsOf = (region: RegionSummary): RegionAncestor[] => {
    const chain: RegionAncestor[] = [];
    let parent = region.parentCode ? byCode.get(region.parentCode) : undefined;
    while (parent) {
      chain.unshift({ code: parent.code, name: parent.name, level: parent.level, type: parent.type });
      parent = parent.parentCode ? byCode.get(parent.parentCode) : undefined;
    }
    return chain;
  };
  const detail = (region: RegionSummary): RegionDetail => ({ ...region, ancestors: ancestorsOf(region) });
  const notFound = (code: string) =>
    jsonResponse({ statusCode: 404, code: 'region.not_found', message: code, messages: { 'zh-CN': code, en: code } }, 404);

  api.on('GET', '/regions', ({ url }) => {
    const parent = url.searchParams.get('parent');
    if (!parent) return jsonResponse({ parent: null, items: regions.filter((region) => region.parentCode === null) });
    const unit = byCode.get(parent);
    if (!unit) return notFound(parent);
    return jsonResponse({ parent: detail(unit), items: regions.filter((region) => region.parentCode === parent) });
  });
  api.on('GET', /^\/regions\/(\d+)$/, (_request, match) => {
    const unit = byCode.get(match[1]!);
    return unit ? jsonResponse(detail(unit)) : notFound(match[1]!);
  });
}
