import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/config.js';
import { requestIdFor } from './request-id.js';

type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string; actor?: { id?: string } };

/**
 * A request's path with the values of its query left out (`/api/sites?q&page`): search words
 * and filters can be personal data, and the keys say enough for an operator.
 */
export function loggablePath(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url.slice(0, 500);
  const keys = url
    .slice(question + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=')[0].slice(0, 40));
  return `${url.slice(0, Math.min(question, 500))}?${[...new Set(keys)].slice(0, 20).join('&')}`;
}

function requestLine(req: LoggedRequest, res: ServerResponse, responseTime: number): Record<string, unknown> {
  return {
    method: req.method,
    path: loggablePath(req.originalUrl ?? req.url ?? ''),
    status: res.statusCode,
    ms: responseTime,
    ...(req.actor?.id ? { account: req.actor.id } : {}),
  };
}

/**
 * Logging at a volume an operator can keep for a year: one compact JSON line per request
 * (method, path without query values, status, milliseconds, request id, account id; no headers,
 * ~200 bytes), and errors in full (ApiExceptionFilter logs them with their stack and the same
 * request id). Health probes are not logged.
 */
export function requestLogParams(config: AppConfig, destination?: DestinationStream): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        genReqId: requestIdFor,
        // Lines logged while handling a request carry only its id, never the request object.
        quietReqLogger: true,
        quietResLogger: true,
        customAttributeKeys: { reqId: 'requestId' },
        autoLogging: { ignore: (request) => (request.url ?? '').startsWith('/api/health') },
        customSuccessMessage: () => 'request',
        customErrorMessage: () => 'request failed',
        customSuccessObject: (req, res, value: { responseTime: number }) => requestLine(req, res, value.responseTime),
        customErrorObject: (req, res, _error, value: { responseTime: number }) => requestLine(req, res, value.responseTime),
        // A 503 while the database is away is logged once per outage (DatabaseOutage), not as an error per request.
        customLogLevel: (_req, res, error) => (error || (res.statusCode >= 500 && res.statusCode !== 503) ? 'error' : 'info'),
        redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      },
      ...(destination ? [destination] : []),
    ] as Params['pinoHttp'],
  };
}
