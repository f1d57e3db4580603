import { Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DatabaseOutage, isDatabaseUnavailable } from '../common/database-outage.js';
import { AuthService } from './auth.service.js';

/** How often ended sessions and quiet sign-in counts are deleted. */
export const SESSION_PURGE_INTERVAL_MS = 10 * 60_000;

/**
 * Deletes ended sign-ins (expired or revoked) and quiet sign-in counts, in batches: first just
 * after start (never awaited: a backlog does not hold up startup), then on an interval timer
 * that never keeps the process alive and stops when the app closes. Several instances may purge
 * at once; deleting what is already gone is harmless. A failing purge is logged once until one
 * succeeds again; while the database cannot be reached, DatabaseOutage says so once per outage.
 */
@Injectable()
export class SessionJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SessionJanitor');
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private failing = false;

  constructor(
    private readonly auth: AuthService,
    @Optional() private readonly outage?: DatabaseOutage,
  ) {}

  onApplicationBootstrap(): void {
    this.first = setTimeout(() => void this.runOnce(), 0);
    this.first.unref();
    this.timer = setInterval(() => void this.runOnce(), SESSION_PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
    this.first = null;
    this.timer = null;
    await this.running;
  }

  /** Whether the timer is set (for tests: it stops on close). */
  get scheduled(): boolean {
    return this.timer !== null;
  }

  /** One purge; a failure (the database away) is logged once and retried at the next tick. */
  runOnce(): Promise<void> {
    this.running ??= this.auth
      .purgeEnded()
      .then((purged) => {
        if (this.failing) this.logger.log('Purging ended sessions works again');
        this.failing = false;
        if (purged.sessions || purged.attempts) this.logger.log({ purged }, 'Purged ended sessions and quiet sign-in counts');
      })
      .catch((error: unknown) => {
        if (isDatabaseUnavailable(error) && this.outage) this.outage.report(error);
        else if (!this.failing) this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'Purging ended sessions failed; will retry (logged once until it works again)');
        this.failing = true;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
