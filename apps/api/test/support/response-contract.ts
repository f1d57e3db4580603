import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DECORATORS } from '@nestjs/swagger';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { apiErrorSchema } from '@sitenet/domain/schemas';

/**
 * Every response body the API tests receive is parsed with the schema its handler declares for the
 * status sent (`@ApiOkResponse({ standardSchema })` and the like: the same declaration the OpenAPI
 * document is built from), and every error body with its declared schema or else `apiErrorSchema`.
 * A body that does not parse, carries a field its schema does not declare, or comes from a handler
 * that declares nothing for that status is a mismatch: the response becomes a 500 naming it, and
 * the test fails after it in any case (test/support/response-contract.setup.ts). A success that is
 * not JSON (a streamed download) must come from a handler that declares that media type as the
 * status's `content` (`@ApiOkResponse({ content: { 'text/csv; charset=utf-8': … } })`); it is
 * checked when its headers go out, and a mismatch fails the test.
 */

/** What `standardSchema` holds (a zod schema here): the Standard Schema interface, as much of it as is read. */
interface StandardSchema {
  '~standard': { validate: (value: unknown) => StandardResult | Promise<StandardResult> };
}
type StandardResult = { value: unknown; issues?: undefined } | { issues: readonly { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] }[] };

/** A handler's declared responses by status: a JSON body's schema, or the media types of a file (`content`). */
type Declared = Record<string, { standardSchema?: StandardSchema; content?: Record<string, unknown> } | undefined>;

interface Routed {
  handler: string;
  declared: Declared;
}

const ROUTED = Symbol('declared responses');
const mismatches: string[] = [];

/** The mismatches found since the last call (and forgets them). */
export function takeMismatches(): string[] {
  return mismatches.splice(0);
}

/** Marks each routed request with its handler's declared responses (class-level ones included). */
class DeclaredResponsesInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const handler = context.getHandler();
      const controller = context.getClass();
      const declared: Declared = {
        ...((Reflect.getMetadata(DECORATORS.API_RESPONSE, controller) as Declared | undefined) ?? {}),
        ...((Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) as Declared | undefined) ?? {}),
      };
      const response = context.switchToHttp().getResponse<Response & { [ROUTED]?: Routed }>();
      response[ROUTED] = { handler: `${controller.name}.${handler.name}`, declared };
    }
    return next.handle();
  }
}

/**
 * Installs the check on an application (before `init`). The hook is set on each response as the
 * HTTP server receives the request, before any middleware: bodies sent by the middlewares ahead
 * of Nest's routes (a malformed path, a path outside /api) are checked too.
 */
export function checkResponses(app: NestExpressApplication): void {
  app.useGlobalInterceptors(new DeclaredResponsesInterceptor());
  const server: Server = app.getHttpServer();
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const reply = response as Response & { [ROUTED]?: Routed };
    let checked = false;
    // Express gives the response its methods (send among them) later: look the original up when called.
    const send = (body?: unknown): Response => (Object.getPrototypeOf(reply) as Response).send.call(reply, body);
    const writeHead = reply.writeHead.bind(reply) as (...args: unknown[]) => ServerResponse;
    // A streamed response (no send): its content type is checked when its headers go out.
    (reply as { writeHead: (...args: unknown[]) => ServerResponse }).writeHead = (...args: unknown[]) => {
      const contentType = String(reply.getHeader('content-type') ?? '');
      if (!checked && !/json/.test(contentType)) {
        checked = true;
        const status = typeof args[0] === 'number' ? args[0] : reply.statusCode;
        const problems = checkResponse({ status, contentType, body: undefined, routed: reply[ROUTED] });
        if (problems.length) mismatches.push(`${request.method} ${request.url} → ${status} (${reply[ROUTED]?.handler ?? 'no handler'}): ${problems.join('; ')}`);
      }
      return writeHead(...args);
    };
    reply.send = (body?: unknown) => {
      if (checked) return send(body);
      checked = true;
      const problems = checkResponse({ status: reply.statusCode, contentType: String(reply.getHeader('content-type') ?? ''), body, routed: reply[ROUTED] });
      if (!problems.length) return send(body);
      const report = `${request.method} ${request.url} → ${reply.statusCode} (${reply[ROUTED]?.handler ?? 'no handler'}): ${problems.join('; ')}`;
      mismatches.push(report);
      reply.status(500).type('application/json');
      return send(JSON.stringify({ statusCode: 500, code: 'test.response_contract', message: report }));
    };
  });
}

/** What is wrong with one response, as lines (none when it matches its declaration). */
export function checkResponse({ status, contentType, body, routed }: { status: number; contentType: string; body: unknown; routed: Routed | undefined }): string[] {
  if (!/json/.test(contentType)) return fileProblems(status, contentType, routed);
  let value: unknown;
  try {
    value = typeof body === 'string' || Buffer.isBuffer(body) ? JSON.parse(body.toString()) : body;
  } catch {
    return ['the body is not JSON'];
  }
  const declared = routed?.declared[String(status)]?.standardSchema;
  if (status >= 400) return problemsWith(declared ?? apiErrorSchema, value);
  // 2xx from outside a controller (the OpenAPI document itself) have no declaration to check.
  if (!routed) return [];
  if (!declared) return [`${routed.handler} declares no response schema for status ${status}`];
  return problemsWith(declared, value);
}

/**
 * A success that is not JSON: only from a handler declaring that media type for the status.
 * Responses outside a controller (the portal's files, the OpenAPI page), redirects, 304s and
 * bodiless answers (204) carry no declaration to check.
 */
function fileProblems(status: number, contentType: string, routed: Routed | undefined): string[] {
  // a 204 (or any answer without a content type) has no body to declare
  if (!routed || status < 200 || status >= 300 || status === 204 || !contentType) return [];
  const sent = normalMediaType(contentType);
  const declared = Object.keys(routed.declared[String(status)]?.content ?? {});
  if (declared.some((type) => normalMediaType(type) === sent)) return [];
  return [`${routed.handler} declares no ${sent || 'untyped'} content for status ${status}${declared.length ? ` (declared: ${declared.join(', ')})` : ''}`];
}

/** `Text/CSV;charset=UTF-8` and `text/csv; charset=utf-8` are the same media type. */
function normalMediaType(type: string): string {
  return type
    .split(';')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean)
    .join('; ');
}

function problemsWith(schema: StandardSchema, value: unknown): string[] {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) return ['the declared schema is asynchronous'];
  if (result.issues) return result.issues.slice(0, 10).map((issue) => `${pathOf(issue.path)}: ${issue.message}`);
  return undeclared(value, result.value, '');
}

function pathOf(path: readonly (PropertyKey | { key: PropertyKey })[] | undefined): string {
  return (path ?? []).map((segment) => (typeof segment === 'object' ? String(segment.key) : String(segment))).join('.') || '(body)';
}

/** Fields the body has and the parsed value lacks: the schema does not declare them (zod objects strip what they do not know). */
function undeclared(sent: unknown, parsed: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) return sent.flatMap((item, index) => undeclared(item, parsed[index], `${at}${at ? '.' : ''}${index}`));
  if (!isRecord(sent) || !isRecord(parsed)) return [];
  return Object.keys(sent).flatMap((key) => {
    const path = `${at}${at ? '.' : ''}${key}`;
    return key in parsed ? undeclared(sent[key], parsed[key], path) : [`${path}: not declared by the schema`];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
