import type { ApiErrorBody } from '@sitenet/domain';
import { vi } from 'vitest';

/** The product's JSON error body: a status, a code, the message in Chinese and English, and any extra fields. */
export function apiError<Extra extends object = object>(statusCode: number, code: string, zh: string, en: string, extra?: Extra): ApiErrorBody & Extra {
  return { statusCode, code, message: zh, messages: { 'zh-CN': zh, en }, ...(extra as Extra) };
}

/** A JSON response as the API sends it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A file as the API's exports send it: the bytes, their media type and `Content-Disposition: attachment` with the UTF-8 name. */
export function fileResponse(body: BlobPart, { type, fileName }: { type: string; fileName: string }, status = 200): Response {
  return new Response(new Blob([body], { type }), {
    status,
    headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(fileName)}` },
  });
}

export type FetchHandler = (url: URL, init: RequestInit | undefined) => Response | Promise<Response>;

/**
 * Replaces global fetch with `handler` (unstubbed after each test by vitest's `unstubGlobals`).
 * The handler sees the parsed URL, so tests route on pathname and query instead of raw strings.
 */
export function stubFetch(handler: FetchHandler) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return handler(new URL(raw, 'http://portal.test'), init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** A fetch that never settles, to observe loading states. */
export function pendingForever(): Promise<Response> {
  return new Promise<Response>(() => {});
}
