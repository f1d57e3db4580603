import { type Ref, ref, shallowRef } from 'vue';
import { type ApiError, isAbort, toApiError } from '#/api/client';

/** Where a load stands: not asked yet, running, arrived, or failed (with `error`). */
export type RequestStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface Request {
  status: Ref<RequestStatus>;
  /** Why the latest run failed; null while loading or after a success. */
  error: Ref<ApiError | null>;
  /**
   * Runs `task` (it gets the signal to pass to the API client), then hands its value to `ready`.
   * A newer run wins: an earlier one still running is aborted and its value or error ignored, so
   * `ready` and `failed` only see the latest run. An abort is never an error. Never rejects.
   */
  run: <T>(task: (signal: AbortSignal) => Promise<T>, ready: (value: T) => void, failed?: (error: ApiError) => void) => Promise<void>;
  /** Like `run`, but keeps status and error as they are while it runs, and a failure changes nothing (what is shown stays). */
  refresh: <T>(task: (signal: AbortSignal) => Promise<T>, ready: (value: T) => void) => Promise<void>;
  /** Like `run`, unless the value is already there (resolves at once) or on its way (joins that run); a failed one runs again. */
  ensure: <T>(task: (signal: AbortSignal) => Promise<T>, ready: (value: T) => void) => Promise<void>;
  /** Aborts the running run, if any, and ignores its outcome (the status stays as it is). */
  cancel: () => void;
}

/**
 * The loading state of one thing a store or page loads: status, error, and the rule that the
 * latest request wins over earlier ones (which are aborted). Return `status` and `error` from a
 * setup store as they are; write the loaded data in `ready`. A page that loads as it mounts can
 * start at `'loading'`, so its first render says so.
 */
export function useRequest(initial: RequestStatus = 'idle'): Request {
  const status = ref<RequestStatus>(initial);
  const error = shallowRef<ApiError | null>(null);
  let controller: AbortController | undefined;
  /** The latest run, for `ensure` to join. */
  let running: { controller: AbortController; promise: Promise<void> } | undefined;

  function start<T>(task: (signal: AbortSignal) => Promise<T>, ready: (value: T) => void, failed: ((error: ApiError) => void) | undefined, quiet: boolean): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    if (!quiet) {
      status.value = 'loading';
      error.value = null;
    }
    const promise = (async () => {
      try {
        const value = await task(current.signal);
        if (current !== controller) return;
        ready(value);
        error.value = null;
        status.value = 'ready';
      } catch (caught) {
        if (current !== controller || isAbort(caught) || quiet) return;
        const apiError = toApiError(caught);
        failed?.(apiError);
        error.value = apiError;
        status.value = 'error';
      } finally {
        if (running?.controller === current) running = undefined;
      }
    })();
    if (status.value === 'loading' && controller === current) running = { controller: current, promise };
    return promise;
  }

  function run<T>(task: (signal: AbortSignal) => Promise<T>, ready: (value: T) => void, failed?: (error: ApiError) => void): Promise<void> {
    return start(task, ready, failed, false);
  }

  function refresh<T>(task: (signal: AbortSignal) => Promise<T>, ready: (value: T) => void): Promise<void> {
    return start(task, ready, undefined, true);
  }

  function ensure<T>(task: (signal: AbortSignal) => Promise<T>, ready: (value: T) => void): Promise<void> {
    if (status.value === 'ready') return Promise.resolve();
    if (status.value === 'loading' && running) return running.promise;
    return run(task, ready);
  }

  function cancel(): void {
    controller?.abort();
    controller = undefined;
  }

  return { status, error, run, refresh, ensure, cancel };
}
