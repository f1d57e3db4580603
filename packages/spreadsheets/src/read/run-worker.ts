import { Worker } from 'node:worker_threads';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import type { ParseOutcome, ParseRequest } from './parse-worker.js';

/** The worker's heap limit: a file that needs more is refused (file.too_complex), the process lives. */
export const WORKER_HEAP_MB = 512;
/**
 * The least heap a worker is given: below a few MB V8 cannot even set the isolate up, and that
 * failure ("GC during deserialization") is fatal to the whole process, not the worker (measured:
 * 2 MB kills it, 8 MB boots and fails cleanly with ERR_WORKER_OUT_OF_MEMORY).
 */
export const MIN_WORKER_HEAP_MB = 16;

/**
 * The worker file beside this one: parse-worker.js when running built (dist), parse-worker.ts when
 * a test imports the package's source (Node 26 runs erasable TypeScript directly).
 */
function workerUrl(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./parse-worker${extension}`, import.meta.url);
}

export interface WorkerLimits {
  /** Milliseconds before the worker is stopped (file.timeout). */
  timeoutMs?: number;
  heapMb?: number;
  signal?: AbortSignal;
}

/**
 * Parses in a worker thread with a heap limit and a time limit. Resolves with the worker's
 * outcome, a timeout or out-of-memory refusal; rejects only with the caller's abort reason.
 */
export function parseInWorker(request: ParseRequest, limits: WorkerLimits = {}): Promise<ParseOutcome> {
  const timeoutMs = limits.timeoutMs ?? IMPORT_LIMITS.maxParseSeconds * 1000;
  return new Promise<ParseOutcome>((resolve, reject) => {
    if (limits.signal?.aborted) {
      reject(limits.signal.reason as Error);
      return;
    }
    const worker = new Worker(workerUrl(), {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: Math.max(MIN_WORKER_HEAP_MB, limits.heapMb ?? WORKER_HEAP_MB), maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      limits.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      settle();
    };
    const timer = setTimeout(() => finish(() => resolve({ ok: false, code: 'file.timeout', detail: {} })), timeoutMs);
    const onAbort = () => finish(() => reject(limits.signal!.reason as Error));
    limits.signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (outcome: ParseOutcome) => finish(() => resolve(outcome)));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => resolve(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, code: 'file.too_complex', detail: {} } : { ok: false, code: 'file.corrupt', detail: { reason: error.message.slice(0, 120) } })),
    );
    worker.once('exit', (code) => finish(() => resolve({ ok: false, code: 'file.corrupt', detail: { reason: `reader stopped (${code})` } })));
  });
}
