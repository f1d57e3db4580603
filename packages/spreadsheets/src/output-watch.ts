import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** What a stream failed with, as an Error (a stream may be destroyed with anything). */
export function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error('The output stream failed', { cause: reason });
}

/**
 * Whether a write to `stream` was refused until 'drain'. Streams of the readable-stream 2 line
 * (which exceljs's zip, archiver, uses) have no `writableNeedDrain`, only the state it reads.
 */
export function needsDrain(stream: Writable): boolean {
  return stream.writableNeedDrain ?? (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ?? false;
}

/**
 * Watches the stream a file is written to: its first error, or its closing before the file was
 * finished (a client that went away), fails the writer, so a caller's next `row()` or `finish()`
 * rejects instead of writing into nothing or waiting for a 'drain' that never comes.
 */
export class OutputWatch {
  failure: Error | undefined;
  /** Rejects when the output fails; never resolves. */
  readonly broken: Promise<never>;

  constructor(out: Writable) {
    this.broken = new Promise<never>((_, reject) => {
      out.on('error', (error) => {
        this.failure ??= asError(error);
        reject(this.failure);
      });
      out.on('close', () => {
        if (out.writableFinished) return;
        this.failure ??= new Error('The output stream closed before the file was finished');
        reject(this.failure);
      });
    });
    this.broken.catch(() => undefined); // observed through check(), drained() and until()
  }

  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Waits while `stream` is full: its 'drain', or the output's failure. */
  async drained(stream: Writable): Promise<void> {
    this.check();
    if (!needsDrain(stream)) return;
    const stop = new AbortController(); // removes the 'drain' listener when the output fails first
    try {
      await Promise.race([once(stream, 'drain', { signal: stop.signal }), this.broken]);
    } finally {
      stop.abort();
    }
  }

  /** `work`, or the output's failure if that comes first. */
  until<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.broken]);
  }
}
