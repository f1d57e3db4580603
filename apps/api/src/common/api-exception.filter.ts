import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, Optional, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { localeFromAcceptLanguage, type ApiErrorBody, type LocalizedText } from '@sitenet/domain';
import { ApiException } from './api-exception.js';
import { DatabaseOutage, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-outage.js';

const GENERIC: Record<number, { code: string; messages: LocalizedText }> = {
  400: { code: 'request.invalid', messages: { 'zh-CN': '请求格式不正确，请检查后重试。', en: 'The request is malformed; check it and try again.' } },
  401: { code: 'auth.required', messages: { 'zh-CN': '请先登录。', en: 'Please sign in first.' } },
  403: { code: 'auth.forbidden', messages: { 'zh-CN': '您没有执行此操作的权限。', en: 'You are not allowed to do this.' } },
  404: { code: 'route.not_found', messages: { 'zh-CN': '请求的地址不存在。', en: 'There is nothing at this address.' } },
  405: { code: 'method.not_allowed', messages: { 'zh-CN': '此地址不支持该请求方法。', en: 'This address does not accept that method.' } },
  408: { code: 'request.timeout', messages: { 'zh-CN': '请求发送超时，请重试。', en: 'The request took too long to arrive; try again.' } },
  413: { code: 'request.too_large', messages: { 'zh-CN': '请求内容过大。', en: 'The request is too large.' } },
  415: { code: 'request.unsupported_media_type', messages: { 'zh-CN': '不支持的内容类型，请以 JSON 提交。', en: 'Unsupported content type; send JSON.' } },
  431: { code: 'request.headers_too_large', messages: { 'zh-CN': '请求地址或请求头过长。', en: 'The address or the headers of the request are too long.' } },
  429: { code: 'rate.limited', messages: { 'zh-CN': '请求过于频繁，请稍后再试。', en: 'Too many requests; wait a moment and try again.' } },
  500: { code: 'internal', messages: { 'zh-CN': '服务器内部错误，请稍后再试；如仍有问题，请把请求编号告知管理员。', en: 'Something went wrong on the server. Try again later; if it persists, give the administrator the request id.' } },
  503: { code: 'unavailable', messages: { 'zh-CN': '服务暂时不可用，请稍后再试。', en: 'The service is unavailable; try again later.' } },
};

function genericFor(status: number) {
  return GENERIC[status] ?? (status >= 500 ? GENERIC[500] : GENERIC[400]);
}

/**
 * The product's error for a request that never reaches Nest (outside /api: a method the portal
 * does not serve, a URI that does not decode, a file that is not there), so that no error is
 * Express's English HTML page.
 */
export function sendGenericError(request: Request & { id?: unknown }, response: Response, status: number): void {
  const requestId = typeof request.id === 'string' ? request.id : undefined;
  response.status(status).json(genericErrorBody(status, request.headers['accept-language'], requestId));
}

/** The product's error body for a status, in the language asked for (Chinese by default). */
export function genericErrorBody(status: number, acceptLanguage: string | undefined, requestId?: string): ApiErrorBody {
  const { code, messages } = genericFor(status);
  const locale = localeFromAcceptLanguage(acceptLanguage);
  return { statusCode: status, code, message: messages[locale], messages, ...(requestId ? { requestId } : {}) };
}

/**
 * Every error leaves the API as an `ApiErrorBody`: a code, the message in the caller's
 * language plus both languages, field issues, and the request id. Stack traces stay in the log.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(@Optional() private readonly outage?: DatabaseOutage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const locale = localeFromAcceptLanguage(request.headers['accept-language']);
    const requestId = typeof request.id === 'string' ? request.id : undefined;

    let status: number;
    let code: string;
    let messages: LocalizedText;
    let issues: ApiErrorBody['issues'];
    let details: Record<string, unknown> = {};
    if (exception instanceof ApiException) {
      status = exception.getStatus();
      code = exception.code;
      messages = exception.messages;
      issues = exception.issues?.map((issue) => ({ ...issue, message: issue.messages[locale] }));
      details = exception.details ?? {};
      if (typeof details.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(details.retryAfterSeconds));
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      ({ code, messages } = genericFor(status));
    } else if (isBodyParserError(exception)) {
      status = exception.status;
      ({ code, messages } = genericFor(status));
    } else if (isDatabaseUnavailable(exception)) {
      // Not the request's fault nor a bug: try again shortly. Logged once per outage, not per request.
      status = HttpStatus.SERVICE_UNAVAILABLE;
      code = 'database.unavailable';
      messages = { 'zh-CN': '暂时无法连接数据库，请稍后重试。', en: 'The database cannot be reached right now; try again shortly.' };
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      this.outage?.report(exception);
    } else {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      ({ code, messages } = genericFor(status));
    }
    if (status >= 500 && code !== 'database.unavailable') this.logger.error({ err: loggable(exception), requestId }, 'Unhandled error');
    const body: ApiErrorBody = { ...details, statusCode: status, code, message: messages[locale], messages, ...(issues ? { issues } : {}), ...(requestId ? { requestId } : {}) };
    response.status(status).json(body);
  }
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return typeof error === 'object' && error !== null && 'type' in error && typeof (error as { status?: unknown }).status === 'number';
}

/**
 * What of an unexpected error goes to the log: its name, message, database error code and stack —
 * never a query's parameters, which carry personal data and password hashes.
 */
function loggable(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const driverCode = (error as { driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(driverCode ? { code: driverCode } : {}), stack: error.stack };
}
