import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { genericErrorBody, sendGenericError } from './api-exception.filter.js';

/**
 * Whether a request is for the API. Repeated slashes are folded first (`//api/health` is
 * `/api/health` to a reader), so such a path gets the API's JSON 404 rather than the portal's page.
 */
export const isApiPath = (path: string) => {
  const folded = path.replace(/\/{2,}/g, '/');
  return folded === '/api' || folded.startsWith('/api/');
};
const isApi = (request: Request) => isApiPath(request.path);

/**
 * A path the portal's history fallback may answer with index.html: `/`, or segments of letters,
 * digits, `-` and `_` (every route the portal has, its own not-found page included). Anything
 * else — a dot segment (`/%2e%2e/…`, `/.env`), an encoded byte (`/%00`), an empty segment — is
 * not a page, and gets the product's JSON 404 instead of a page that pretends it exists.
 */
export const looksLikePortalRoute = (path: string) => /^(?:\/[A-Za-z0-9_-]+)*\/?$/.test(path);

/**
 * The body limits are decided per route after routing and authentication: see
 * RequestShapeInterceptor (common/request-shape.interceptor.ts).
 */

/**
 * A URI whose path does not decode (`/%`, a cut UTF-8 sequence) is the product's 400 wherever it
 * points, before the portal's files or history fallback could answer it. Registered before the portal.
 */
export function refuseMalformedPaths(app: NestExpressApplication): void {
  app.use((request: Request, response: Response, next: NextFunction) =>
    decodes(request.path) && queryDecodes(request.url) ? next() : sendGenericError(request, response, 400),
  );
}

/**
 * Every name and value of the query string is valid percent-encoded UTF-8 (`?q=%FF` or an encoded
 * surrogate `%ED%A0%80` is a 400 like the same bytes in a path, instead of silently becoming
 * U+FFFD in a search).
 */
function queryDecodes(url: string): boolean {
  const mark = url.indexOf('?');
  if (mark < 0) return true;
  return url
    .slice(mark + 1)
    .split(/[&=]/)
    .every((part) => decodes(part.replace(/\+/g, ' ')));
}

/**
 * Outside /api (where Nest's own not-found and error handlers do not reach), whatever the portal
 * does not serve — another method, a file that is not there, a URI that does not decode — gets
 * the product's JSON error instead of Express's English HTML page. Registered after the portal.
 */
export function answerOutsideApi(app: NestExpressApplication): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    // Only a path Nest can route goes on: `//api/health` (outside Nest's /api prefix) is a 404 here.
    if (request.path === '/api' || request.path.startsWith('/api/')) return next();
    sendGenericError(request, response, decodes(request.path) ? 404 : 400);
  });
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (isApi(request)) return next(error);
    const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
    sendGenericError(request, response, typeof status === 'number' && status >= 400 && status < 500 ? status : 500);
  });
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A request Node's HTTP parser refuses before any handler sees it (a URL or headers over 16 kB, a
 * `Content-Length: abc`, bytes that are not a request line) gets the product's JSON 400 (431 for
 * oversized headers, 408 for a request that took too long), then the connection is closed — not
 * the empty `400 Bad Request` Node writes by default. Nothing is written to a socket that is
 * already closing or has started a response.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { bytesParsed?: number }, socket: Socket) => {
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    if (error.code === 'ECONNRESET' || !socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(genericErrorBody(status, undefined));
    const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
