import { Worker } from 'node:worker_threads';

/**
 * A worker file beside the module at `base` (its import.meta.url): name.js when running built
 * (dist), name.ts when a test imports the package's source (Node 26 runs erasable TypeScript).
 */
export function workerBeside(base: string, name: string): URL {
  const extension = base.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, base);
}

/** What a worker run ends with when the worker does not answer: each mapped to the caller's outcome. */
export interface WorkerRun<T> {
  heapMb: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onTimeout(this: void): T;
  onError(this: void, error: Error & { code?: string }): T;
  onExit(this: void, code: number): T;
}

/**
 * Runs a worker thread with a heap limit and a time limit, so a large or hostile file costs that
 * thread, never the API's. Resolves with the worker's first message or what `run` maps a timeout,
 * an error (ERR_WORKER_OUT_OF_MEMORY among them) or an early exit to; rejects only with the
 * caller's abort reason. The worker is stopped in every case.
 */
export function runWorker<T>(file: URL, workerData: unknown, run: WorkerRun<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(run.signal.reason as Error);
      return;
    }
    const worker = new Worker(file, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: run.heapMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      settle();
    };
    const timer = setTimeout(() => finish(() => resolve(run.onTimeout())), run.timeoutMs);
    const onAbort = () => finish(() => reject(run.signal!.reason as Error));
    run.signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (outcome: T) => finish(() => resolve(outcome)));
    worker.once('error', (error: Error & { code?: string }) => finish(() => resolve(run.onError(error))));
    worker.once('exit', (code) => finish(() => resolve(run.onExit(code))));
  });
}
