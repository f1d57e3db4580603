import { Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Seconds a client is asked to wait (Retry-After) while the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 5;

/** Socket-level failures: the server is not there, went away or cannot be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/** PostgreSQL's own: shutting down, starting up or recovering. */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03']);
/**
 * SQLSTATE class 53, insufficient resources: 53100 disk_full, 53200 out_of_memory, 53300
 * too_many_connections, 53400 configuration_limit_exceeded. Not the request's fault and not a
 * bug: like an outage, 503 with Retry-After, logged once per episode.
 */
const RESOURCE_CLASS = '53';
/** After a class-53 failure, the database counts as short of resources for this long (SELECT 1 still works on a full disk). */
export const RESOURCE_EPISODE_MS = 30_000;
const MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /client has encountered a connection error/i, /connection refused/i, /the database system is (starting up|shutting down|in recovery mode)/i];

/**
 * Whether an error says the database cannot be reached (as opposed to a bad query): the
 * request should be answered 503 and tried again later, not 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, driverError, cause } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_STATES.has(code) || code.startsWith('08') || code.startsWith(RESOURCE_CLASS))) return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/** The SQLSTATE of class 53 (insufficient resources) in `error` or its causes, if any. */
export function resourceShortage(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== 'object' || depth > 3) return null;
  const { code, driverError, cause } = error as { code?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof code === 'string' && code.startsWith(RESOURCE_CLASS)) return code;
  return resourceShortage(driverError, depth + 1) ?? resourceShortage(cause, depth + 1);
}

const RESOURCE_NAMES: Record<string, string> = { '53100': 'disk full', '53200': 'out of memory', '53300': 'too many connections', '53400': 'configuration limit exceeded' };

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
  /** When a class-53 failure (disk full …) was last seen: the episode lasts RESOURCE_EPISODE_MS beyond it. */
  private lastShortage: number | null = null;
  private probe: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** A request failed because the database cannot be reached or is out of resources (class 53). */
  report(error: unknown): void {
    this.failures++;
    const shortage = resourceShortage(error);
    if (shortage) this.lastShortage = Date.now();
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.failures = 1;
    const { name, message } = error as { name?: string; message?: string };
    const code = shortage ?? (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
    this.logger.error(
      { err: { name, message, ...(code ? { code } : {}) } },
      shortage
        ? `database out of resources (SQLSTATE ${shortage}, ${RESOURCE_NAMES[shortage] ?? 'insufficient resources'}): requests that need them answer 503 until it is resolved`
        : 'database unreachable: requests answer 503 until it is back',
    );
    this.scheduleProbe();
  }

  private get shortOfResources(): boolean {
    return this.lastShortage !== null && Date.now() - this.lastShortage < RESOURCE_EPISODE_MS;
  }

  private scheduleProbe(): void {
    this.probe = setTimeout(() => {
      this.dataSource.query('SELECT 1').then(
        () => {
          // A full disk still answers SELECT 1: the episode ends once no request has hit it for a while.
          if (this.shortOfResources) return this.scheduleProbe();
          this.lastShortage = null;
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

/**
 * The one DatabaseOutage of the application, for the modules that report or ask about an outage
 * (auth's session janitor, health, the exception filter through HealthModule). It sits in
 * common/ below them all, so none of them depends on another to reach it.
 */
@Module({ providers: [DatabaseOutage], exports: [DatabaseOutage] })
export class DatabaseOutageModule {}
