import { Writable } from 'node:stream';

/** Test sinks: streams a writer writes to (not part of the package's build). */

/** Keeps every byte written. */
export class CollectingSink extends Writable {
  readonly chunks: Buffer[] = [];

  constructor(options: { highWaterMark?: number } = {}) {
    super({ highWaterMark: options.highWaterMark ?? 16 * 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    callback();
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/**
 * A sink that takes nothing in while closed: each write's callback waits until `open()`, so its
 * buffer fills and a well-behaved writer has to wait for 'drain'.
 */
export class GatedSink extends CollectingSink {
  private held: (() => void)[] = [];
  private isOpen = false;
  /** Bytes accepted (written and called back) so far. */
  accepted = 0;

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const take = () => {
      this.accepted += chunk.length;
      super._write(chunk, encoding, callback);
    };
    if (this.isOpen) take();
    else this.held.push(take);
  }

  open(): void {
    this.isOpen = true;
    for (const take of this.held.splice(0)) take();
  }
}

/** Fails the write that takes the total over `limit` bytes (a full disk, a reset connection). */
export class FailingSink extends Writable {
  private written = 0;

  constructor(
    private readonly limit: number,
    private readonly message = 'disk full',
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.written += chunk.length;
    callback(this.written > this.limit ? new Error(this.message) : null);
  }
}

/** Resolves once `promise` has settled or after a few turns of the event loop, telling which. */
export async function settlesSoon(promise: Promise<unknown>, turns = 20): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < turns && !settled; i += 1) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}
