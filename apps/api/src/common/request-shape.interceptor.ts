import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import express, { type Request, type Response } from 'express';
import type { Observable } from 'rxjs';
import { ApiException } from './api-exception.js';

/** A body sent without signing in (sign-in itself) is a few hundred bytes: 16 kB is generous. */
export const PUBLIC_BODY_LIMIT = '16kb';
/** A signed-in write (a site, a target) stays well under this. */
export const SIGNED_IN_BODY_LIMIT = '1mb';

const readPublicBody = express.json({ limit: PUBLIC_BODY_LIMIT });
const readSignedInBody = express.json({ limit: SIGNED_IN_BODY_LIMIT });

/**
 * What a request may carry is decided once Nest has routed it and the AccessGuard has run (guards
 * run before interceptors, interceptors before the pipes that read `@Body`/`@Query`):
 *
 * - A JSON body is read only for a handler that declares a `@Body`, and only now: a request to a
 *   route that does not exist, to a method that takes no body, or that the guard refused (an
 *   unknown or expired bearer token) is answered without reading a byte of its body (Node
 *   discards it). Its limit follows the route, not the headers: 1 MB only once the guard has
 *   authenticated a signed-in caller (`request.actor`), 16 kB on every public route — sign-in
 *   included, however its path is spelt (`/api/Auth/Login/`). A larger body is refused from its
 *   Content-Length before it is read (the product's 413).
 * - A handler that declares no `@Query` takes no query parameters: any is the product's 400
 *   (`GET /api/accounts?q=…`), so junk is never silently ignored. Handlers that do declare one
 *   parse it with a strict schema.
 */
@Injectable()
export class RequestShapeInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { actor?: unknown }>();
    const response = http.getResponse<Response>();
    const declared = declaredParameters(context);
    if (!declared.has(RouteParamtypes.QUERY) && Object.keys(request.query ?? {}).length > 0) {
      throw new ApiException(400, 'request.unknown_query', {
        'zh-CN': '此接口不接受查询参数，请去掉地址中“?”之后的内容。',
        en: 'This endpoint takes no query parameters; remove what follows “?” in the address.',
      });
    }
    if (declared.has(RouteParamtypes.BODY)) {
      await readBody(request.actor ? readSignedInBody : readPublicBody, request, response);
    }
    return next.handle();
  }
}

function declaredParameters(context: ExecutionContext): Set<number> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, unknown>;
  return new Set(Object.keys(args).map((key) => Number(key.split(':')[0])));
}

function readBody(reader: express.RequestHandler, request: Request, response: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- body-parser's own (http-errors) errors, passed on unchanged
    void reader(request, response, (error?: unknown) => (error ? reject(error) : resolve()));
  });
}
