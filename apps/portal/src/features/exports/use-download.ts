import { computed, onBeforeUnmount, useTemplateRef } from 'vue';
import type { DownloadedFile } from '#/api/client';
import { announce } from '#/ui/live-message';
import { useRequest } from '#/ui/request';
import { saveFile } from './save-file';

export interface DownloadWords {
  /** Said as the download starts (the button shows it too). */
  busy: string;
  /** Said once the file was handed to the browser. */
  done: (fileName: string) => string;
}

/**
 * One download button's state (the component's `ref="button"`): busy while the file is fetched (a
 * second press does nothing), the start and the end said through the page's live region, the
 * failure as an ApiError to show with ErrorAlert (role="alert") whose retry puts the focus back
 * on the button (the alert goes away). Leaving the page aborts a download still running.
 */
export function useDownload(task: (signal: AbortSignal) => Promise<DownloadedFile>, words: () => DownloadWords) {
  const request = useRequest();
  onBeforeUnmount(() => request.cancel());
  const button = useTemplateRef<HTMLButtonElement>('button');
  const busy = computed(() => request.status.value === 'loading');

  function download(): void {
    if (busy.value) return;
    const said = words();
    announce(said.busy);
    void request.run(task, (file) => {
      saveFile(file);
      announce(said.done(file.fileName));
    });
  }

  function retry(): void {
    button.value?.focus();
    download();
  }

  return { busy, error: request.error, download, retry };
}
