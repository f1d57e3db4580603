import type { RegionAncestor, RegionDetail, RegionSummary } from '@sitenet/domain';
import { jsonResponse, stubFetch } from './http';

/** A request the portal made, with its JSON body parsed. */
export interface RecordedRequest {
  method: string;
  url: URL;
  body: unknown;
}

type Handler = (request: RecordedRequest, match: RegExpMatchArray) => Response | Promise<Response>;

/**
 * A small fake of the API over a stubbed fetch: routes by method and pathname (under /api),
 * records every request, answers 404 for anything not routed.
 */
export function fakeApi() {
  const routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];
  const requests: RecordedRequest[] = [];
  const fetchMock = stubFetch((url, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const request = { method, url, body };
    requests.push(request);
    const path = url.pathname.replace(/^\/api/, '');
    for (const route of routes) {
      const match = route.method === method ? path.match(route.pattern) : null;
      if (match) return route.handler(request, match);
    }
    return jsonResponse({ statusCode: 404, code: 'test.not_routed', message: path, messages: { 'zh-CN': path, en: path } }, 404);
  });

  const api = {
    requests,
    fetchMock,
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
