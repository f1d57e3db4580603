import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Seconds a client is asked to wait (Retry-After) while the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 5;

/** Socket-level failures: the server is not there, went away or cannot be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/** PostgreSQL's own: shutting down, starting up or recovering, too many connections. */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /client has encountered a connection error/i, /connection refused/i, /the database system is (starting up|shutting down|in recovery mode)/i];

/**
 * Whether an error says the database cannot be reached (as opposed to a bad query): the
 * request should be answered 503 and tried again later, not 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, driverError, cause } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_STATES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/**
 * Tracks an outage of the database so that it is logged once when it starts and once when it
 * ends, however many requests fail meanwhile (each of them answers 503 with Retry-After). While
 * down, a probe asks the database once a second whether it is back.
 */
@Injectable()
export class DatabaseOutage implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private downSince: number | null = null;
  private failures = 0;
  private probe: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** A request failed because the database cannot be reached. */
  report(error: unknown): void {
    this.failures++;
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.failures = 1;
    const { name, message, code } = error as { name?: string; message?: string; code?: string };
    this.logger.error({ err: { name, message, ...(code ? { code } : {}) } }, 'database unreachable: requests answer 503 until it is back');
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    this.probe = setTimeout(() => {
      this.dataSource.query('SELECT 1').then(
        () => {
          const seconds = ((Date.now() - (this.downSince ?? Date.now())) / 1000).toFixed(1);
          this.logger.log(`database reachable again after ${seconds} s (${this.failures} requests answered 503 meanwhile)`);
          this.downSince = null;
          this.failures = 0;
        },
        () => this.scheduleProbe(),
      );
    }, 1000);
    this.probe.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.probe);
  }
}
