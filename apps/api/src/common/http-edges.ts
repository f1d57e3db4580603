import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { sendGenericError } from './api-exception.filter.js';

/** A body sent without signing in (sign-in itself) is a few hundred bytes: 16 kB is generous. */
export const PUBLIC_BODY_LIMIT = '16kb';
/** A signed-in write (a site, a target) stays well under this. */
export const SIGNED_IN_BODY_LIMIT = '1mb';

const isApi = (request: Request) => request.path === '/api' || request.path.startsWith('/api/');

/**
 * JSON bodies, with a tight limit where no one has signed in: a request without a bearer token
 * can only reach public endpoints, and sign-in is public whatever it carries. A larger body is
 * refused from its Content-Length before it is read (the product's 413), so a megabyte of unknown
 * keys sent to the sign-in no longer costs the server a parse and a 4 MB error.
 */
export function useJsonBodies(app: NestExpressApplication): void {
  const small = express.json({ limit: PUBLIC_BODY_LIMIT });
  const large = express.json({ limit: SIGNED_IN_BODY_LIMIT });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const signedIn = typeof request.headers.authorization === 'string' && request.path !== '/api/auth/login';
    return (signedIn ? large : small)(request, response, next);
  });
}

/**
 * A URI whose path does not decode (`/%`, a cut UTF-8 sequence) is the product's 400 wherever it
 * points, before the portal's files or history fallback could answer it. Registered before the portal.
 */
export function refuseMalformedPaths(app: NestExpressApplication): void {
  app.use((request: Request, response: Response, next: NextFunction) => (decodes(request.path) ? next() : sendGenericError(request, response, 400)));
}

/**
 * Outside /api (where Nest's own not-found and error handlers do not reach), whatever the portal
 * does not serve — another method, a file that is not there, a URI that does not decode — gets
 * the product's JSON error instead of Express's English HTML page. Registered after the portal.
 */
export function answerOutsideApi(app: NestExpressApplication): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApi(request)) return next();
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
