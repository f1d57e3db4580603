import type { Locale } from '@sitenet/domain';
import type { AnnotatedFacts, AnnotatedFile, AnnotatedIssue } from './annotated-write.js';
import type { AnnotateOutcome, AnnotateRequest } from './annotated-worker.js';
import { runWorker, workerBeside } from './worker-run.js';

export type { AnnotatedFacts, AnnotatedFile, AnnotatedIssue } from './annotated-write.js';

/**
 * Writing an annotated file is seconds of exceljs work for a large file (20,000 rows: ~5–14 s, in
 * blocks of up to 6.5 s). On the API's thread that would stall every other request, so it runs in
 * a worker thread, with a heap limit and a time limit, as the reader does (read/run-worker.ts).
 */
export const ANNOTATE_HEAP_MB = 1024;
export const ANNOTATE_TIMEOUT_MS = 180_000;

export interface AnnotateLimits {
  timeoutMs?: number;
  heapMb?: number;
}

/** The uploaded file with its issues written in (annotated-write.ts), built in a worker thread; rejects when it cannot be. */
export async function writeAnnotated(bytes: Uint8Array, facts: AnnotatedFacts, issues: AnnotatedIssue[], lang: Locale, limits: AnnotateLimits = {}): Promise<AnnotatedFile> {
  const request: AnnotateRequest = { bytes, facts, issues, lang };
  const outcome = await runWorker<AnnotateOutcome>(workerBeside(import.meta.url, 'annotated-worker'), request, {
    heapMb: limits.heapMb ?? ANNOTATE_HEAP_MB,
    timeoutMs: limits.timeoutMs ?? ANNOTATE_TIMEOUT_MS,
    onTimeout: () => ({ ok: false, reason: 'the file took too long to write' }),
    onError: (error) => ({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the file needs too much memory' : error.message }),
    onExit: (code) => ({ ok: false, reason: `the writer stopped (${code})` }),
  });
  if (!outcome.ok) throw new Error(`writeAnnotated: ${outcome.reason}`);
  // Posted across threads, the bytes arrive as a plain Uint8Array.
  const { bytes: written, contentType, extension } = outcome.file;
  return { bytes: Buffer.from(written.buffer, written.byteOffset, written.byteLength), contentType, extension };
}
