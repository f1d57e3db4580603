import type { ImportJob } from '@sitenet/domain';
import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import { useRequest } from '#/ui/request';
import { fetchImport } from './api';
import { isRunning, POLL_MS } from './job-state';

/**
 * One import job, loaded and then asked for again every second while it runs (queued, checking,
 * committing), never while the page is hidden (a background tab does not poll; it asks once as it
 * comes back). A failed poll keeps what is shown and tries again on the next tick.
 */
export function useImportJob(id: Ref<string>) {
  const job = shallowRef<ImportJob | null>(null);
  const request = useRequest('loading');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';

  function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    if (stopped || !isRunning(job.value) || !visible()) return;
    timer = setTimeout(() => void poll(), POLL_MS);
  }

  async function poll(): Promise<void> {
    await request.refresh((signal) => fetchImport(id.value, { signal }), (value) => (job.value = value));
    schedule();
  }

  async function load(): Promise<void> {
    await request.run((signal) => fetchImport(id.value, { signal }), (value) => (job.value = value));
    schedule();
  }

  /** Takes a job the page got otherwise (the commit's 202) and polls from there. */
  function replace(value: ImportJob): void {
    job.value = value;
    schedule();
  }

  function onVisibility(): void {
    if (visible() && isRunning(job.value)) void poll();
    else schedule();
  }

  onMounted(() => document.addEventListener('visibilitychange', onVisibility));
  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(timer);
    request.cancel();
    document.removeEventListener('visibilitychange', onVisibility);
  });
  watch(id, () => {
    job.value = null;
    void load();
  });

  return { job, status: request.status, error: request.error, load, replace };
}
