import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuthService } from './auth.service.js';

/** How often ended sessions and quiet sign-in counts are deleted. */
export const SESSION_PURGE_INTERVAL_MS = 10 * 60_000;

/**
 * Deletes ended sign-ins (expired or revoked) and quiet sign-in counts: once at start, then on
 * an interval timer that never keeps the process alive and stops when the app closes. Several
 * instances may purge at once; deleting what is already gone is harmless.
 */
@Injectable()
export class SessionJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SessionJanitor');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly auth: AuthService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), SESSION_PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Whether the timer is set (for tests: it stops on close). */
  get scheduled(): boolean {
    return this.timer !== null;
  }

  /** One purge; a failure (the database away) is logged and retried at the next tick. */
  runOnce(): Promise<void> {
    this.running ??= this.auth
      .purgeEnded()
      .then((purged) => {
        if (purged.sessions || purged.attempts) this.logger.log({ purged }, 'Purged ended sessions and quiet sign-in counts');
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'Purging ended sessions failed; will retry');
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
