import { Injectable } from '@nestjs/common';
import { chinaToday } from '@sitenet/domain';

/**
 * The time outcome reports are stamped with and lateness is judged by: the system clock, or for
 * a test one set to a given moment (`set`), from which time runs on as usual (so actions taken
 * one after the other keep their order).
 */
@Injectable()
export class OutcomeClock {
  private offsetMs = 0;

  /** Tests only: the clock reads `at` now and runs on from there; null: the system clock. */
  set(at: Date | null): void {
    this.offsetMs = at ? at.getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today in China (YYYY-MM-DD), where the due days fall. */
  today(): string {
    return chinaToday(this.now());
  }
}
