import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { runWorker, workerBeside } from '../worker-run.js';
import type { ParseOutcome, ParseRequest } from './parse-worker.js';

/** The worker's heap limit: a file that needs more is refused (file.too_complex), the process lives. */
export const WORKER_HEAP_MB = 512;
/**
 * The least heap a worker is given: below a few MB V8 cannot even set the isolate up, and that
 * failure ("GC during deserialization") is fatal to the whole process, not the worker (measured:
 * 2 MB kills it, 8 MB boots and fails cleanly with ERR_WORKER_OUT_OF_MEMORY).
 */
export const MIN_WORKER_HEAP_MB = 16;

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
  return runWorker<ParseOutcome>(workerBeside(import.meta.url, 'parse-worker'), request, {
    heapMb: Math.max(MIN_WORKER_HEAP_MB, limits.heapMb ?? WORKER_HEAP_MB),
    timeoutMs: limits.timeoutMs ?? IMPORT_LIMITS.maxParseSeconds * 1000,
    signal: limits.signal,
    onTimeout: () => ({ ok: false, code: 'file.timeout', detail: {} }),
    onError: (error) => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, code: 'file.too_complex', detail: {} } : { ok: false, code: 'file.corrupt', detail: { reason: error.message.slice(0, 120) } }),
    onExit: (code) => ({ ok: false, code: 'file.corrupt', detail: { reason: `reader stopped (${code})` } }),
  });
}
